/**
 * The auditor's view of each BTU cell: what it computes, from which inputs and clauses, the core's
 * explanation, and a native formula that re-performs it. The CLI writes these rows into the audit
 * copy; the taskpane writes the same rows into an Audit sheet inside Excel.
 */
import {
  ClauseLibrary,
  RawArgument,
  ResultKind,
  WorkbookSettings,
  cellAddress,
  columnLetters,
  evaluate,
  findBtuCalls,
  findFunction,
  parseCellAddress,
  SETTING_KEYS,
} from "../catalogue";
import { CellValue, DEFAULT_WATCH_SHARE, Explanation, serialToIso } from "../core";
import { argumentValue, canonicalReference, qualifyReferences, UNKNOWN } from "./references";
import { NativePart, nativeCellFormula } from "./native";
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
  /** Rows below this one: the cells of a spill re-performed one by one, or helpers the native formula reads. */
  parts?: NativePart[];
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
  if (Array.isArray(value))
    return `{${value.map((row) => (Array.isArray(row) ? row.map(show).join(",") : show(row))).join(";")}}`;
  if (value === null || value === undefined || value === "") return "(blank)";
  if (typeof value === "string") return `"${value}"`;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "object" && "code" in value)
    return String((value as { code: unknown }).code);
  return String(value);
}

function line(item: { label: string; figure: string; clause: string; rule: string }): string {
  return `${item.label}: ${item.figure} — ${item.clause} — ${item.rule}`;
}

function argumentsOf(
  cell: AuditCell,
  index: number,
  args: string[],
  settings: WorkbookSettings | undefined
): RawArgument[] | undefined {
  const date1904 = cell.date1904;
  const given = cell.callArgs?.[index];
  if (given) return given;
  const lookup = inputLookup(cell);
  const values = args.map((text) => {
    const nested = findBtuCalls(text);
    if (nested.length && nested[0].start === 0 && nested[0].end === text.length) {
      const inner = nested[0].args.map((t) => argumentValue(t, lookup, date1904));
      if (inner.includes(UNKNOWN)) return UNKNOWN;
      const result = evaluate(nested[0].name, inner as RawArgument[], {
        settings,
        date1904,
      }).result;
      return result.ok ? (result.value as RawArgument) : UNKNOWN;
    }
    return argumentValue(text, lookup, date1904);
  });
  return values.includes(UNKNOWN) ? undefined : (values as RawArgument[]);
}

function inputLookup(cell: AuditCell): (text: string) => unknown {
  const byRef = new Map(
    cell.inputs.map((input) => [canonicalReference(input.ref, cell.sheet), input.value])
  );
  return (text) => byRef.get(canonicalReference(text.trim(), cell.sheet));
}

interface Explained {
  failed: boolean;
  clauses: string[];
  steps: string[];
  interpretation: string[];
  alternatives: string[];
}

function explainCalls(
  cell: AuditCell,
  settings: WorkbookSettings | undefined,
  clauses: ClauseLibrary | undefined
): Explained & { kind?: ResultKind } {
  const calls = findBtuCalls(cell.formula);
  const out: Explained = {
    failed: false,
    clauses: [],
    steps: [],
    interpretation: [],
    alternatives: [],
  };
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
    const explanation: Explanation | undefined = evaluation.outcome?.ok
      ? evaluation.outcome.explanation
      : undefined;
    if (!explanation) return;
    out.steps.push(...heading, ...explanation.steps.map(line));
    out.clauses.push(
      ...explanation.steps.map((s) => s.clause),
      ...explanation.alternatives.map((a) => a.clause)
    );
    if (explanation.interpretation) out.interpretation.push(explanation.interpretation);
    out.alternatives.push(...explanation.alternatives.map(line));
  });
  const only =
    calls.length === 1 && cell.formula.trim().replace(/^=/, "").trim() === calls[0].text
      ? findFunction(calls[0].name)
      : undefined;
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
      : nativeCellFormula(cell.formula, (text) => qualifyReferences(text, cell.sheet), {
          settings,
          date1904: cell.date1904,
          cellValue: cell.value,
          lookupValue: (text) => argumentValue(text, lookup, cell.date1904),
        });
    if (Array.isArray(cell.value) && !native.parts?.some((part) => part.value !== undefined))
      native.note ??= "not re-performable in native Excel: a spilled table, not one figure";
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
    if (native.formula && !Array.isArray(cell.value)) row.native = native.formula;
    if (native.parts) row.parts = native.parts;
    if (native.note) row.nativeNote = native.note;
    return row;
  });
}

/** Whether Excel can re-perform the cell: a native formula, or a spill whose cells are re-performed one by one. */
export function isReperformed(row: AuditRow): boolean {
  return row.native !== undefined || (row.parts ?? []).some((part) => part.value !== undefined);
}

/** A cell of the Audit sheet: a value, or a formula with its cached result where one is known. */
export type AuditSheetCell = string | number | boolean | null | { formula: string };

/** First data row of the Audit sheet (1-based): title, settings, blank line, headers come first. */
export const AUDIT_FIRST_ROW = 5;

export function describeSettings(settings: WorkbookSettings | undefined): string {
  const method = settings?.discountMethod
    ? `"${settings.discountMethod}"`
    : "not set (each cell's own method, else simple)";
  const holidays = settings?.extraHolidays?.length
    ? settings.extraHolidays.map(serialToIso).join(", ")
    : "none";
  const watch = settings?.watchShare ?? `not set (${DEFAULT_WATCH_SHARE})`;
  return `${SETTING_KEYS.discountMethod} = ${method}; ${SETTING_KEYS.extraHolidays} = ${holidays}; ${SETTING_KEYS.watchShare} = ${watch}`;
}

function valueCell(value: CellValue): AuditSheetCell {
  if (!Array.isArray(value)) return value;
  return `${value.length} rows × ${value[0]?.length ?? 0} columns (spilled); first row ${show(value[0])}`;
}

const VALUE = AUDIT_HEADERS.indexOf("Value");
const NATIVE = AUDIT_HEADERS.indexOf("Native formula");
const CHECK = AUDIT_HEADERS.indexOf("Check");
const column = (index: number) => columnLetters(index + 1);

function compare(value: CellValue | undefined, excelRow: number): AuditSheetCell {
  const [f, g] = [`${column(VALUE)}${excelRow}`, `${column(NATIVE)}${excelRow}`];
  return typeof value === "number"
    ? { formula: `=ROUND(${f}-${g},2)=0` }
    : { formula: `=${f}=${g}` };
}

/** One row of the Audit sheet below AUDIT_FIRST_ROW - 1: a BTU cell, or a part of one. */
export interface AuditSheetRow {
  row: AuditRow;
  /** The index of the BTU cell in the rows given. */
  index: number;
  part?: NativePart;
  /** The result kind of what the row's Value and Native cells hold. */
  kind?: ResultKind;
}

export interface AuditSheetLayout {
  cells: AuditSheetCell[][];
  /** From AUDIT_FIRST_ROW on, what each sheet row holds. */
  rows: AuditSheetRow[];
  /** 1-based sheet rows of each BTU cell's own row, in the order given. */
  cellRows: number[];
}

/** `{#k}` and `{#a:#b}` in a native formula, as absolute references to its parts' native cells. */
function placeParts(formula: string, firstPartRow: number): string {
  const at = (k: string) => `$${column(NATIVE)}$${firstPartRow + Number(k)}`;
  return formula.replace(/\{#([0-9]+)(?::#([0-9]+))?\}/g, (_, a: string, b?: string) =>
    b === undefined ? at(a) : `${at(a)}:${at(b)}`
  );
}

/** The address of a spill's cell, from its anchor and its place in the spill. */
function spillAddress(address: string, offset: [number, number] | undefined): string {
  const anchor = parseCellAddress(address);
  return offset && anchor ? cellAddress(anchor.row + offset[0], anchor.col + offset[1]) : address;
}

/**
 * The whole Audit sheet as rows of cells, in AUDIT_HEADERS order from row AUDIT_FIRST_ROW: the same
 * layout whether the CLI or the taskpane writes it. A BTU cell's parts follow its own row.
 */
export function auditSheet(
  rows: AuditRow[],
  settings?: WorkbookSettings,
  provenance?: Provenance
): AuditSheetLayout {
  const preamble: AuditSheetCell[][] = [
    [
      "BTU audit: every BTU.* cell of this workbook with its value, inputs, clauses and the calculation's steps; where Excel can re-perform it, a native formula and a check (TRUE when they agree).",
    ],
    [
      "Workbook settings used",
      describeSettings(settings),
      ...(provenance ? ["Produced by", describeProvenance(provenance)] : []),
    ],
    [
      "Native formulas round to cents as ROUND(ROUND(100*x,4),0)/100: half away from zero, like the add-in, even where binary floating point holds a half cent as 0.00499999…",
    ],
    [...AUDIT_HEADERS],
  ];
  const cells: AuditSheetCell[][] = [...preamble];
  const layout: AuditSheetRow[] = [];
  const cellRows: number[] = [];
  rows.forEach((row, index) => {
    const excelRow = AUDIT_FIRST_ROW + layout.length;
    const parts = row.parts ?? [];
    const firstPart = excelRow + 1;
    const checked = parts
      .map((part, k) => (part.value !== undefined ? firstPart + k : 0))
      .filter(Boolean);
    let check: AuditSheetCell = null;
    if (row.native && !Array.isArray(row.value)) check = compare(row.value, excelRow);
    else if (checked.length)
      check = { formula: `=AND(${checked.map((r) => `${column(CHECK)}${r}`).join(",")})` };
    cellRows.push(excelRow);
    cells.push([
      row.sheet,
      row.address,
      row.formula,
      row.inputs,
      row.clauses.join(", "),
      valueCell(row.value),
      row.native
        ? { formula: placeParts(row.native, firstPart) }
        : checked.length
          ? `re-performed cell by cell in the ${checked.length} rows below`
          : null,
      check,
      row.steps,
      row.interpretation,
      row.alternatives,
      row.nativeNote ?? null,
    ]);
    layout.push({ row, index, kind: row.kind });
    parts.forEach((part, k) => {
      const partRow = firstPart + k;
      const label =
        part.value !== undefined
          ? `${part.label} (${row.sheet}!${spillAddress(row.address, part.offset)})`
          : part.label;
      cells.push([
        row.sheet,
        part.offset ? spillAddress(row.address, part.offset) : row.address,
        null,
        null,
        null,
        part.value ?? null,
        { formula: placeParts(`=${part.native}`, firstPart) },
        part.value !== undefined ? compare(part.value, partRow) : null,
        label,
        null,
        null,
        null,
      ]);
      layout.push({ row, index, part, kind: part.kind });
    });
  });
  return { cells, rows: layout, cellRows };
}

/** The Audit sheet's cells (see auditSheet for what each row holds). */
export function auditSheetRows(
  rows: AuditRow[],
  settings?: WorkbookSettings,
  provenance?: Provenance
): AuditSheetCell[][] {
  return auditSheet(rows, settings, provenance).cells;
}
