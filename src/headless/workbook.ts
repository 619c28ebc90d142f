/**
 * An .xlsx/.xlsm workbook read straight from its package, laid out for HyperFormula: every sheet's
 * values and formulas (shared formulas expanded, array formulas at their anchor), the cached results
 * Excel saved, defined names (constants and sheet scope included), the date system, and the add-in's
 * document settings. The package stays open so that a command can patch it and write it back.
 */
import { RawCellContent } from "hyperformula";
import {
  FormulaTextError,
  MAX_COLUMNS,
  WorkbookSettings,
  cellAddress,
  parseRange,
  shiftFormula,
} from "../catalogue";
import { DATE_1904_OFFSET, serialOf } from "../core";
import {
  PackageProblem,
  ScannedSheet,
  CellTable,
  StoredValue,
  WorkbookStructure,
  XlsxPackage,
  readSharedStrings,
  readStructure,
  scanSheet,
} from "../xlsx";
import { FileProblem, readInputFile } from "./files";
import { FormulaReader, ReadFormula, toEngineFormula } from "./formulas";
import { EngineName, SheetContents } from "./engine";
import { readWorkbookSettings } from "./settings";

/** A value as a cell holds it: the cached result of a formula, or a plain value. */
export type PlainValue = StoredValue;

export interface CellPosition {
  sheet: string;
  /** 0-based, as HyperFormula counts. */
  row: number;
  col: number;
  address: string;
}

export interface FormulaCell extends CellPosition {
  /** This cell's formula as stored in the file, without "=" (a shared formula's text moved to this cell). */
  stored: string;
  cached: PlainValue;
  btu: boolean;
  /** The cell's index in its sheet's scan. */
  cell: number;
  kind: "normal" | "shared" | "array" | "dataTable";
  /** Why HyperFormula cannot compute this formula, read from its text; undefined if it can. */
  unsupported?: string;
  /** For an array formula: the other cells of its range, with their cached values (cell absent where the file has none). */
  arrayCells?: (CellPosition & { cell?: number; cached: PlainValue })[];
}

export interface LoadedSheet {
  name: string;
  part: string;
  scanned: ScannedSheet;
}

export interface LoadedWorkbook extends WorkbookLayout {
  file: string;
  pkg: XlsxPackage;
  structure: WorkbookStructure;
  settings: WorkbookSettings;
}

export interface WorkbookLayout {
  sheetNames: string[];
  /** Worksheets (not chart sheets), in workbook order. */
  worksheets: LoadedSheet[];
  /** The cells as the engine is given them; released once an engine is built from them. */
  sheets: SheetContents;
  names: EngineName[];
  formulas: FormulaCell[];
  date1904: boolean;
}

const ISO_DATE =
  /^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:T([0-9]{2}):([0-9]{2})(?::([0-9]{2}(?:\.[0-9]+)?))?)?/;

/** An ISO date cell (`t="d"`) as a serial in the workbook's date system. */
function isoSerial(text: string, date1904: boolean): number | undefined {
  const m = ISO_DATE.exec(text);
  if (!m) return undefined;
  const day =
    serialOf(Number(m[1]), Number(m[2]), Number(m[3])) - (date1904 ? DATE_1904_OFFSET : 0);
  const seconds = Number(m[4] ?? 0) * 3600 + Number(m[5] ?? 0) * 60 + Number(m[6] ?? 0);
  return day + seconds / 86400;
}

/** The value cell i of a sheet holds (for a formula, its cached result). */
function valueOf(
  cells: CellTable,
  i: number,
  strings: string[] | undefined,
  /** The cell's name for a message: only made when there is one to give. */
  where: (row: number, col: number) => string,
  date1904: boolean,
  stringsPart: string
): PlainValue {
  const v = cells.value(i);
  switch (cells.type(i)) {
    case "s": {
      if (v === undefined) return null;
      if (!strings)
        throw new PackageProblem(
          `has text cells (${where(cells.row(i), cells.col(i))}) but no shared strings part ${stringsPart}`
        );
      const text = strings[Number(v)];
      if (text === undefined)
        throw new PackageProblem(
          `cell ${where(cells.row(i), cells.col(i))} refers to shared string ${v}, which the shared strings part does not have`
        );
      return text;
    }
    case "inlineStr":
      return cells.inline(i) ?? v ?? "";
    case "str":
      return v ?? "";
    case "b":
      return v === undefined ? null : v === "1" || v === "true";
    case "e":
      return v === undefined ? null : { error: v };
    case "d":
      return v === undefined ? null : (isoSerial(v, date1904) ?? v);
    default:
      if (v === undefined || v === "") return cells.inline(i) ?? null;
      return Number(v);
  }
}

/** What HyperFormula is given for a plain value: text always as text (never re-parsed as a number or a formula). */
export function engineContent(value: PlainValue): RawCellContent {
  if (value === null || typeof value === "number" || typeof value === "boolean") return value;
  if (typeof value === "string") return `'${value}`;
  return value.error;
}

/** A formula read for the engine; text Excel itself could not have stored (beyond its nesting limit) is refused, naming the cell. */
function readFormula(reader: FormulaReader, text: string, where: string): ReadFormula {
  try {
    return reader.read(text);
  } catch (error) {
    if (error instanceof FormulaTextError)
      throw new PackageProblem(
        `cell ${where} has a formula Excel cannot hold: it ${error.message}`
      );
    throw error;
  }
}

export async function loadWorkbook(file: string): Promise<LoadedWorkbook> {
  return parseWorkbook(file, await readInputFile(file));
}

/** A workbook from its bytes; `file` names it in messages. */
export async function parseWorkbook(file: string, buffer: Uint8Array): Promise<LoadedWorkbook> {
  try {
    const pkg = XlsxPackage.read(buffer);
    const structure = readStructure(pkg);
    return {
      file,
      pkg,
      structure,
      settings: readWorkbookSettings(pkg),
      ...layoutPackage(pkg, structure),
    };
  } catch (error) {
    if (error instanceof PackageProblem) throw new FileProblem(`${file}: ${error.message}`);
    throw error;
  }
}

/** The workbook's sheets as HyperFormula contents, its names, and its formula cells. */
export function layoutPackage(pkg: XlsxPackage, structure: WorkbookStructure): WorkbookLayout {
  const strings = readSharedStrings(pkg, structure.sharedStringsPart);
  const stringsPart = structure.sharedStringsPart ?? "xl/sharedStrings.xml";
  const { date1904 } = structure;
  const reader = new FormulaReader(new Set(structure.names.map((name) => name.name.toUpperCase())));
  const sheets: SheetContents = {};
  const formulas: FormulaCell[] = [];
  const worksheets: LoadedSheet[] = [];
  for (const entry of structure.sheets) {
    if (!entry.part) continue;
    const sheet = entry.name;
    const scanned = scanSheet(pkg.text(entry.part)!, entry.part);
    worksheets.push({ name: sheet, part: entry.part, scanned });
    const grid: RawCellContent[][] = [];
    const put = (row: number, col: number, content: RawCellContent) => {
      (grid[row] ??= [])[col] = content;
    };
    const sharedMasters = new Map<string, { text: string; row: number; col: number }>();
    // Cells keyed by number: a value cell, the common case, costs no address string.
    const key = (row: number, col: number) => row * MAX_COLUMNS + col;
    const arrayMembers = new Map<number, FormulaCell>();
    const { cells } = scanned;
    let indexByKey: Map<number, number> | undefined;
    const cellAt = (row: number, col: number): number | undefined => {
      if (!indexByKey) {
        indexByKey = new Map();
        for (let i = 0; i < cells.length; i++) indexByKey.set(key(cells.row(i), cells.col(i)), i);
      }
      return indexByKey.get(key(row, col));
    };
    const where = (row: number, col: number) => `${sheet}!${cellAddress(row, col)}`;
    for (let i = 0; i < cells.length; i++) {
      const row = cells.row(i);
      const col = cells.col(i);
      const cached = valueOf(cells, i, strings, where, date1904, stringsPart);
      const f = cells.formula(i);
      // Until an array formula is met there is no member to look up (a key past 2^31 costs an allocation).
      const anchor = arrayMembers.size ? arrayMembers.get(key(row, col)) : undefined;
      if (!f || (f.kind !== "shared" && !f.text && f.kind !== "dataTable")) {
        if (!anchor) put(row, col, engineContent(cached));
        continue;
      }
      const address = cellAddress(row, col);
      const name = where(row, col);
      let stored = f.text;
      if (f.kind === "shared" && f.si !== undefined) {
        const master = sharedMasters.get(f.si);
        if (f.text) sharedMasters.set(f.si, { text: f.text, row, col });
        else if (master) stored = shiftFormula(master.text, row - master.row, col - master.col);
        else
          throw new PackageProblem(
            `cell ${name} belongs to shared formula ${f.si}, whose first cell the sheet does not have`
          );
      }
      const read = readFormula(reader, stored, name);
      const entryCell: FormulaCell = {
        sheet,
        row,
        col,
        address,
        stored,
        cached,
        cell: i,
        btu: read.btu,
        kind: f.kind,
      };
      if (read.unsupported) entryCell.unsupported = read.unsupported;
      if (f.kind === "dataTable")
        entryCell.unsupported = "a what-if data table, which HyperFormula cannot compute";
      if (f.kind === "array" && f.ref) {
        const range = parseRange(f.ref);
        if (!range)
          throw new PackageProblem(
            `cell ${name} has an array formula over "${f.ref}", which is not a range inside Excel's grid`
          );
        entryCell.arrayCells = [];
        for (let r = range.top; r <= range.bottom; r++) {
          for (let c = range.left; c <= range.right; c++) {
            if (r === row && c === col) continue;
            const other = cellAt(r, c);
            arrayMembers.set(key(r, c), entryCell);
            entryCell.arrayCells.push({
              sheet,
              row: r,
              col: c,
              address: cellAddress(r, c),
              cell: other,
              cached:
                other === undefined
                  ? null
                  : valueOf(cells, other, strings, where, date1904, stringsPart),
            });
          }
        }
      }
      put(row, col, f.kind === "dataTable" ? engineContent(cached) : read.engine);
      formulas.push(entryCell);
    }
    // Empty rows share one empty array: a sheet whose only value is in its last row costs no grid.
    const rows: RawCellContent[][] = new Array(grid.length);
    for (let r = 0; r < grid.length; r++)
      rows[r] = grid[r] ? Array.from(grid[r], (content) => content ?? null) : EMPTY_ROW;
    sheets[sheet] = rows;
  }
  const sheetNames = structure.sheets.map((s) => s.name);
  const names: EngineName[] = structure.names
    .filter((name) => !/^_xlnm\./i.test(name.name))
    .map((name) => ({
      name: name.name,
      expression: toEngineFormula(name.text),
      sheet: name.localSheetId === undefined ? undefined : sheetNames[name.localSheetId],
    }));
  return { sheetNames, worksheets, sheets, names, formulas, date1904 };
}

const EMPTY_ROW: RawCellContent[] = [];
