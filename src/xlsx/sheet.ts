/**
 * A worksheet's cells, read by a streaming scan of `<sheetData>` that keeps each cell's place in the
 * part's text, so that a change rewrites only the cells it touches and every other byte stays. The
 * scan reads only the elements a cell record has (`c`, `f`, `v`, `is`), in any namespace prefix;
 * everything outside `<sheetData>` is never parsed.
 */
import { MAX_COLUMNS, MAX_ROWS, cellAddress } from "../catalogue";
import { PackageProblem } from "./package";
import { CellTable, StoredFormula } from "./cellTable";
import { attributeOf, attributesOf, decodeXml, decodeXstring } from "./xml";

export { CellTable } from "./cellTable";
export type { SheetCell, StoredFormula } from "./cellTable";

export interface SheetRow {
  row: number;
  start: number;
  /** End of the start tag; for `<row/>` the element's end. */
  tagEnd: number;
  end: number;
  selfClosing: boolean;
  /** Index of the row's first cell in `cells`, and how many it has. */
  firstCell: number;
  cellCount: number;
}

export interface ScannedSheet {
  xml: string;
  /** Namespace prefix of the sheet's elements ("" or "x:"). */
  prefix: string;
  cells: CellTable;
  rows: SheetRow[];
  /** Where `<sheetData>`'s content starts and ends (for a row that must be added). */
  dataStart: number;
  dataEnd: number;
  /** `<sheetData/>`: the element itself, to be replaced when cells are added. */
  emptyData?: { start: number; end: number };
}

/** 0-based row and column of a cell's `r` (read by character codes: a worksheet has one per cell). */
function parseAddress(ref: string, part: string): { row: number; col: number } {
  let i = 0;
  let col = 0;
  for (let c = ref.charCodeAt(0) | 32; i < 3 && c >= 97 && c <= 122; c = ref.charCodeAt(++i) | 32)
    col = col * 26 + c - 96;
  const digitsFrom = i;
  let row = 0;
  for (let c = ref.charCodeAt(i); i < digitsFrom + 7 && c >= 48 && c <= 57; c = ref.charCodeAt(++i))
    row = row * 10 + c - 48;
  if (digitsFrom === 0 || i === digitsFrom || i !== ref.length)
    throw new PackageProblem(
      `its part ${part} has a cell reference "${ref}" that is not an A1 address`
    );
  if (row < 1 || row > MAX_ROWS || col > MAX_COLUMNS)
    throw new PackageProblem(
      `its part ${part} has a cell ${ref} beyond Excel's grid (${cellAddress(MAX_ROWS - 1, MAX_COLUMNS - 1)})`
    );
  return { row: row - 1, col: col - 1 };
}

/** Text of `<t>` elements in an `<is>` (rich-text runs joined, phonetic runs left out). */
export function inlineText(content: string): string {
  const withoutPhonetic = content.replace(/<(\w+:)?rPh\b[\s\S]*?<\/(\w+:)?rPh>/g, "");
  let text = "";
  for (const m of withoutPhonetic.matchAll(/<(?:\w+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g))
    text += m[1] ?? "";
  return decodeXstring(decodeXml(text));
}

export function scanSheet(xml: string, part: string): ScannedSheet {
  const open = /<(\w+:)?sheetData\b[^>]*?(\/?)>/.exec(xml);
  const scanned: ScannedSheet = {
    xml,
    prefix: "",
    cells: new CellTable(xml),
    rows: [],
    dataStart: xml.length,
    dataEnd: xml.length,
  };
  if (!open) return scanned;
  const prefix = open[1] ?? "";
  scanned.prefix = prefix;
  scanned.dataStart = open.index + open[0].length;
  if (open[2]) {
    scanned.dataEnd = scanned.dataStart;
    scanned.emptyData = { start: open.index, end: scanned.dataStart };
    return scanned;
  }
  const closeData = xml.indexOf(`</${prefix}sheetData>`, scanned.dataStart);
  if (closeData < 0)
    throw new PackageProblem(`its part ${part} is not well-formed XML (no </sheetData>)`);
  scanned.dataEnd = closeData;
  const cellClose = `</${prefix}c>`;
  const valueOpen = `<${prefix}v>`;
  const valueClose = `</${prefix}v>`;
  const tags = /<(\w+:)?(row|c)\b([^>]*?)(\/?)>|<\/(?:\w+:)?row>/g;
  tags.lastIndex = scanned.dataStart;
  let rowIndex = -1;
  let colIndex = -1;
  let current: SheetRow | undefined;
  let m: RegExpExecArray | null;
  while ((m = tags.exec(xml)) && m.index < closeData) {
    if (!m[2]) {
      if (current) current.end = m.index + m[0].length;
      current = undefined;
      continue;
    }
    const tagEnd = m.index + m[0].length;
    const r = attributeOf(m[3], "r");
    if (m[2] === "row") {
      rowIndex = r ? Number(r) - 1 : rowIndex + 1;
      if (!(rowIndex >= 0 && rowIndex < MAX_ROWS))
        throw new PackageProblem(`its part ${part} has a row ${r} beyond Excel's grid`);
      colIndex = -1;
      current = {
        row: rowIndex,
        start: m.index,
        tagEnd,
        end: tagEnd,
        selfClosing: m[4] === "/",
        firstCell: scanned.cells.length,
        cellCount: 0,
      };
      scanned.rows.push(current);
      if (current.selfClosing) current = undefined;
      continue;
    }
    const position = r ? parseAddress(r, part) : { row: rowIndex, col: colIndex + 1 };
    colIndex = position.col;
    const { cells } = scanned;
    const cell = cells.add(position.row, position.col, m.index, tagEnd, attributeOf(m[3], "t"));
    if (current) current.cellCount++;
    if (m[4] === "/") continue;
    const ownPrefix = (m[1] ?? "") === prefix;
    const closeTag = ownPrefix ? cellClose : `</${m[1] ?? ""}c>`;
    const close = xml.indexOf(closeTag, tagEnd);
    if (close < 0)
      throw new PackageProblem(
        `its part ${part} is not well-formed XML (cell ${r ?? ""} not closed)`
      );
    // Most cells hold just <v>…</v>: read without the content's regular expression.
    const valueEnd = close - valueClose.length;
    if (
      ownPrefix &&
      xml.startsWith(valueOpen, tagEnd) &&
      xml.startsWith(valueClose, valueEnd) &&
      xml.indexOf("<", tagEnd + valueOpen.length) === valueEnd
    )
      cells.setValue(cell, tagEnd, close, tagEnd + valueOpen.length, valueEnd);
    else readContent(xml, tagEnd, close, cells, cell);
    cells.setEnd(cell, close + closeTag.length);
    tags.lastIndex = close + closeTag.length;
  }
  return scanned;
}

const CONTENT = /<(?:\w+:)?(f|v|is)\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?\1>)/g;

/** The `<f>`, `<v>` and `<is>` between a cell's start tag (ending at `from`) and its end tag at `to`. */
function readContent(xml: string, from: number, to: number, cells: CellTable, cell: number): void {
  CONTENT.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = CONTENT.exec(xml)) && m.index < to) {
    const end = m.index + m[0].length;
    if (m[1] === "f") {
      const a = attributesOf(m[2]);
      const formula: StoredFormula = {
        text: decodeXml(m[3] ?? ""),
        kind: (a.t as StoredFormula["kind"]) ?? "normal",
      };
      if (a.ref) formula.ref = a.ref;
      if (a.si !== undefined) formula.si = a.si;
      cells.setFormula(cell, formula, end);
    } else if (m[1] === "v") {
      // The content follows the start tag's ">"; `<v/>` has none (an empty value).
      const contentFrom = m[3] === undefined ? end : m.index + m[0].indexOf(">") + 1;
      cells.setValue(cell, m.index, end, contentFrom, contentFrom + (m[3]?.length ?? 0));
    } else {
      cells.setInline(cell, inlineText(m[3] ?? ""));
    }
  }
}

export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** The text with each edit's span replaced (edits may come in any order; they must not overlap). */
export function applyEdits(text: string, edits: Edit[]): string {
  if (!edits.length) return text;
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: string[] = [];
  let at = 0;
  for (const edit of sorted) {
    out.push(text.slice(at, edit.start), edit.text);
    at = edit.end;
  }
  out.push(text.slice(at));
  return out.join("");
}
