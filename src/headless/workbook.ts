/**
 * An .xlsx workbook as ExcelJS reads it, laid out for HyperFormula: every sheet's values and
 * formulas (shared formulas expanded, array formulas at their anchor), the cached results Excel
 * saved, defined names, and the add-in's document settings.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { RawCellContent, SerializedNamedExpression } from "hyperformula";
import { WorkbookSettings, findBtuCalls } from "../catalogue";
import { serialOf } from "../core";
import { FileProblem, readInputFile } from "./files";
import { toEngineFormula } from "./formulas";
import { SheetContents } from "./engine";
import { readWorkbookSettings } from "./settings";

/** A value as a cell holds it: the cached result of a formula, or a plain value. */
export type PlainValue = number | string | boolean | { error: string } | null;

export interface CellPosition {
  sheet: string;
  sheetIndex: number;
  /** 0-based, as HyperFormula counts. */
  row: number;
  col: number;
  address: string;
}

export interface FormulaCell extends CellPosition {
  /** The formula as stored in the file, without "=". */
  stored: string;
  cached: PlainValue;
  cell: ExcelJS.Cell;
  btu: boolean;
  /** For an array formula: the other cells of its range, with their cached values. */
  arrayCells?: (CellPosition & { cell: ExcelJS.Cell; cached: PlainValue })[];
}

export interface LoadedWorkbook extends WorkbookLayout {
  file: string;
  zip: JSZip;
  workbook: ExcelJS.Workbook;
  settings: WorkbookSettings;
}

const MS_PER_DAY = 86400000;
const UNIX_EPOCH = serialOf(1970, 1, 1);

/** Excel serial of a date ExcelJS decoded (it decodes in UTC, so no time zone enters). */
function serialOfDate(date: Date): number {
  return date.getTime() / MS_PER_DAY + UNIX_EPOCH;
}

function textOf(value: unknown): string {
  if (typeof value === "string") return value;
  if (value && typeof value === "object" && "richText" in value) return (value as ExcelJS.CellRichTextValue).richText.map((run) => run.text).join("");
  return String(value ?? "");
}

/** A plain (non-formula) value, or a formula's cached result, in one shape. */
export function plainValue(value: unknown): PlainValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "string") return value;
  if (value instanceof Date) return serialOfDate(value);
  if (typeof value === "object") {
    if ("error" in value) return { error: String((value as { error: unknown }).error) };
    if ("richText" in value) return textOf(value);
    if ("text" in value) return textOf((value as { text: unknown }).text);
  }
  return null;
}

/** What HyperFormula is given for a plain value: text always as text (never re-parsed as a number or a formula). */
function engineContent(value: PlainValue): RawCellContent {
  if (value === null || typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "string") return `'${value}`;
  return value.error;
}

function isFormula(value: unknown): value is ExcelJS.CellFormulaValue | ExcelJS.CellSharedFormulaValue {
  return typeof value === "object" && value !== null && ("formula" in value || "sharedFormula" in value);
}

function decodeRange(ref: string): { top: number; left: number; bottom: number; right: number } {
  const [a, b = a] = ref.replace(/\$/g, "").split(":");
  const parse = (cell: string) => {
    const m = /^([A-Z]+)([0-9]+)$/i.exec(cell)!;
    const col = m[1].toUpperCase().split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    return { row: Number(m[2]), col };
  };
  const start = parse(a);
  const end = parse(b);
  return { top: start.row, left: start.col, bottom: end.row, right: end.col };
}

function definedNames(workbook: ExcelJS.Workbook): SerializedNamedExpression[] {
  const model = (workbook.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model ?? [];
  return model.filter((name) => name.ranges.length === 1 && !name.name.startsWith("_xlnm")).map((name) => ({ name: name.name, expression: `=${name.ranges[0]}` }));
}

async function openZip(file: string, buffer: Buffer): Promise<JSZip> {
  try {
    const zip = await JSZip.loadAsync(buffer);
    if (!zip.file("xl/workbook.xml")) throw new Error("no xl/workbook.xml");
    return zip;
  } catch {
    throw new FileProblem(`${file}: is corrupt or not an .xlsx workbook`);
  }
}

export async function loadWorkbook(file: string): Promise<LoadedWorkbook> {
  return parseWorkbook(file, await readInputFile(file));
}

/** A workbook from its bytes; `file` names it in messages. */
export async function parseWorkbook(file: string, buffer: Buffer): Promise<LoadedWorkbook> {
  const zip = await openZip(file, buffer);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch (error) {
    throw new FileProblem(`${file}: is corrupt or not an .xlsx workbook (${error instanceof Error ? error.message : String(error)})`);
  }
  return { file, zip, workbook, settings: await readWorkbookSettings(zip), ...layoutWorkbook(workbook) };
}

export interface WorkbookLayout {
  sheetNames: string[];
  sheets: SheetContents;
  names: SerializedNamedExpression[];
  formulas: FormulaCell[];
}

/** The workbook's sheets as HyperFormula contents, and its formula cells. */
export function layoutWorkbook(workbook: ExcelJS.Workbook): WorkbookLayout {
  const sheets: SheetContents = {};
  const formulas: FormulaCell[] = [];
  const sheetNames: string[] = [];
  workbook.worksheets.forEach((worksheet, sheetIndex) => {
    const sheet = worksheet.name;
    sheetNames.push(sheet);
    const grid: RawCellContent[][] = [];
    const arrayCells = new Set<string>();
    const put = (row: number, col: number, content: RawCellContent) => {
      (grid[row] ??= [])[col] = content;
    };
    worksheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        const position = { sheet, sheetIndex, row: Number(cell.row) - 1, col: Number(cell.col) - 1, address: cell.address };
        const value = cell.value;
        if (!isFormula(value)) {
          if (!arrayCells.has(cell.address)) put(position.row, position.col, engineContent(plainValue(value)));
          return;
        }
        const stored = cell.formula;
        if (!stored) return;
        const entry: FormulaCell = { ...position, stored, cached: plainValue(cell.result), cell, btu: findBtuCalls(stored).length > 0 };
        const model = value as { shareType?: string; ref?: string };
        if (model.shareType === "array" && model.ref) {
          entry.arrayCells = [];
          const range = decodeRange(model.ref);
          for (let r = range.top; r <= range.bottom; r++) {
            for (let c = range.left; c <= range.right; c++) {
              if (r === position.row + 1 && c === position.col + 1) continue;
              const other = worksheet.getCell(r, c);
              arrayCells.add(other.address);
              entry.arrayCells.push({ sheet, sheetIndex, row: r - 1, col: c - 1, address: other.address, cell: other, cached: plainValue(other.value) });
            }
          }
        }
        put(position.row, position.col, toEngineFormula(stored));
        formulas.push(entry);
      });
    });
    sheets[sheet] = Array.from(grid, (row) => Array.from(row ?? [], (content) => content ?? null));
  });
  return { sheetNames, sheets, names: definedNames(workbook), formulas };
}

/** Sets a formula's cached result; ExcelJS's value setter (and getter) drop a 0 or FALSE result, its model keeps it. */
export function setCachedResult(cell: ExcelJS.Cell, result: PlainValue): void {
  const model = cell.model as unknown as { result?: unknown };
  model.result = result === null ? undefined : result;
}

/** A value for a plain cell (an array formula's other cells, or a formula replaced by its value). */
export function setPlainValue(cell: ExcelJS.Cell, value: PlainValue): void {
  cell.value = value as ExcelJS.CellValue;
}

export async function workbookBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
