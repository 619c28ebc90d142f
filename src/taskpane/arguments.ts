/**
 * What an argument of a BTU call is, read from its text the way Excel would pass it: a constant
 * (number, text, TRUE/FALSE, an error, DATE(y,m,d) with constant parts, an array constant), a
 * reference to cells, a nested BTU call, or an expression the pane does not evaluate.
 */
import { RawScalar, SheetError, findBtuCalls } from "../catalogue";
import { serialOf } from "../core";
import { daysInMonth } from "../core/dates";

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

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?%?$/i;
const STRING = /^"((?:[^"]|"")*)"$/;
const ERROR = /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|SPILL!|CALC!)$/i;
const DATE_CALL = /^DATE\s*\(\s*([^,()]+?)\s*,\s*([^,()]+?)\s*,\s*([^,()]+?)\s*\)$/i;
const CELL = "\\$?[A-Za-z]{1,3}\\$?\\d+";
const REFERENCE = new RegExp(`^(?:(?:'((?:[^']|'')+)'|([A-Za-z_][\\w.]*))!)?(${CELL}(?::${CELL})?)$`);

function number(text: string): number | undefined {
  if (!NUMBER.test(text)) return undefined;
  const percent = text.endsWith("%");
  const value = Number(percent ? text.slice(0, -1) : text);
  return percent ? value / 100 : value;
}

function scalarConstant(text: string): RawScalar | typeof NOT_CONSTANT {
  const n = number(text);
  if (n !== undefined) return n;
  const s = STRING.exec(text);
  if (s) return s[1].replace(/""/g, '"');
  if (/^true$/i.test(text)) return true;
  if (/^false$/i.test(text)) return false;
  if (ERROR.test(text)) return new SheetError(text.toUpperCase());
  return NOT_CONSTANT;
}

const NOT_CONSTANT = Symbol("not a constant");

/** DATE(y, m, d) with constant parts inside Excel's ordinary ranges; anything fancier is left to Excel. */
function dateConstant(text: string): number | undefined {
  const m = DATE_CALL.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [m[1], m[2], m[3]].map(number);
  if (year === undefined || month === undefined || day === undefined) return undefined;
  if (![year, month, day].every(Number.isInteger)) return undefined;
  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return serialOf(year, month, day);
}

/** Splits on `separator` outside string literals. */
function splitOutsideStrings(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (ch === separator && !quoted) {
      parts.push(current.trim());
      current = "";
    } else current += ch;
  }
  parts.push(current.trim());
  return parts;
}

function arrayConstant(text: string): RawScalar[][] | undefined {
  if (!text.startsWith("{") || !text.endsWith("}")) return undefined;
  const rows = splitOutsideStrings(text.slice(1, -1), ";").map((row) => splitOutsideStrings(row, ",").map(scalarConstant));
  if (rows.some((row) => row.length !== rows[0].length || row.includes(NOT_CONSTANT))) return undefined;
  return rows as RawScalar[][];
}

export function parseReference(text: string): CellReference | undefined {
  const m = REFERENCE.exec(text.trim());
  if (!m) return undefined;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  return { sheet, address: m[3].replace(/\$/g, "").toUpperCase() };
}

export function classifyArgument(text: string): ArgumentSource {
  const trimmed = text.trim();
  if (trimmed === "") return { kind: "omitted" };
  const scalar = scalarConstant(trimmed);
  if (scalar !== NOT_CONSTANT) return { kind: "constant", value: scalar };
  const date = dateConstant(trimmed);
  if (date !== undefined) return { kind: "constant", value: date };
  const array = arrayConstant(trimmed);
  if (array) return { kind: "constant", value: array };
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
