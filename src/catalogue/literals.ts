/**
 * The value of an argument written as a constant in a formula, the way Excel would pass it: a number
 * (with %), text, TRUE/FALSE, an error, DATE(y,m,d) with constant parts, or an array constant. Used
 * wherever a BTU call is explained or re-performed from its formula text (taskpane, audit).
 */
import { DATE_1904_OFFSET, serialOf } from "../core";
import { daysInMonth } from "../core";
import { RawArgument, RawScalar, SheetError } from "./coerce";

/** Marks text that is not a constant (a reference, a nested call, an expression). */
export const NOT_LITERAL: unique symbol = Symbol("not a literal");

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?%?$/i;
const STRING = /^"((?:[^"]|"")*)"$/;
const ERROR = /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|SPILL!|CALC!)$/i;
const DATE_CALL = /^DATE\s*\(\s*([^,()]+?)\s*,\s*([^,()]+?)\s*,\s*([^,()]+?)\s*\)$/i;

function number(text: string): number | undefined {
  if (!NUMBER.test(text)) return undefined;
  const percent = text.endsWith("%");
  const value = Number(percent ? text.slice(0, -1) : text);
  return percent ? value / 100 : value;
}

function scalarLiteral(text: string): RawScalar | typeof NOT_LITERAL {
  const n = number(text);
  if (n !== undefined) return n;
  const s = STRING.exec(text);
  if (s) return s[1].replace(/""/g, '"');
  if (/^true$/i.test(text)) return true;
  if (/^false$/i.test(text)) return false;
  if (ERROR.test(text)) return new SheetError(text.toUpperCase());
  return NOT_LITERAL;
}

/** DATE(y, m, d) with constant parts inside Excel's ordinary ranges; anything fancier is left to Excel. */
function dateLiteral(text: string, date1904: boolean): number | undefined {
  const m = DATE_CALL.exec(text);
  if (!m) return undefined;
  const [year, month, day] = [m[1], m[2], m[3]].map(number);
  if (year === undefined || month === undefined || day === undefined) return undefined;
  if (![year, month, day].every(Number.isInteger)) return undefined;
  if (
    year < 1900 ||
    year > 9999 ||
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > daysInMonth(year, month)
  )
    return undefined;
  return serialOf(year, month, day) - (date1904 ? DATE_1904_OFFSET : 0);
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

function arrayLiteral(text: string): RawScalar[][] | undefined {
  if (!text.startsWith("{") || !text.endsWith("}")) return undefined;
  const rows = splitOutsideStrings(text.slice(1, -1), ";").map((row) =>
    splitOutsideStrings(row, ",").map(scalarLiteral)
  );
  if (rows.some((row) => row.length !== rows[0].length || row.includes(NOT_LITERAL)))
    return undefined;
  return rows as RawScalar[][];
}

/**
 * The constant an argument text stands for, or NOT_LITERAL; an empty text is an omitted argument.
 * DATE(y,m,d) is the serial in the workbook's date system.
 */
export function literalValue(text: string, date1904 = false): RawArgument | typeof NOT_LITERAL {
  const trimmed = text.trim();
  if (trimmed === "") return undefined;
  const scalar = scalarLiteral(trimmed);
  if (scalar !== NOT_LITERAL) return scalar;
  return dateLiteral(trimmed, date1904) ?? arrayLiteral(trimmed) ?? NOT_LITERAL;
}
