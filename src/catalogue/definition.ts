/**
 * What one BTU.* function is, in one place: its name and group, the help Excel shows (written from
 * the terms data), its typed parameters, the clauses it applies, the core call, its re-performance
 * in native Excel for the audit, and its worked examples. The Excel wrappers (generated), the
 * HyperFormula plugin, the taskpane, the audit and the function reference all read these.
 */
import type { Outcome } from "../core";
import type { NativeBuilder } from "../audit/native";
import type { ClauseLibrary } from "./clauseLibrary";
import type { Coerced, ParamSpec } from "./coerce";
import type { WorkbookSettings } from "./settings";

export type ResultKind = "money" | "date" | "number" | "text" | "boolean" | "rows";

/** The groups of the taskpane's list and of the function reference, in their order. */
export const GROUPS = [
  "Fees and termination payments",
  "Dates and deadlines",
  "Options and benefits",
  "Borrowing base",
  "Covenants",
  "Terms and text",
] as const;
export type Group = (typeof GROUPS)[number];

export interface RunContext {
  /** The clause texts, loaded on demand (they are large: Excel loads them in a separate chunk). */
  clauses?: ClauseLibrary;
  /** Workbook settings that change results, stored in the workbook so every reader gets the same numbers. */
  settings?: WorkbookSettings;
  /** The workbook counts dates in the 1904 system: date arguments and results are shifted to and from the core's 1900 serials. */
  date1904?: boolean;
}

/** One column of a spilled result, as TERMS.md describes its rows. */
export interface SpillColumn {
  heading: string;
  /** How its values read; a fiscal year is shown as written ("text"), not as an amount. */
  kind: ResultKind;
}

/** An argument as written in a formula: a number, text, DATE(y,m,d) or an array constant. */
export type ExampleArgument = number | string | { date: string } | { array: number[] };

export interface FunctionExample {
  args: ExampleArgument[];
  /** The result as TERMS.md states it, or as worked by hand. */
  shows: string;
  /** What the cell holds (a number, text, an ISO date for a date serial, or an Excel error), where it is one cell. */
  cell?: number | string | boolean | { date: string } | { error: "#N/A" | "#VALUE!" };
}

/** The workbook settings a function reads, shown beside it in the reference and the taskpane. */
export type SettingName = keyof WorkbookSettings;

export interface FunctionDefinition {
  name: string;
  group: Group;
  /** One line that starts with a verb: Excel's tooltip and the reference's summary. */
  summary: string;
  params: ParamSpec[];
  result: ResultKind;
  /** What the result is, in the words of Excel's @returns. */
  returns: string;
  /** Clauses the function applies; a formula using it depends on them. */
  clauses: string[];
  /** For `rows` results: the spill's columns and, where the arguments cannot change it, the most rows. */
  spill?: { columns: readonly SpillColumn[]; maxRows?: number };
  /** Workbook settings that change the result. */
  settings?: readonly SettingName[];
  /** The function reads the clause library (Excel loads it as its own chunk first). */
  needsClauses?: boolean;
  run(args: Coerced[], context: RunContext): Outcome<unknown>;
  /** The same figure in native Excel formulas, or why there is none. */
  native: NativeBuilder | { none: string };
  examples: readonly FunctionExample[];
}
