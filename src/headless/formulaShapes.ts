/**
 * HyperFormula parses each formula by lexing it, hashing its tokens in relative form and looking the
 * hash up in its cache of ASTs; a sheet of 200,000 copies of one formula is lexed 200,000 times (a
 * fifth of `btu recalc`'s time on such a book, measured), and each copy gets its own copy of the AST.
 * Here a formula's shape is found by one pass over its text instead: every cell reference written
 * relative to the formula's address, everything else kept as it is. Two formulas of one shape lex to
 * the same tokens and hash to the same key in HyperFormula, so the second gets the first's parse,
 * shared as HyperFormula itself shares an AST when it pastes a formula.
 *
 * Only texts whose every piece is plainly read are shaped: cell references inside Excel's grid,
 * numbers, strings, operators, function names, defined names, sheets the engine knows. Anything
 * else (whole-column or whole-row ranges, a range whose two ends are anchored differently, so that
 * its order depends on where it is, exponents, strings holding a quote or a backslash, arrays,
 * errors, structured references) is parsed by HyperFormula alone, as before. A property test holds
 * every shared parse to HyperFormula's own.
 */
import { HyperFormula } from "hyperformula";
import { MAX_COLUMNS, MAX_ROWS } from "../catalogue";

interface Address {
  sheet: number;
  row: number;
  col: number;
}

/** What HyperFormula's parser returns (not exported by the package). */
interface ParseResult {
  ast: unknown;
  errors: unknown[];
  hasVolatileFunction: boolean;
  hasStructuralChangeFunction: boolean;
  dependencies: unknown[];
}

/** The parts of HyperFormula's ParserWithCaching used here. */
export interface FormulaParser {
  parse(text: string, address: Address): ParseResult;
  resolveSheetReference?: (name: string) => number | undefined;
  formulaAddress?: Address;
}

const codes = (chars: string) => new Set([...chars].map((c) => c.charCodeAt(0)));
/** Operators, separators and space: the characters between the pieces of a shaped formula. */
const BOUNDARY = codes(" +-*/^&=<>,():%");
/** What may follow a cell reference: anything but "(" (which makes it a function's name). */
const AFTER_CELL = codes(" +-*/^&=<>,):%");
/** What may follow a number or a defined name: anything but "(" and ":" (a whole column or row). */
const AFTER_NAME = codes(" +-*/^&=<>,)%");

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isDigit = (c: number) => c >= 48 && c <= 57;
const isNameChar = (c: number) => isLetter(c) || isDigit(c) || c === 95 || c === 46;
const DOLLAR = 36;
const QUOTE = 34;
const APOSTROPHE = 39;

/** Column number (1-based) of letters text[from, to), or 0 past Excel's last column. */
function columnOf(text: string, from: number, to: number): number {
  if (to - from > 3) return 0;
  let column = 0;
  for (let i = from; i < to; i++) column = column * 26 + ((text.charCodeAt(i) | 32) - 96);
  return column <= MAX_COLUMNS ? column : 0;
}

/**
 * The shape of `text` at `address`, or undefined where it is not plainly read. Cell references
 * become \u0001-delimited offsets (the text is plain ASCII, so nothing else holds \u0001); sheet
 * names become the engine's id for them, so a renamed or re-added sheet is a new shape.
 */
export function formulaShape(
  text: string,
  address: Address,
  sheetId: (name: string) => number | undefined
): string | undefined {
  let shape = "";
  let copied = 0;
  let i = 0;
  const n = text.length;
  // Set between the two ends of a range: how its first end is anchored (column, row).
  let rangeStart: [boolean, boolean] | undefined;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      // A string, kept whole. HyperFormula's lexer takes \" as part of a string and cannot read
      // Excel's "", so strings holding either (toEngineFormula leaves them only in array constants)
      // are left to it; control characters stay out so that \u0001 and \u0002 mark only references.
      let j = i + 1;
      for (;;) {
        if (j >= n) return undefined;
        const d = text.charCodeAt(j);
        if (d < 32 || d === 92) return undefined;
        if (d === QUOTE) break;
        j++;
      }
      if (text.charCodeAt(j + 1) === QUOTE) return undefined;
      i = j + 1;
      continue;
    }
    if (c === APOSTROPHE) {
      // A quoted sheet name, '' being an apostrophe inside it; a cell reference must follow.
      let j = i + 1;
      let name = "";
      for (;;) {
        if (j >= n) return undefined;
        const d = text.charCodeAt(j);
        if (d === APOSTROPHE) {
          if (text.charCodeAt(j + 1) !== APOSTROPHE) break;
          j++;
        }
        if (d > 126) return undefined;
        name += text[j];
        j++;
      }
      if (text.charCodeAt(j + 1) !== 33) return undefined;
      const id = sheetId(name);
      if (id === undefined) return undefined;
      shape += text.slice(copied, i) + `\u0002${id}\u0002`;
      i = copied = j + 2;
      if (i >= n || !(isLetter(text.charCodeAt(i)) || text.charCodeAt(i) === DOLLAR))
        return undefined;
      continue;
    }
    if (isLetter(c) || c === DOLLAR) {
      // A run of name characters: a cell reference, a function, a sheet, or a defined name.
      let j = i;
      const columnAnchored = text.charCodeAt(j) === DOLLAR;
      if (columnAnchored) j++;
      const lettersFrom = j;
      while (j < n && isLetter(text.charCodeAt(j))) j++;
      const lettersTo = j;
      const rowAnchored = text.charCodeAt(j) === DOLLAR;
      if (rowAnchored) j++;
      const digitsFrom = j;
      while (j < n && isDigit(text.charCodeAt(j))) j++;
      const next = j < n ? text.charCodeAt(j) : -1;
      const cellLike = lettersTo > lettersFrom && j > digitsFrom;
      if (cellLike && (next === -1 || AFTER_CELL.has(next))) {
        const column = columnOf(text, lettersFrom, lettersTo);
        const row = j - digitsFrom <= 7 ? Number(text.slice(digitsFrom, j)) : 0;
        if (column === 0 || row === 0 || row > MAX_ROWS) return undefined;
        if (rangeStart && (rangeStart[0] !== columnAnchored || rangeStart[1] !== rowAnchored))
          return undefined;
        const col = columnAnchored ? `C${column}` : `c${column - 1 - address.col}`;
        const r = rowAnchored ? `R${row}` : `r${row - 1 - address.row}`;
        shape += text.slice(copied, i) + `\u0001${col}${r}\u0001`;
        copied = j;
        i = j;
        rangeStart = undefined;
        if (next === 58) {
          rangeStart = [columnAnchored, rowAnchored];
          i = j + 1;
          if (i >= n || !(isLetter(text.charCodeAt(i)) || text.charCodeAt(i) === DOLLAR))
            return undefined;
        }
        continue;
      }
      if (columnAnchored || rowAnchored) return undefined;
      while (j < n && isNameChar(text.charCodeAt(j))) j++;
      const end = j < n ? text.charCodeAt(j) : -1;
      // Letters and digits (LOG10) are a function's name before "(", and nothing plain otherwise.
      if (cellLike && end !== 40) return undefined;
      if (end === 40) {
        i = j + 1;
      } else if (end === 33) {
        const id = sheetId(text.slice(i, j));
        if (id === undefined) return undefined;
        shape += text.slice(copied, i) + `\u0002${id}\u0002`;
        i = copied = j + 1;
        if (i >= n || !(isLetter(text.charCodeAt(i)) || text.charCodeAt(i) === DOLLAR))
          return undefined;
      } else if (rangeStart === undefined && (end === -1 || AFTER_NAME.has(end))) {
        // A defined name (or TRUE/FALSE): the same wherever it is written.
        i = j;
      } else return undefined;
      continue;
    }
    if (isDigit(c) || c === 46) {
      // A number, with an optional fraction. HyperFormula reads no exponent: toEngineFormula writes
      // one out, and one past any double's (1E400) is left to HyperFormula.
      let j = i;
      while (j < n && isDigit(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) === 46) {
        j++;
        while (j < n && isDigit(text.charCodeAt(j))) j++;
      }
      const next = j < n ? text.charCodeAt(j) : -1;
      if (next !== -1 && !AFTER_NAME.has(next)) return undefined;
      i = j;
      continue;
    }
    if (c === 58 || !BOUNDARY.has(c)) return undefined;
    i++;
  }
  return shape + text.slice(copied);
}

/** Each parser's parses by shape (a parser belongs to one engine: its sheets, names and functions). */
const parsesOf = new WeakMap<FormulaParser, Map<string, ParseResult>>();

function shapedParse(
  parser: FormulaParser,
  parse: FormulaParser["parse"],
  text: string,
  address: Address
): ParseResult {
  const sheetId = parser.resolveSheetReference;
  const shape =
    typeof sheetId === "function"
      ? formulaShape(text, address, (name) => sheetId.call(parser, name))
      : undefined;
  if (shape === undefined) return parse.call(parser, text, address);
  let parses = parsesOf.get(parser);
  if (!parses) parsesOf.set(parser, (parses = new Map()));
  const known = parses.get(shape);
  if (known) {
    parser.formulaAddress = address;
    return { ...known };
  }
  const result = parse.call(parser, text, address);
  if (result.errors.length === 0) parses.set(shape, result);
  return result;
}

let shared = false;

/**
 * Makes every HyperFormula parser in this process share parses by shape. The parser's class is not
 * exported, so it is reached through an engine; should a later HyperFormula lay it out otherwise,
 * formulas are parsed by HyperFormula alone, as before.
 */
export function shareFormulaShapes(): void {
  if (shared) return;
  shared = true;
  const probe = HyperFormula.buildEmpty({ licenseKey: "gpl-v3" });
  const parser = (probe as unknown as { _parser?: FormulaParser })._parser;
  probe.destroy();
  const prototype = parser && (Object.getPrototypeOf(parser) as FormulaParser);
  if (!prototype || typeof prototype.parse !== "function") return;
  const parse = prototype.parse;
  prototype.parse = function (this: FormulaParser, text: string, address: Address) {
    return shapedParse(this, parse, text, address);
  };
}
