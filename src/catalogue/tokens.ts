/**
 * The one reader of formula text: a tokenizer for Excel's A1 formulas, as Excel shows them and as it
 * stores them in a file (`_xlfn.`, `_xlws.`, `_xludf.`, `_xldudf_` prefixes), over the reference type
 * of cellReferences.ts. The headless engine, the audit and the taskpane all read formulas through
 * it, so a quoted sheet name holding `,` or `)` is one token everywhere, and every reference written
 * back is quoted as Excel requires.
 */
import {
  MAX_COLUMNS,
  MAX_ROWS,
  Reference,
  columnLetters,
  columnNumber,
  parseReference,
} from "./cellReferences";

export type TokenType =
  | "string" // "text", quotes doubled inside
  | "number"
  | "bool" // TRUE / FALSE as constants (not calls)
  | "error" // #N/A, #REF!…
  | "ref" // a cell, range, whole rows or columns, with an optional sheet (or 3-D sheet range) prefix
  | "structured" // Table1[Amount], [@Amount], Table1[[#This Row],[Amount]]
  | "function" // a name followed by "(" (the "(" is the next token)
  | "name" // a defined name or any other identifier
  | "open"
  | "close"
  | "arrayOpen"
  | "arrayClose"
  | "comma"
  | "semicolon"
  | "operator"
  | "space";

export interface Token {
  type: TokenType;
  text: string;
  start: number;
  end: number;
}

/** Excel refuses formulas nested deeper than this. */
export const MAX_NESTING = 64;

/** A formula Excel itself could not have stored: the message says what is wrong. */
export class FormulaTextError extends Error {}

const SHEET_QUOTED = String.raw`'(?:[^']|'')+'`;
const SHEET_PLAIN = String.raw`[A-Za-z0-9_.\u00A0-\uFFFF\\]+`;
const BOOK = String.raw`(?:\[[^\]]*\])?`;
/** A sheet prefix: one sheet or a 3-D range of sheets, quoted or not, with an optional external book. */
const SHEET = String.raw`(?:${BOOK}(?:${SHEET_QUOTED}|${SHEET_PLAIN}(?::${SHEET_PLAIN})?)!)`;
const CELL = String.raw`\$?[A-Za-z]{1,3}\$?[0-9]{1,7}`;
const COLUMNS = String.raw`\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}`;
const ROWS = String.raw`\$?[0-9]{1,7}:\$?[0-9]{1,7}`;
const NOT_NAME_AFTER = String.raw`(?![A-Za-z0-9_.(\[!\u00A0-\uFFFF])`;

const REF = new RegExp(
  `${SHEET}?(?:${CELL}(?::${CELL})?|${COLUMNS}|${ROWS})${NOT_NAME_AFTER}`,
  "y"
);
const REF_ERROR = new RegExp(`${SHEET}(?:#REF!)`, "y");
const SHEET_NAME = new RegExp(
  `${SHEET}[A-Za-z_\\u00A0-\\uFFFF][A-Za-z0-9_.\\u00A0-\\uFFFF]*${NOT_NAME_AFTER}`,
  "y"
);
const SPACE = /[ \t\r\n]+/y;
const STRING = /"(?:[^"]|"")*"/y;
const ERROR =
  /#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)/iy;
const NUMBER = /(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/y;
const OPERATOR = /<>|<=|>=|[-+*/^&=<>%:@#]/y;
const WORD = /[A-Za-z0-9_.?\\\u00A0-\uFFFF]*/y;
const PLAIN_CELL = /^[A-Za-z]{1,3}[0-9]{1,7}$/;

/** The patterns worth trying at a character, in order: a reference before a number or a name. */
function candidates(ch: string): [TokenType, RegExp][] {
  switch (ch) {
    case " ":
    case "\t":
    case "\r":
    case "\n":
      return [["space", SPACE]];
    case '"':
      return [["string", STRING]];
    case "#":
      return [
        ["error", ERROR],
        ["operator", OPERATOR],
      ];
    case "$":
    case "'":
      return [
        ["ref", REF],
        ["ref", REF_ERROR],
        ["name", SHEET_NAME],
      ];
    case ".":
      return [["number", NUMBER]];
    default:
      if (ch >= "0" && ch <= "9")
        return [
          ["ref", REF],
          ["ref", REF_ERROR],
          ["number", NUMBER],
        ];
      return [
        ["ref", REF],
        ["ref", REF_ERROR],
        ["name", SHEET_NAME],
      ];
  }
}

const SINGLE: Record<string, TokenType> = {
  "(": "open",
  ")": "close",
  "{": "arrayOpen",
  "}": "arrayClose",
  ",": "comma",
  ";": "semicolon",
};
const OPERATOR_START = new Set("-+*/^&=<>%:@");
const NUMBER_ENDS = new Set(",;(){}+-*/^&=<>% ");
const IDENTIFIER_START = /[A-Za-z_\\\u00A0-\uFFFF]/;

/** Index just past the bracketed part that starts at `i` (brackets nest; `'` escapes one character). */
function skipBrackets(text: string, i: number): number {
  let depth = 0;
  for (let j = i; j < text.length; j++) {
    if (text[j] === "'") j++;
    else if (text[j] === "[") depth++;
    else if (text[j] === "]" && --depth === 0) return j + 1;
  }
  throw new FormulaTextError(`has an unclosed "[" at position ${i + 1}`);
}

/** The tokens of a formula (a leading "=" is an operator token). Throws FormulaTextError on text Excel could not store. */
export function tokenize(formula: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let depth = 0;
  const push = (type: TokenType, end: number) => {
    tokens.push({ type, text: formula.slice(i, end), start: i, end });
    i = end;
  };
  const sticky = (pattern: RegExp): number => {
    pattern.lastIndex = i;
    const match = pattern.exec(formula);
    return match && match[0].length ? i + match[0].length : -1;
  };
  outer: while (i < formula.length) {
    const ch = formula[i];
    const single = SINGLE[ch];
    if (single) {
      if (single === "open" || single === "arrayOpen") depth++;
      if (single === "close" || single === "arrayClose") depth--;
      if (depth > MAX_NESTING)
        throw new FormulaTextError(
          `is nested more than ${MAX_NESTING} levels deep, which Excel does not allow`
        );
      push(single, i + 1);
      continue;
    }
    if (OPERATOR_START.has(ch)) {
      push("operator", ch === "<" || ch === ">" ? sticky(OPERATOR) : i + 1);
      continue;
    }
    if (ch >= "0" && ch <= "9") {
      // A plain number (the many DATE(2004,6,30) and 366 of a native formula) needs no pattern:
      // only ":" (rows), "!" (a sheet named by digits), "." or a letter after the digits could
      // make it more than its digits.
      let end = i + 1;
      while (formula[end] >= "0" && formula[end] <= "9") end++;
      if (end === formula.length || NUMBER_ENDS.has(formula[end])) {
        push("number", end);
        continue;
      }
    }
    if (ch === '"' && formula.indexOf('"', i + 1) < 0)
      throw new FormulaTextError(`has an unclosed string at position ${i + 1}`);
    if (ch === "'" && formula.indexOf("'", i + 1) < 0)
      throw new FormulaTextError(`has an unclosed sheet name at position ${i + 1}`);
    if (IDENTIFIER_START.test(ch)) {
      // The common case, a plain word: read it whole and decide by what follows.
      WORD.lastIndex = i + 1;
      const end = i + 1 + WORD.exec(formula)![0].length;
      const after = formula[end];
      if (after !== "!" && after !== ":" && after !== "$") {
        const word = formula.slice(i, end);
        if (after === "[") {
          push("structured", skipBrackets(formula, end));
          continue;
        }
        let next = end;
        while (formula[next] === " ") next++;
        if (formula[next] === "(") push("function", end);
        else if (PLAIN_CELL.test(word)) push("ref", end);
        else if (/^(?:TRUE|FALSE)$/i.test(word)) push("bool", end);
        else push("name", end);
        continue;
      }
    }
    if (ch === "[") {
      const end = sticky(REF);
      push(end > 0 ? "ref" : "structured", end > 0 ? end : skipBrackets(formula, i));
      continue;
    }
    for (const [type, pattern] of candidates(ch)) {
      const end = sticky(pattern);
      if (end < 0) continue;
      push(type, end);
      continue outer;
    }
    if (!IDENTIFIER_START.test(ch))
      throw new FormulaTextError(`has an unexpected "${ch}" at position ${i + 1}`);
    // A word before ":" that is not a range (a name used with the range operator).
    WORD.lastIndex = i + 1;
    push("name", i + 1 + WORD.exec(formula)![0].length);
  }
  return tokens;
}

/** A function token's name as Excel shows it: stored prefixes removed, `_xldudf_BTU_X` as `BTU.X`. */
export function displayFunctionName(stored: string): string {
  const udf = /^(?:_xldudf_|_xludf\.)?BTU[._](.+)$/i.exec(stored);
  if (udf) return `BTU.${udf[1]}`;
  return stored.replace(/^(?:_xlfn\.|_xlws\.|_xludf\.)+/i, "");
}

/** The formula with every function name as Excel shows it (string contents untouched). */
export function displayFormula(stored: string): string {
  return tokenize(stored)
    .map((token) => (token.type === "function" ? displayFunctionName(token.text) : token.text))
    .join("");
}

/** One cell part of an area moved by (rows, cols), `$`-anchored parts kept; #REF! where it leaves the grid. */
function shiftPart(part: string, rows: number, cols: number): string {
  const cell = /^(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})$/.exec(part);
  if (cell) {
    const col = cell[1] ? columnNumber(cell[2]) : columnNumber(cell[2]) + cols;
    const row = cell[3] ? Number(cell[4]) : Number(cell[4]) + rows;
    if (col < 1 || col > MAX_COLUMNS || row < 1 || row > MAX_ROWS) return "#REF!";
    return `${cell[1]}${columnLetters(col)}${cell[3]}${row}`;
  }
  const column = /^(\$?)([A-Za-z]{1,3})$/.exec(part);
  if (column) {
    const col = column[1] ? columnNumber(column[2]) : columnNumber(column[2]) + cols;
    return col < 1 || col > MAX_COLUMNS ? "#REF!" : `${column[1]}${columnLetters(col)}`;
  }
  const row = /^(\$?)([0-9]{1,7})$/.exec(part);
  if (row) {
    const r = row[1] ? Number(row[2]) : Number(row[2]) + rows;
    return r < 1 || r > MAX_ROWS ? "#REF!" : `${row[1]}${r}`;
  }
  return part;
}

/**
 * A formula moved by (rows, cols) as Excel fills it: relative references shift, absolute parts stay.
 * This is how a shared formula's text is read for each cell of its group.
 */
export function shiftFormula(formula: string, rows: number, cols: number): string {
  if (rows === 0 && cols === 0) return formula;
  return tokenize(formula)
    .map((token) => {
      if (token.type !== "ref") return token.text;
      const ref = parseReference(token.text);
      const parts = ref.area.split(":").map((part) => shiftPart(part, rows, cols));
      const area = parts.includes("#REF!") ? "#REF!" : parts.join(":");
      return token.text.slice(0, token.text.length - ref.area.length) + area;
    })
    .join("");
}

/** Every reference token with its parsed form. */
export function referencesOf(
  formula: string
): (Reference & { text: string; start: number; end: number })[] {
  return tokenize(formula)
    .filter((token) => token.type === "ref")
    .map((token) => ({
      ...parseReference(token.text),
      text: token.text,
      start: token.start,
      end: token.end,
    }));
}

/**
 * Functions added to Excel since 2007, which a file stores with the `_xlfn.` prefix (and FILTER and
 * SORT with `_xlfn._xlws.`): written without it, Excel and LibreOffice read them as unknown names.
 * Read into a set on first use, so that a bundle that writes no file (Excel's functions.js) carries
 * none of it.
 */
const FUTURE_FUNCTION_NAMES =
  "ACOT ACOTH AGGREGATE ARABIC ARRAYTOTEXT BASE BETA.DIST BETA.INV BINOM.DIST BINOM.DIST.RANGE BINOM.INV BITAND BITLSHIFT BITOR " +
  "BITRSHIFT BITXOR BYCOL BYROW CEILING.MATH CEILING.PRECISE CHISQ.DIST CHISQ.DIST.RT CHISQ.INV CHISQ.INV.RT CHISQ.TEST CHOOSECOLS " +
  "CHOOSEROWS COMBINA CONCAT CONFIDENCE.NORM CONFIDENCE.T COT COTH COVARIANCE.P COVARIANCE.S CSC CSCH DAYS DECIMAL DROP ENCODEURL " +
  "ERF.PRECISE ERFC.PRECISE EXPAND EXPON.DIST F.DIST F.DIST.RT F.INV F.INV.RT F.TEST FILTERXML FLOOR.MATH FLOOR.PRECISE " +
  "FORECAST.ETS FORECAST.ETS.CONFINT FORECAST.ETS.SEASONALITY FORECAST.ETS.STAT FORECAST.LINEAR FORMULATEXT GAMMA GAMMA.DIST " +
  "GAMMA.INV GAMMALN.PRECISE GAUSS HSTACK HYPGEOM.DIST IFNA IFS IMAGE IMCOSH IMCOT IMCSC IMCSCH IMSEC IMSECH IMSINH IMTAN " +
  "ISFORMULA ISOMITTED ISOWEEKNUM LAMBDA LET LOGNORM.DIST LOGNORM.INV MAKEARRAY MAP MAXIFS MINIFS MODE.MULT MODE.SNGL MUNIT " +
  "NEGBINOM.DIST NETWORKDAYS.INTL NORM.DIST NORM.INV NORM.S.DIST NORM.S.INV NUMBERVALUE PDURATION PERCENTILE.EXC PERCENTILE.INC " +
  "PERCENTRANK.EXC PERCENTRANK.INC PERMUTATIONA PHI POISSON.DIST QUARTILE.EXC QUARTILE.INC RANDARRAY RANK.AVG RANK.EQ REDUCE RRI " +
  "SCAN SEC SECH SEQUENCE SHEET SHEETS SKEW.P SORTBY STDEV.P STDEV.S SWITCH T.DIST T.DIST.2T T.DIST.RT T.INV T.INV.2T T.TEST TAKE " +
  "TEXTAFTER TEXTBEFORE TEXTJOIN TEXTSPLIT TOCOL TOROW UNICHAR UNICODE UNIQUE VALUETOTEXT VAR.P VAR.S VSTACK WEBSERVICE " +
  "WEIBULL.DIST WORKDAY.INTL WRAPCOLS WRAPROWS XLOOKUP XMATCH XOR Z.TEST";
let futureFunctions: ReadonlySet<string> | undefined;
const isFutureFunction = (upper: string) =>
  (futureFunctions ??= new Set(FUTURE_FUNCTION_NAMES.split(" "))).has(upper);
const WORKSHEET_FUNCTIONS = new Set(["FILTER", "SORT"]);

/** A formula as a file must store it: every function added since 2007 with its prefix. */
export function storedFormula(display: string): string {
  // Most formulas call none of them: only a formula naming one is read token by token.
  const named = display.match(/[A-Za-z_][A-Za-z0-9_.]*(?=\s*\()/g) ?? [];
  if (
    !named.some(
      (name) => isFutureFunction(name.toUpperCase()) || WORKSHEET_FUNCTIONS.has(name.toUpperCase())
    )
  )
    return display;
  return tokenize(display)
    .map((token) => {
      if (token.type !== "function" || token.text.startsWith("_")) return token.text;
      const upper = token.text.toUpperCase();
      if (WORKSHEET_FUNCTIONS.has(upper)) return `_xlfn._xlws.${token.text}`;
      return isFutureFunction(upper) ? `_xlfn.${token.text}` : token.text;
    })
    .join("");
}
