/**
 * Reading a written workbook back, cell by cell, straight from its parts: each cell's stored value
 * (for a formula, the cached result a spreadsheet shows on opening), its formula text and style.
 */
import { promises as fs } from "fs";
import {
  scanSheet,
  XlsxPackage,
  readSharedStrings,
  readStructure,
  SheetCell,
  StoredValue,
} from "../../src/xlsx";
import { cellAddress } from "../../src/catalogue";

export type Shown = StoredValue;

export interface BookCell {
  value: Shown;
  formula?: string;
  formulaKind?: string;
  ref?: string;
  style?: string;
}

export interface Book {
  sheetNames: string[];
  pkg: XlsxPackage;
  cell(sheet: string, address: string): BookCell | undefined;
  cells(sheet: string): Map<string, BookCell>;
}

function shown(cell: SheetCell, strings: string[] | undefined): Shown {
  const v = cell.value;
  if (cell.type === "s") return v === undefined ? null : strings![Number(v)];
  if (cell.type === "inlineStr") return cell.inline ?? "";
  if (cell.type === "str") return v ?? "";
  if (cell.type === "b") return v === undefined ? null : v === "1" || v === "true";
  if (cell.type === "e") return v === undefined ? null : { error: v };
  return v === undefined || v === "" ? null : Number(v);
}

export async function readBook(file: string): Promise<Book> {
  const pkg = XlsxPackage.read(await fs.readFile(file));
  const structure = readStructure(pkg);
  const strings = readSharedStrings(pkg, structure.sharedStringsPart);
  const sheets = new Map<string, Map<string, BookCell>>();
  for (const entry of structure.sheets) {
    if (!entry.part) continue;
    const xml = pkg.text(entry.part)!;
    const map = new Map<string, BookCell>();
    for (const cell of scanSheet(xml, entry.part).cells) {
      const out: BookCell = { value: shown(cell, strings) };
      if (cell.formula) {
        out.formula = cell.formula.text;
        out.formulaKind = cell.formula.kind;
        if (cell.formula.ref) out.ref = cell.formula.ref;
      }
      const style = /\ss="([0-9]+)"/.exec(xml.slice(cell.start, cell.tagEnd));
      if (style) out.style = style[1];
      map.set(cellAddress(cell.row, cell.col), out);
    }
    sheets.set(entry.name, map);
  }
  return {
    sheetNames: structure.sheets.map((s) => s.name),
    pkg,
    cell: (sheet, address) => sheets.get(sheet)?.get(address),
    cells: (sheet) => sheets.get(sheet) ?? new Map(),
  };
}
