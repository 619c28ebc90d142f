/**
 * The taskpane's reads and writes of the workbook, each a small function of an Excel request
 * context, so that tests can run them against office-addin-mock and the views stay Office-free.
 */
import {
  RawScalar,
  SheetError,
  findBtuCalls,
  normalizeStoredFormula,
  sheetPrefix,
  soleCall,
  workbookDate1904,
} from "../catalogue";
import { DATE_1904_OFFSET, serialToIso } from "../core";
import { cellAddress, cellsOf, rangeAddress, topLeft } from "./addresses";
import { QualifiedRef, RangeReader, refKey } from "./explain";

export interface CellSnapshot {
  sheet: string;
  /** "B2", without the sheet. */
  address: string;
  /** The formula, or "" when the cell holds a constant. */
  formula: string;
  value: RawScalar;
}

/** A cell value as Office.js returns it, as the catalogue reads cell values. */
function toRaw(value: unknown, type: string | undefined): RawScalar {
  if (type === "Empty" || value === "" || value === null || value === undefined) return null;
  if (type === "Error") return new SheetError(String(value));
  return value as RawScalar;
}

/** Office.js reports a constant's own value under `formulas`; a formula is a "=" text that differs from its value. */
function formulaOf(formula: unknown, value: unknown): string {
  return typeof formula === "string" && formula.startsWith("=") && formula !== value
    ? normalizeStoredFormula(formula)
    : "";
}

export async function readActiveCell(context: Excel.RequestContext): Promise<CellSnapshot> {
  const cell = context.workbook.getActiveCell();
  cell.load("address,formulas,values,valueTypes,worksheet/name");
  await context.sync();
  return {
    sheet: cell.worksheet.name,
    address: cellsOf(cell.address),
    formula: formulaOf(cell.formulas[0][0], cell.values[0][0]),
    value: toRaw(cell.values[0][0], cell.valueTypes[0][0]),
  };
}

/**
 * Loads several ranges in two round trips: which sheets exist, then every range at once (those on
 * missing sheets are left out).
 */
async function loadRanges(
  context: Excel.RequestContext,
  refs: readonly QualifiedRef[],
  properties: string
): Promise<{ ref: QualifiedRef; range: Excel.Range }[]> {
  const sheets = new Map<string, Excel.Worksheet>();
  for (const ref of refs) {
    const key = ref.sheet.toLowerCase();
    if (!sheets.has(key))
      sheets.set(key, context.workbook.worksheets.getItemOrNullObject(ref.sheet));
  }
  await context.sync();
  const ranges = refs.flatMap((ref) => {
    const sheet = sheets.get(ref.sheet.toLowerCase())!;
    if (sheet.isNullObject) return [];
    const range = sheet.getRange(ref.address);
    range.load(properties);
    return [{ ref, range }];
  });
  await context.sync();
  return ranges;
}

/** Reads the values of ranges as the catalogue reads cell values. */
export function rangeReader(context: Excel.RequestContext): RangeReader {
  return async (refs: readonly QualifiedRef[]) => {
    const values = new Map<string, RawScalar[][]>();
    if (!refs.length) return values;
    for (const { ref, range } of await loadRanges(context, refs, "values,valueTypes"))
      values.set(
        refKey(ref),
        range.values.map((row, i) => row.map((value, j) => toRaw(value, range.valueTypes[i][j])))
      );
    return values;
  };
}

/** Writes a formula into the active cell; returns where it went. */
export async function insertFormula(
  context: Excel.RequestContext,
  formula: string
): Promise<CellSnapshot> {
  const cell = context.workbook.getActiveCell();
  cell.formulas = [[formula]];
  cell.load("address,worksheet/name");
  await context.sync();
  return { sheet: cell.worksheet.name, address: cellsOf(cell.address), formula, value: null };
}

export async function selectCell(
  context: Excel.RequestContext,
  sheet: string,
  address: string
): Promise<void> {
  const worksheet = context.workbook.worksheets.getItem(sheet);
  worksheet.activate();
  worksheet.getRange(address).select();
  await context.sync();
}

/** Every cell of the workbook whose formula calls a BTU function, with its value. */
export async function scanBtuCells(context: Excel.RequestContext): Promise<CellSnapshot[]> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();
  const used = worksheets.items.map((sheet) => {
    const range = sheet.getUsedRangeOrNullObject();
    range.load("address,formulas,values,valueTypes");
    return { sheet: sheet.name, range };
  });
  await context.sync();
  const found: CellSnapshot[] = [];
  for (const { sheet, range } of used) {
    if (range.isNullObject) continue;
    const origin = topLeft(cellsOf(range.address));
    range.formulas.forEach((row, i) =>
      row.forEach((raw, j) => {
        const formula = formulaOf(raw, range.values[i][j]);
        if (!formula || !findBtuCalls(formula).length) return;
        found.push({
          sheet,
          address: cellAddress(origin.row + i, origin.column + j),
          formula,
          value: toRaw(range.values[i][j], range.valueTypes[i][j]),
        });
      })
    );
  }
  return found;
}

/** The values a spilling formula shows, keyed by `refKey` of its anchor cell. */
export async function readSpills(
  context: Excel.RequestContext,
  anchors: readonly QualifiedRef[]
): Promise<Map<string, RawScalar[][]>> {
  const spills = anchors.map((anchor) => {
    const range = context.workbook.worksheets
      .getItem(anchor.sheet)
      .getRange(anchor.address)
      .getSpillingToRangeOrNullObject();
    range.load("values,valueTypes");
    return { anchor, range };
  });
  if (spills.length) await context.sync();
  const values = new Map<string, RawScalar[][]>();
  for (const { anchor, range } of spills) {
    if (!range.isNullObject)
      values.set(
        refKey(anchor),
        range.values.map((row, i) => row.map((value, j) => toRaw(value, range.valueTypes[i][j])))
      );
  }
  return values;
}

/**
 * Calls `onChange` whenever the user selects other cells, edits a cell or the workbook recalculates
 * (the handlers live as long as the pane); the caller debounces, as one edit fires several events.
 */
export async function watchWorkbook(
  context: Excel.RequestContext,
  onChange: () => void
): Promise<void> {
  const handler = async () => onChange();
  context.workbook.onSelectionChanged.add(handler);
  context.workbook.worksheets.onChanged.add(handler);
  context.workbook.worksheets.onCalculated.add(handler);
  await context.sync();
}

/** Asks Excel to calculate the selected cell again, so that its BTU calls record their arguments. */
export async function calculateActiveCell(context: Excel.RequestContext): Promise<void> {
  context.workbook.getActiveCell().calculate();
  await context.sync();
}

/** The 1904 date system, read from Excel itself: DATE(1904,1,1) is serial 0 there and 1462 in 1900. */
export async function readDate1904(context: Excel.RequestContext): Promise<boolean> {
  const serial = context.workbook.functions.date(1904, 1, 1);
  serial.load("value");
  await context.sync();
  return serial.value === 0;
}

/** Every cell of these ranges that holds a formula, with its value (one round trip per step). */
export async function readFormulaCells(
  context: Excel.RequestContext,
  refs: readonly QualifiedRef[]
): Promise<CellSnapshot[]> {
  const ranges = await loadRanges(
    context,
    refs,
    "address,formulas,values,valueTypes,worksheet/name"
  );
  const found: CellSnapshot[] = [];
  for (const { range } of ranges) {
    const origin = topLeft(cellsOf(range.address));
    range.formulas.forEach((row, i) =>
      row.forEach((raw, j) => {
        const formula = formulaOf(raw, range.values[i][j]);
        if (formula)
          found.push({
            sheet: range.worksheet.name,
            address: cellAddress(origin.row + i, origin.column + j),
            formula,
            value: toRaw(range.values[i][j], range.valueTypes[i][j]),
          });
      })
    );
  }
  return found;
}

/** The active sheet's name: unqualified references in a formula built by the pane refer to it. */
export async function activeSheetName(context: Excel.RequestContext): Promise<string> {
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  sheet.load("name");
  await context.sync();
  return sheet.name;
}

/** One deadline a workbook's EVENT_DEADLINES cell spills, as the calendar export takes it. */
export interface DeadlineCell {
  where: string;
  row: number;
  iso: string;
  event: string;
  clause: string;
}

/** The deadlines of every cell whose whole formula is one BTU.EVENT_DEADLINES call, as Excel shows them. */
export async function readDeadlineCells(context: Excel.RequestContext): Promise<DeadlineCell[]> {
  const cells = (await scanBtuCells(context)).filter(
    (cell) => soleCall(cell.formula)?.name === "EVENT_DEADLINES"
  );
  const spills = await readSpills(context, cells).catch(() => new Map<string, RawScalar[][]>());
  const shift = workbookDate1904() ? DATE_1904_OFFSET : 0;
  return cells.flatMap((cell) => {
    const rows = spills.get(refKey(cell)) ?? [[cell.value]];
    const where = `${sheetPrefix(cell.sheet)}${cell.address}`;
    return rows.flatMap((row, i) =>
      typeof row[0] === "number"
        ? [
            {
              where,
              row: i,
              iso: serialToIso(Math.floor(row[0]) + shift),
              event: String(row[1] ?? ""),
              clause: String(row[2] ?? ""),
            },
          ]
        : []
    );
  });
}

/** The table and chart "Insert as Excel chart" writes, so the picture travels with the workbook. */
export interface ChartTable {
  title: string;
  chartType: "Line" | "ColumnClustered";
  headings: string[];
  rows: (number | string)[][];
  /** Number format per column ("d mmm yyyy", "$#,##0.00"). */
  formats: string[];
}

/**
 * Writes the chart's small data table two columns to the right of the selected cell and a native
 * Excel chart over it, beside the table; returns the table's address.
 */
export async function insertChartTable(
  context: Excel.RequestContext,
  table: ChartTable
): Promise<string> {
  const cell = context.workbook.getActiveCell();
  cell.load("address,worksheet/name");
  await context.sync();
  const origin = topLeft(cellsOf(cell.address));
  const sheet = context.workbook.worksheets.getItem(cell.worksheet.name);
  const grid = [table.headings, ...table.rows];
  const address = rangeAddress(origin.row, origin.column + 2, grid.length, table.headings.length);
  const range = sheet.getRange(address);
  range.values = grid;
  range.numberFormat = grid.map((row, r) =>
    row.map((_, c) => (r === 0 ? "General" : table.formats[c]))
  );
  sheet.getRange(
    rangeAddress(origin.row, origin.column + 2, 1, table.headings.length)
  ).format.font.bold = true;
  const chart = sheet.charts.add(table.chartType, range, "Columns");
  chart.title.text = table.title;
  chart.setPosition(rangeAddress(origin.row, origin.column + 3 + table.headings.length, 1, 1));
  await context.sync();
  return `${sheetPrefix(cell.worksheet.name)}${address}`;
}
