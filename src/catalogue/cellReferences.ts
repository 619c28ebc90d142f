/**
 * References as Excel's A1 formulas write them: the reference type, sheet names quoted as Excel
 * requires, column letters and the grid's bounds. The tokenizer (tokens.ts) finds references in
 * formula text; this reads and writes one. Kept apart so that Excel's functions.js, which only
 * reads the calling cell's address, does not carry the tokenizer.
 */

/** Excel's grid: the last row and column a reference may name. */
export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

export interface Reference {
  /** The sheet as named (unquoted), or undefined for the formula's own sheet. */
  sheet?: string;
  /** The last sheet of a 3-D reference (`Jan:Mar!A1`). */
  lastSheet?: string;
  /** An external workbook's index (`[1]`), which no function here can read. */
  book?: string;
  /** The reference after the sheet, as written (`$B$3:$B$5`, `A:A`, `#REF!`). */
  area: string;
}

/** A sheet name as a formula must write it: quoted unless it is a plain name Excel could not read as anything else. */
export function sheetPrefix(sheet: string): string {
  const plain =
    /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) &&
    !/^[A-Za-z]{1,3}[0-9]/.test(sheet) &&
    !/^(?:R[0-9]*|C[0-9]*|R[0-9]*C[0-9]*|TRUE|FALSE)$/i.test(sheet);
  return plain ? `${sheet}!` : `'${sheet.replace(/'/g, "''")}'!`;
}

function unquote(sheet: string): string {
  return sheet.startsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
}

export function parseReference(text: string): Reference {
  const bang = text.lastIndexOf("!");
  if (bang < 0) return { area: text };
  let prefix = unquote(text.slice(0, bang));
  const area = text.slice(bang + 1);
  let book: string | undefined;
  const external = /^\[([^\]]*)\]/.exec(prefix);
  if (external) {
    book = external[1];
    prefix = prefix.slice(external[0].length);
  }
  // Excel forbids ":" in a sheet name, so a colon in the prefix is a 3-D range of sheets.
  const [sheet, lastSheet] = prefix.split(":");
  return { sheet, lastSheet, book, area };
}

/** A reference written out, its sheet quoted as Excel requires. */
export function formatReference(ref: Reference): string {
  if (ref.sheet === undefined) return ref.area;
  const sheets = ref.lastSheet ? `${ref.sheet}:${ref.lastSheet}` : ref.sheet;
  return `${sheetPrefix(ref.book !== undefined ? `[${ref.book}]${sheets}` : sheets)}${ref.area}`;
}

/** Column letters of a 1-based column number. */
export function columnLetters(col: number): string {
  let out = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26))
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** A1 address of 0-based row and column. */
export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col + 1)}${row + 1}`;
}

/** 0-based row and column of an A1 address (`$` allowed); undefined if it is not one inside Excel's grid. */
export function parseCellAddress(address: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$/.exec(address);
  if (!m) return undefined;
  const col = columnNumber(m[1]);
  const row = Number(m[2]);
  if (row < 1 || row > MAX_ROWS || col > MAX_COLUMNS) return undefined;
  return { row: row - 1, col: col - 1 };
}

/** 0-based bounds of an A1 range (`A1:B3` or one cell). */
export function parseRange(
  ref: string
): { top: number; left: number; bottom: number; right: number } | undefined {
  const [a, b = a] = ref.split(":");
  const start = parseCellAddress(a);
  const end = parseCellAddress(b);
  if (!start || !end) return undefined;
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.col, end.col),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.col, end.col),
  };
}
