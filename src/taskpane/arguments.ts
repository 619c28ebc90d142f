/**
 * What an argument of a BTU call is, read from its text the way Excel would pass it: a constant
 * (number, text, TRUE/FALSE, an error, DATE(y,m,d) with constant parts, an array constant), a
 * reference to cells, a nested BTU call, or an expression the pane does not evaluate.
 */
import { NOT_LITERAL, RawScalar, findBtuCalls, literalValue } from "../catalogue";

export interface CellReference {
  /** Sheet name as written (quotes removed), or undefined for the formula's own sheet. */
  sheet?: string;
  /** The cells, without `$` signs: "B2" or "B2:D7". */
  address: string;
}

export type ArgumentSource =
  | { kind: "omitted" }
  | { kind: "constant"; value: RawScalar | RawScalar[][] }
  | { kind: "reference"; ref: CellReference }
  | { kind: "call" }
  | { kind: "expression" };

const CELL = "\\$?[A-Za-z]{1,3}\\$?\\d+";
const REFERENCE = new RegExp(`^(?:(?:'((?:[^']|'')+)'|([A-Za-z_][\\w.]*))!)?(${CELL}(?::${CELL})?)$`);

export function parseReference(text: string): CellReference | undefined {
  const m = REFERENCE.exec(text.trim());
  if (!m) return undefined;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  return { sheet, address: m[3].replace(/\$/g, "").toUpperCase() };
}

export function classifyArgument(text: string): ArgumentSource {
  const trimmed = text.trim();
  if (trimmed === "") return { kind: "omitted" };
  const literal = literalValue(trimmed);
  if (literal !== NOT_LITERAL) return { kind: "constant", value: literal as RawScalar | RawScalar[][] };
  const ref = parseReference(trimmed);
  if (ref) return { kind: "reference", ref };
  const calls = findBtuCalls(trimmed);
  if (calls.length && calls[0].start === 0 && calls[0].end === trimmed.length) return { kind: "call" };
  return { kind: "expression" };
}

/** How a sheet name is written in a formula: quoted when it is not a plain identifier. */
export function qualifiedAddress(sheet: string, address: string): string {
  const plainName = /^[A-Za-z_][\w.]*$/.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet);
  return plainName ? `${sheet}!${address}` : `'${sheet.replace(/'/g, "''")}'!${address}`;
}
