/**
 * Writing values into a scanned worksheet as edits of its text: a formula cell's cached value
 * (`<v>` and `t`, the formula element kept as stored), a cell turned into a plain value, and cells
 * added to a row. Attributes the edit has no reason to touch (style, phonetic flag) stay as written.
 */
import { cellAddress } from "../catalogue";
import { Edit, ScannedSheet } from "./sheet";
import { escapeXml, escapeXstring } from "./xml";

/** A cell's value as a file holds it. */
export type StoredValue = number | string | boolean | { error: string } | null;

/** `t` and content for a value: formulas keep text results as `str`, plain cells as inline strings. */
function valueParts(
  value: StoredValue,
  prefix: string,
  formula: boolean
): { type?: string; content: string } {
  if (value === null) return { content: "" };
  if (typeof value === "number") {
    // String(value) is the shortest text that reads back as the same double.
    return Number.isFinite(value)
      ? { content: `<${prefix}v>${String(value)}</${prefix}v>` }
      : { type: "e", content: `<${prefix}v>#NUM!</${prefix}v>` };
  }
  if (typeof value === "boolean")
    return { type: "b", content: `<${prefix}v>${value ? 1 : 0}</${prefix}v>` };
  if (typeof value === "object")
    return { type: "e", content: `<${prefix}v>${escapeXml(value.error)}</${prefix}v>` };
  if (formula) return { type: "str", content: `<${prefix}v>${escapeXstring(value)}</${prefix}v>` };
  return {
    type: "inlineStr",
    content: `<${prefix}is><${prefix}t xml:space="preserve">${escapeXstring(value)}</${prefix}t></${prefix}is>`,
  };
}

/** The pattern of one attribute in a start tag, made once per name (a sheet's every cell may need one). */
const attributePatterns = new Map<string, RegExp>();
const attributePattern = (name: string): RegExp =>
  attributePatterns.get(name) ??
  attributePatterns.set(name, new RegExp(`\\s${name}\\s*=\\s*(?:"[^"]*"|'[^']*')`)).get(name)!;

/** A start tag with its `t` attribute set (or removed) and the named attributes dropped. */
function retag(tag: string, type: string | undefined, drop: string[] = []): string {
  let out = tag.replace(/\/>$/, ">").replace(attributePattern("t"), "");
  for (const name of drop) out = out.replace(attributePattern(name), "");
  return type ? out.replace(/^<([\w:]+)/, `<$1 t="${type}"`) : out;
}

function closeTag(scanned: ScannedSheet): string {
  return `</${scanned.prefix}c>`;
}

/** A formula cell (its index in the scan) with a new cached value; the `<f>` element and anything after `<v>` stay. */
export function cachedValueEdit(scanned: ScannedSheet, index: number, value: StoredValue): Edit {
  const { xml, cells, prefix } = scanned;
  // The common case, a number where a number was (no `t`, a plain `<v>`): only the digits change,
  // and the cell's record need not be made.
  if (typeof value === "number" && Number.isFinite(value) && cells.type(index) === undefined) {
    const span = cells.valueSpan(index);
    if (span && span.from - span.vStart === `<${prefix}v>`.length)
      return { start: span.from, end: span.to, text: String(value) };
  }
  const cell = cells.cell(index);
  const { type, content } = valueParts(value, prefix, cell.formula !== undefined);
  const tag = retag(xml.slice(cell.start, cell.tagEnd), type);
  const selfClosing = cell.end === cell.tagEnd;
  const innerEnd = selfClosing ? cell.end : cell.end - closeTag(scanned).length;
  let inner: string;
  if (cell.vStart !== undefined)
    inner = xml.slice(cell.tagEnd, cell.vStart) + content + xml.slice(cell.vEnd, innerEnd);
  else if (cell.fEnd !== undefined)
    inner = xml.slice(cell.tagEnd, cell.fEnd) + content + xml.slice(cell.fEnd, innerEnd);
  else
    inner =
      content +
      (selfClosing
        ? ""
        : xml.slice(cell.tagEnd, innerEnd).replace(/<(\w+:)?is\b[\s\S]*?<\/(\w+:)?is>/, ""));
  return { start: cell.start, end: cell.end, text: `${tag}${inner}${closeTag(scanned)}` };
}

/** A cell (formula or not) replaced by a plain value, keeping its style. */
export function plainValueEdit(scanned: ScannedSheet, index: number, value: StoredValue): Edit {
  const cell = scanned.cells.cell(index);
  const { type, content } = valueParts(value, scanned.prefix, false);
  const tag = retag(scanned.xml.slice(cell.start, cell.tagEnd), type, ["cm", "vm"]);
  return {
    start: cell.start,
    end: cell.end,
    text: content ? `${tag}${content}${closeTag(scanned)}` : tag.replace(/>$/, "/>"),
  };
}

/** A new cell's element (for a cell of an array range that the file left out). */
export function newCellXml(
  prefix: string,
  row: number,
  col: number,
  value: StoredValue,
  style?: string
): string {
  const { type, content } = valueParts(value, prefix, false);
  const attrs = `r="${cellAddress(row, col)}"${style ? ` s="${style}"` : ""}${type ? ` t="${type}"` : ""}`;
  return content ? `<${prefix}c ${attrs}>${content}</${prefix}c>` : `<${prefix}c ${attrs}/>`;
}

/** A new formula cell's element, with its cached value (text results as `str`, as Excel writes them). */
export function newFormulaCellXml(
  prefix: string,
  row: number,
  col: number,
  formula: string,
  value: StoredValue,
  style?: string
): string {
  const { type, content } = valueParts(value, prefix, true);
  return `<${prefix}c r="${cellAddress(row, col)}"${style ? ` s="${style}"` : ""}${type ? ` t="${type}"` : ""}><${prefix}f>${escapeXml(formula)}</${prefix}f>${content}</${prefix}c>`;
}

/** Edits that add cells where the sheet has none, each in its row in column order (rows added as needed). */
export function insertCellEdits(
  scanned: ScannedSheet,
  added: { row: number; col: number; xml: string }[]
): Edit[] {
  const edits: Edit[] = [];
  const byRow = new Map<number, { col: number; xml: string }[]>();
  for (const cell of added)
    (byRow.get(cell.row) ?? byRow.set(cell.row, []).get(cell.row)!).push(cell);
  const p = scanned.prefix;
  const newRows: { row: number; xml: string }[] = [];
  for (const [row, cells] of byRow) {
    cells.sort((a, b) => a.col - b.col);
    const existing = scanned.rows.find((r) => r.row === row);
    if (!existing) {
      newRows.push({
        row,
        xml: `<${p}row r="${row + 1}">${cells.map((c) => c.xml).join("")}</${p}row>`,
      });
      continue;
    }
    if (existing.selfClosing) {
      const tag = scanned.xml.slice(existing.start, existing.tagEnd).replace(/\s*\/>$/, ">");
      edits.push({
        start: existing.start,
        end: existing.tagEnd,
        text: `${tag}${cells.map((c) => c.xml).join("")}</${p}row>`,
      });
      continue;
    }
    const last = existing.firstCell + existing.cellCount;
    for (const cell of cells) {
      let before = existing.firstCell;
      while (before < last && scanned.cells.col(before) <= cell.col) before++;
      const at = before < last ? scanned.cells.start(before) : existing.end - `</${p}row>`.length;
      edits.push({ start: at, end: at, text: cell.xml });
    }
  }
  newRows.sort((a, b) => a.row - b.row);
  for (const row of newRows) {
    const next = scanned.rows.find((r) => r.row > row.row);
    if (scanned.emptyData) {
      edits.push({
        start: scanned.emptyData.start,
        end: scanned.emptyData.end,
        text: `<${p}sheetData>${newRows.map((r) => r.xml).join("")}</${p}sheetData>`,
      });
      break;
    }
    const at = next ? next.start : scanned.dataEnd;
    edits.push({ start: at, end: at, text: row.xml });
  }
  return edits;
}
