/** A1 addresses: what Office.js returns ("'My sheet'!B2:D7") split and walked cell by cell. */

function columnLetters(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export function columnIndex(letters: string): number {
  return letters.toUpperCase().split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

/** The sheet and the cells of an address Office.js returns. */
export function splitAddress(address: string): { sheet?: string; cells: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { cells: address };
  const sheet = address.slice(0, bang).replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
  return { sheet, cells: address.slice(bang + 1) };
}

/** Row and column (0-based) of the first cell of "B2" or "B2:D7". */
export function topLeft(cells: string): { row: number; column: number } {
  const m = /^\$?([A-Za-z]+)\$?(\d+)/.exec(cells);
  if (!m) throw new Error(`not an A1 address: ${cells}`);
  return { row: Number(m[2]) - 1, column: columnIndex(m[1]) };
}

export function cellAddress(row: number, column: number): string {
  return `${columnLetters(column)}${row + 1}`;
}

export function rangeAddress(row: number, column: number, rows: number, columns: number): string {
  const first = cellAddress(row, column);
  return rows === 1 && columns === 1 ? first : `${first}:${cellAddress(row + rows - 1, column + columns - 1)}`;
}
