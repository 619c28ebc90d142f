/**
 * The auditor's view of each BTU cell: what it computes, from which inputs and clauses, the core's
 * explanation, and a native formula that re-performs it. The CLI writes these rows into the audit
 * copy; the taskpane writes the same rows into an Audit sheet inside Excel.
 */
import { ClauseLibrary, RawArgument, ResultKind, WorkbookSettings, evaluate, findBtuCalls, findFunction, SETTING_KEYS } from "../catalogue";
import { CellValue, Explanation, serialToIso } from "../core";
import { argumentValue, canonicalReference, qualifyReferences, UNKNOWN } from "./references";
import { nativeCellFormula } from "./native";
import { Provenance, describeProvenance } from "./provenance";

export interface AuditInput {
  /** A sheet-qualified reference such as `Termination!B5` or `'Borrowing base'!C3:C6`. */
  ref: string;
  /** The cell's value, or a 2-D array for a range. */
  value: unknown;
}

export interface AuditCell {
  sheet: string;
  /** A1 address of the cell on its sheet. */
  address: string;
  /** The formula as Excel shows it (`=BTU.X(...)`). */
  formula: string;
  value: CellValue;
  /** The cells the formula references, with their values. */
  inputs: AuditInput[];
  settings?: WorkbookSettings;
  /** The workbook counts dates in the 1904 system (its date arguments and results are 1904 serials). */
  date1904?: boolean;
  /**
   * Optional: the arguments of each BTU call as the spreadsheet evaluated them, in `findBtuCalls`
   * order. Without them, arguments are read from literals and `inputs`.
   */
  callArgs?: RawArgument[][];
}

export interface AuditRow {
  sheet: string;
  address: string;
  formula: string;
  inputs: string;
  value: CellValue;
  /** The result kind of the cell's outermost call, for number formats. */
  kind?: ResultKind;
  clauses: string[];
  steps: string;
  interpretation: string;
  alternatives: string;
  native?: string;
  nativeNote?: string;
}

/** Columns of the Audit sheet, in order. The check compares Value (F) with the native formula (G). */
export const AUDIT_HEADERS = [
  "Sheet",
  "Cell",
  "Original formula",
  "Inputs",
  "Clauses",
  "Value",
  "Native formula",
  "Check",
  "Explanation (label: figure — clause — rule)",
  "Interpretation",
  "Alternatives",
  "Note on the native formula",
] as const;

function show(value: unknown): string {
  if (Array.isArray(value)) return `{${value.map((row) => (Array.isArray(row) ? row.map(show).join(",") : show(row))).join(";")}}`;
  if (value === null || value === undefined || value === "") return "(blank)";
  if (typeof value === "string") return `"${value}"`;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "object" && "code" in value) return String((value as { code: unknown }).code);
  return String(value);
}

function line(item: { label: string; figure: string; clause: string; rule: string }): string {
  return `${item.label}: ${item.figure} — ${item.clause} — ${item.rule}`;
}

function argumentsOf(cell: AuditCell, index: number, args: string[], settings: WorkbookSettings | undefined): RawArgument[] | undefined {
  const date1904 = cell.date1904;
  const given = cell.callArgs?.[index];
  if (given) return given;
  const lookup = inputLookup(cell);
  const values = args.map((text) => {
    const nested = findBtuCalls(text);
    if (nested.length && nested[0].start === 0 && nested[0].end === text.length) {
      const inner = nested[0].args.map((t) => argumentValue(t, lookup));
      if (inner.includes(UNKNOWN)) return UNKNOWN;
      const result = evaluate(nested[0].name, inner as RawArgument[], { settings, date1904 }).result;
      return result.ok ? (result.value as RawArgument) : UNKNOWN;
    }
    return argumentValue(text, lookup);
  });
  return values.includes(UNKNOWN) ? undefined : (values as RawArgument[]);
}

function inputLookup(cell: AuditCell): (text: string) => unknown {
  const byRef = new Map(cell.inputs.map((input) => [canonicalReference(input.ref, cell.sheet), input.value]));
  return (text) => byRef.get(canonicalReference(text.trim(), cell.sheet));
}

interface Explained {
  failed: boolean;
  clauses: string[];
  steps: string[];
  interpretation: string[];
  alternatives: string[];
}

function explainCalls(cell: AuditCell, settings: WorkbookSettings | undefined, clauses: ClauseLibrary | undefined): Explained & { kind?: ResultKind } {
  const calls = findBtuCalls(cell.formula);
  const out: Explained = { failed: false, clauses: [], steps: [], interpretation: [], alternatives: [] };
  calls.forEach((call, index) => {
    const heading = calls.length > 1 ? [`${call.text}:`] : [];
    const args = argumentsOf(cell, index, call.args, settings);
    if (!args) {
      out.steps.push(...heading, "Arguments could not be read from the formula alone: see Inputs.");
      out.clauses.push(...(findFunction(call.name)?.clauses ?? []));
      return;
    }
    const evaluation = evaluate(call.name, args, { settings, clauses, date1904: cell.date1904 });
    if (!evaluation.result.ok) {
      out.failed = true;
      out.steps.push(...heading, `${evaluation.result.code} ${evaluation.result.message}`);
      out.clauses.push(...(evaluation.spec?.clauses ?? []));
      return;
    }
    const explanation: Explanation | undefined = evaluation.outcome?.ok ? evaluation.outcome.explanation : undefined;
    if (!explanation) return;
    out.steps.push(...heading, ...explanation.steps.map(line));
    out.clauses.push(...explanation.steps.map((s) => s.clause), ...explanation.alternatives.map((a) => a.clause));
    if (explanation.interpretation) out.interpretation.push(explanation.interpretation);
    out.alternatives.push(...explanation.alternatives.map(line));
  });
  const only = calls.length === 1 && cell.formula.trim().replace(/^=/, "").trim() === calls[0].text ? findFunction(calls[0].name) : undefined;
  return { ...out, kind: only?.result };
}

/** One audit row per BTU cell, explanations from the core, native formulas where Excel can re-perform them. */
export function buildAuditRows(cells: AuditCell[], clauses?: ClauseLibrary): AuditRow[] {
  return cells.map((cell) => {
    const settings = cell.settings;
    const explained = explainCalls(cell, settings, clauses);
    const lookup = inputLookup(cell);
    const native = explained.failed
      ? { note: "the cell shows an error: there is no figure to re-perform" }
      : Array.isArray(cell.value)
        ? { note: "not re-performable in native Excel: a spilled table, not one figure" }
        : nativeCellFormula(cell.formula, (text) => qualifyReferences(text, cell.sheet), { settings, date1904: cell.date1904, lookupValue: (text) => argumentValue(text, lookup) });
    const row: AuditRow = {
      sheet: cell.sheet,
      address: cell.address,
      formula: cell.formula.startsWith("=") ? cell.formula : `=${cell.formula}`,
      inputs: cell.inputs.map((input) => `${input.ref} = ${show(input.value)}`).join("\n"),
      value: cell.value,
      kind: explained.kind,
      clauses: [...new Set(explained.clauses.filter(Boolean))],
      steps: explained.steps.join("\n"),
      interpretation: [...new Set(explained.interpretation)].join("\n"),
      alternatives: explained.alternatives.join("\n"),
    };
    if (native.formula) row.native = native.formula;
    if (native.note) row.nativeNote = native.note;
    return row;
  });
}

/** A cell of the Audit sheet: a value, or a formula with its cached result where one is known. */
export type AuditSheetCell = string | number | boolean | null | { formula: string };

/** First data row of the Audit sheet (1-based): title, settings, blank line, headers come first. */
export const AUDIT_FIRST_ROW = 5;

export function describeSettings(settings: WorkbookSettings | undefined): string {
  const method = settings?.discountMethod ? `"${settings.discountMethod}"` : "not set (each cell's own method, else simple)";
  const holidays = settings?.extraHolidays?.length ? settings.extraHolidays.map(serialToIso).join(", ") : "none";
  return `${SETTING_KEYS.discountMethod} = ${method}; ${SETTING_KEYS.extraHolidays} = ${holidays}`;
}

function valueCell(value: CellValue): AuditSheetCell {
  if (!Array.isArray(value)) return value;
  return `${value.length} rows × ${value[0]?.length ?? 0} columns (spilled); first row ${show(value[0])}`;
}

function checkFormula(row: AuditRow, excelRow: number): AuditSheetCell {
  if (!row.native || Array.isArray(row.value)) return null;
  return typeof row.value === "number" ? { formula: `=ROUND(F${excelRow}-G${excelRow},2)=0` } : { formula: `=F${excelRow}=G${excelRow}` };
}

/**
 * The whole Audit sheet as rows of cells, in AUDIT_HEADERS order from row AUDIT_FIRST_ROW: the same
 * layout whether the CLI or the taskpane writes it.
 */
export function auditSheetRows(rows: AuditRow[], settings?: WorkbookSettings, provenance?: Provenance): AuditSheetCell[][] {
  const preamble: AuditSheetCell[][] = [
    ["BTU audit: every BTU.* cell of this workbook with its value, inputs, clauses and the calculation's steps; where Excel can re-perform it, a native formula and a check (TRUE when they agree)."],
    ["Workbook settings used", describeSettings(settings), ...(provenance ? ["Produced by", describeProvenance(provenance)] : [])],
    ["Native formulas round to cents as ROUND(ROUND(100*x,4),0)/100: half away from zero, like the add-in, even where binary floating point holds a half cent as 0.00499999…"],
    [...AUDIT_HEADERS],
  ];
  const body = rows.map((row, i): AuditSheetCell[] => {
    const excelRow = AUDIT_FIRST_ROW + i;
    return [
      row.sheet,
      row.address,
      row.formula,
      row.inputs,
      row.clauses.join(", "),
      valueCell(row.value),
      row.native ? { formula: row.native } : null,
      checkFormula(row, excelRow),
      row.steps,
      row.interpretation,
      row.alternatives,
      row.nativeNote ?? null,
    ];
  });
  return [...preamble, ...body];
}
