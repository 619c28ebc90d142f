/**
 * The Audit sheet inside Excel: the same rows and layout as the CLI's `btu audit` (src/audit),
 * with the inputs read from the workbook, and the values-only copies for recipients without the add-in.
 */
import {
  AUDIT_FIRST_ROW,
  AUDIT_HEADERS,
  AuditCell,
  AuditInput,
  AuditRow,
  AuditSheetCell,
  auditSheet,
  buildAuditRows,
  isReperformed,
} from "../audit";
import {
  RawScalar,
  ResultKind,
  RunContext,
  SheetError,
  WorkbookSettings,
  findFunction,
  sheetPrefix,
  soleCall,
} from "../catalogue";
import { Scalar } from "../core";
import { SHEET_NAME_LIMIT, freeSheetName } from "../xlsx/sheetNames";
import { rangeAddress, topLeft } from "./addresses";
import { explainFormula, formulaReferences, refKey } from "./explain";
import { CellSnapshot, rangeReader, readSpills, scanBtuCells } from "./workbook";

const AUDIT_SHEET = "Audit";

/** A cell value as the audit writes it: blanks empty, errors by their code. */
function scalar(value: RawScalar): Scalar {
  if (value instanceof SheetError) return value.code;
  return value === null || value === undefined ? "" : value;
}

/** Whether the whole formula is one call to a spilling function (its value is a table). */
function spills(cell: CellSnapshot): boolean {
  const sole = soleCall(cell.formula);
  return sole !== undefined && findFunction(sole.name)?.spill !== undefined;
}

export interface WorkbookScan {
  cells: CellSnapshot[];
  /** Spilled values by `refKey` of the anchor cell. */
  spills: Map<string, RawScalar[][]>;
  audit: AuditCell[];
}

/** Every BTU cell with its inputs read from the workbook in one batch, as the audit model takes them. */
export async function collectAuditCells(
  context: Excel.RequestContext,
  run: RunContext
): Promise<WorkbookScan> {
  const cells = await scanBtuCells(context);
  // Hosts without ExcelApi 1.12 cannot report spills: those cells then list their first value only.
  const spilled = await readSpills(context, cells.filter(spills)).catch(
    () => new Map<string, RawScalar[][]>()
  );
  const refs = new Map(
    cells
      .flatMap((cell) => formulaReferences(cell.formula, cell.sheet))
      .map((ref) => [refKey(ref), ref])
  );
  const values = await rangeReader(context)([...refs.values()]);
  const audit: AuditCell[] = [];
  for (const cell of cells) {
    const calls = await explainFormula(cell.formula, cell.sheet, async () => values, run);
    const inputs = new Map<string, AuditInput>();
    for (const arg of calls.flatMap((call) => call.args)) {
      if (arg.ref === undefined || !Array.isArray(arg.value)) continue;
      const grid = arg.value.map((row) => row.map(scalar));
      inputs.set(arg.ref, {
        ref: arg.ref,
        value: grid.length === 1 && grid[0].length === 1 ? grid[0][0] : grid,
      });
    }
    const spill = spilled.get(refKey(cell));
    const entry: AuditCell = {
      sheet: cell.sheet,
      address: cell.address,
      formula: cell.formula,
      value: spill ? spill.map((row) => row.map(scalar)) : scalar(cell.value),
      inputs: [...inputs.values()],
      settings: run.settings,
    };
    // The arguments as the pane evaluated them, so the audit need not re-read literals and inputs.
    if (calls.every((call) => call.evaluation))
      entry.callArgs = calls.map((call) => call.args.map((arg) => arg.value));
    audit.push(entry);
  }
  return { cells, spills: spilled, audit };
}

const MONEY_FORMAT = "#,##0.00";
const DATE_FORMAT = "yyyy-mm-dd";
const VALUE_COLUMN = AUDIT_HEADERS.indexOf("Value");
const NATIVE_COLUMN = AUDIT_HEADERS.indexOf("Native formula");

function numberFormat(cell: AuditSheetCell, column: number, kind: ResultKind | undefined): string {
  // Text stays text: an original formula written as a value must not turn back into a formula.
  if (typeof cell === "string") return "@";
  if (column === VALUE_COLUMN || column === NATIVE_COLUMN) {
    if (kind === "money") return MONEY_FORMAT;
    if (kind === "date") return DATE_FORMAT;
  }
  return "General";
}

/** Widths in points, by column: narrow ids, wide explanations. */
const COLUMN_WIDTHS = [90, 48, 230, 200, 120, 90, 230, 48, 420, 300, 300, 240];

/** The names of the workbook's sheets, which the sheets the pane adds must not take. */
async function sheetNames(context: Excel.RequestContext): Promise<string[]> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();
  return worksheets.items.map((sheet) => sheet.name);
}

/**
 * Writes the Audit sheet under a name the workbook does not have ("Audit", else "Audit (2)"…; a
 * sheet of the user's is never replaced) and returns the address it filled.
 */
export async function writeAuditSheet(
  context: Excel.RequestContext,
  rows: AuditRow[],
  settings: WorkbookSettings | undefined
): Promise<string> {
  const width = AUDIT_HEADERS.length;
  const layout = auditSheet(rows, settings);
  const grid = layout.cells.map((row) => [
    ...row,
    ...new Array<AuditSheetCell>(width - row.length).fill(null),
  ]);
  const formulas = grid.map((row) =>
    row.map((cell) => (cell === null ? "" : typeof cell === "object" ? cell.formula : cell))
  );
  const formats = grid.map((row, r) =>
    row.map((cell, c) => numberFormat(cell, c, layout.rows[r - (AUDIT_FIRST_ROW - 1)]?.kind))
  );

  const name = freeSheetName(await sheetNames(context), AUDIT_SHEET);
  const sheet = context.workbook.worksheets.add(name);
  const all = sheet.getRange(rangeAddress(0, 0, grid.length, width));
  all.numberFormat = formats;
  all.formulas = formulas;
  all.format.verticalAlignment = "Top";

  sheet.getRange("A1").format.font.bold = true;
  sheet.getRange("A1").format.font.size = 14;
  sheet.getRange("A2").format.font.bold = true;
  const header = sheet.getRange(rangeAddress(AUDIT_FIRST_ROW - 2, 0, 1, width));
  header.format.font.bold = true;
  header.format.font.color = "#FFFFFF";
  header.format.fill.color = "#0F6CBD";
  header.format.wrapText = true;
  if (layout.rows.length)
    sheet.getRange(
      rangeAddress(AUDIT_FIRST_ROW - 1, 0, layout.rows.length, width)
    ).format.wrapText = true;
  COLUMN_WIDTHS.forEach((points, column) => {
    sheet.getRange(rangeAddress(0, column, 1, 1)).getEntireColumn().format.columnWidth = points;
  });
  sheet.freezePanes.freezeRows(AUDIT_FIRST_ROW - 1);
  sheet.activate();
  await context.sync();
  return `${sheetPrefix(name)}${rangeAddress(0, 0, grid.length, width)}`;
}

/** "Model (values)", cut so the suffix fits Excel's 31 characters; numbered when the name is taken. */
function valuesSheetName(taken: string[], sheet: string): string {
  const suffix = " (values)";
  return freeSheetName(taken, sheet.slice(0, SHEET_NAME_LIMIT - suffix.length) + suffix);
}

/**
 * Copies each sheet that holds BTU cells as "<name> (values)", with every BTU formula (and its
 * spill) replaced by the value Excel shows, so the copies open without the add-in. Office.js cannot
 * write a new workbook file from the pane on every host, so the copies stay in this workbook.
 */
export async function createValuesCopies(
  context: Excel.RequestContext,
  scan: Pick<WorkbookScan, "cells" | "spills">
): Promise<string[]> {
  const sheets = [...new Set(scan.cells.map((cell) => cell.sheet))];
  const taken = await sheetNames(context);
  const worksheets = context.workbook.worksheets;
  const names: string[] = [];
  for (const name of sheets) {
    const copy = worksheets.getItem(name).copy("End");
    const copyName = valuesSheetName(taken, name);
    copy.name = copyName;
    taken.push(copyName);
    names.push(copyName);
    for (const cell of scan.cells.filter((c) => c.sheet === name)) {
      const grid = scan.spills.get(refKey(cell)) ?? [[cell.value]];
      const { row, column } = topLeft(cell.address);
      copy.getRange(rangeAddress(row, column, grid.length, grid[0].length)).values = grid.map((r) =>
        r.map(scalar)
      );
    }
  }
  await context.sync();
  return names;
}

export interface AuditSheetWritten {
  /** BTU cells listed. */
  cells: number;
  /** Rows with a native re-performance formula and a check. */
  checks: number;
  address: string;
  /** Names of the values-only sheets created, if asked for. */
  copies: string[];
  /** Why the copies could not be made (a host without worksheet copy, ExcelApi 1.9). */
  copyError?: string;
}

/** The whole "Create Audit sheet" action: scan, explain with the shared audit model, write. */
export async function createAuditSheet(
  context: Excel.RequestContext,
  run: RunContext,
  options: { valuesCopies: boolean }
): Promise<AuditSheetWritten> {
  const scan = await collectAuditCells(context, run);
  const rows = buildAuditRows(scan.audit, run.clauses);
  const address = await writeAuditSheet(context, rows, run.settings);
  const summary: AuditSheetWritten = {
    cells: rows.length,
    checks: rows.filter(isReperformed).length,
    address,
    copies: [],
  };
  if (options.valuesCopies) {
    try {
      summary.copies = await createValuesCopies(context, scan);
    } catch (error) {
      summary.copyError = error instanceof Error ? error.message : String(error);
    }
  }
  return summary;
}
