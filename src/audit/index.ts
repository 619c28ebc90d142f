/** The Office-free audit model: shared by `btu audit` and the taskpane's Audit sheet. */
export {
  AUDIT_HEADERS,
  AUDIT_FIRST_ROW,
  auditSheet,
  auditSheetRows,
  buildAuditRows,
  describeSettings,
  isReperformed,
} from "./rows";
export type {
  AuditCell,
  AuditInput,
  AuditRow,
  AuditSheetCell,
  AuditSheetLayout,
  AuditSheetRow,
} from "./rows";
export { explainNative, nativeCellFormula, nativeFormula } from "./native";
export type { NativeOptions, NativePart, NativeResult } from "./native";
export {
  argumentValue,
  canonicalReference,
  qualifyReferences,
  referencesIn,
  UNKNOWN,
} from "./references";
export { describeProvenance } from "./provenance";
export type { Provenance } from "./provenance";
