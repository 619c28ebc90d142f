/** A1 addresses as Office.js returns them ("'My sheet'!B2:D7"), read with the catalogue's one reader of references. */
import { cellAddress, parseCellAddress, parseReference } from "../catalogue";

export { cellAddress };

/** The cells part of an address Office.js returns ("B2:D7" of "'My sheet'!B2:D7"). */
export function cellsOf(address: string): string {
  return parseReference(address).area;
}

/** Row and column (0-based) of the first cell of "B2" or "B2:D7". */
export function topLeft(cells: string): { row: number; column: number } {
  const first = parseCellAddress(cells.split(":")[0]);
  if (!first) throw new Error(`not an A1 address: ${cells}`);
  return { row: first.row, column: first.col };
}

export function rangeAddress(row: number, column: number, rows: number, columns: number): string {
  const first = cellAddress(row, column);
  return rows === 1 && columns === 1
    ? first
    : `${first}:${cellAddress(row + rows - 1, column + columns - 1)}`;
}
