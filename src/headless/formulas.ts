/**
 * Formula text as Excel stores it, read once for the engine: the text HyperFormula parses the same
 * way, whether it calls BTU functions, and what in it HyperFormula cannot compute. Filled-down
 * formulas differ only in their cell references, so what a formula's shape allows is read once.
 */
import { HyperFormula } from "hyperformula";
import {
  FormulaTextError,
  MAX_NESTING,
  Token,
  displayFunctionName,
  parseReference,
  tokenize,
} from "../catalogue";

/**
 * Excel's stored prefixes go (`_xldudf_`, `_xlfn.`, `_xlws.`), and the constants TRUE and FALSE,
 * which HyperFormula knows only as functions, become TRUE() and FALSE(). A string with a quote in it
 * (Excel doubles it) or a backslash, which HyperFormula's strings cannot hold, is built with CHAR,
 * and a number in exponent form (`3E6`), which its parser cannot read, is written out (`3000000`).
 * Text the tokenizer cannot read is passed on as it is, for HyperFormula to report.
 */
export function toEngineFormula(stored: string): string {
  const text = stored.trim().replace(/^=/, "");
  if (!/_xl|true|false|""|\\|[0-9.]e[+-]?[0-9]/i.test(text)) return `=${text}`;
  try {
    return `=${engineText(tokenize(text))}`;
  } catch (error) {
    if (error instanceof FormulaTextError) return `=${text}`;
    throw error;
  }
}

/**
 * A string HyperFormula can read for Excel's `"…"`: its quotes (written `""`) and backslashes (which
 * HyperFormula reads as escapes, and keeps) as CHAR(34) and CHAR(92), the rest as strings between.
 */
function engineString(text: string): string {
  const content = text.slice(1, -1).replace(/""/g, '"');
  if (!/["\\]/.test(content)) return text;
  const parts = content
    .split(/(["\\])/)
    .filter(Boolean)
    .map((part) => (part === '"' ? "CHAR(34)" : part === "\\" ? "CHAR(92)" : `"${part}"`));
  return `(${parts.join("&")})`;
}

/** Exponents past any double's (10^308 up, 10^-324 down): such a number is left as it is, for HyperFormula to refuse. */
const MAX_EXPONENT = 330;

/**
 * A number in exponent form as plain decimal digits, the decimal point moved in the text (not
 * through a double), so that HyperFormula reads the very number Excel read.
 */
function plainNumber(text: string): string {
  const m = /^([0-9]*)(?:\.([0-9]*))?e([+-]?[0-9]+)$/i.exec(text);
  if (!m || Math.abs(Number(m[3])) > MAX_EXPONENT) return text;
  const digits = `${m[1]}${m[2] ?? ""}`;
  const point = m[1].length + Number(m[3]);
  const whole =
    point <= 0
      ? `0.${"0".repeat(-point)}${digits}`
      : point >= digits.length
        ? digits + "0".repeat(point - digits.length)
        : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return whole.replace(/^0+(?=[0-9])/, "");
}

function engineText(tokens: Token[]): string {
  let arrayDepth = 0;
  return tokens
    .map((token) => {
      if (token.type === "arrayOpen") arrayDepth++;
      if (token.type === "arrayClose") arrayDepth--;
      if (token.type === "function") return displayFunctionName(token.text);
      if (token.type === "bool") return `${token.text}()`;
      if (token.type === "number") return plainNumber(token.text);
      // An array constant holds constants only: such a string stays, for HyperFormula to refuse.
      if (token.type === "string" && arrayDepth === 0) return engineString(token.text);
      return token.text;
    })
    .join("");
}

let knownFunctions: Set<string> | undefined;

function knownFunction(name: string): boolean {
  knownFunctions ??= new Set(
    HyperFormula.getRegisteredFunctionNames("enGB").map((known) => known.toUpperCase())
  );
  return knownFunctions.has(name) || /^BTU\./.test(name);
}

/** Why a formula's own text puts it beyond HyperFormula, from its tokens; undefined if nothing does. */
function unsupportedIn(tokens: Token[], names: ReadonlySet<string>): string | undefined {
  for (const token of tokens) {
    if (token.type === "function") {
      const name = displayFunctionName(token.text).toUpperCase();
      if (!knownFunction(name)) return `${name} is not supported by HyperFormula`;
    } else if (token.type === "structured") {
      return `the structured reference ${token.text} is not supported by HyperFormula`;
    } else if (token.type === "ref") {
      const ref = parseReference(token.text);
      if (ref.lastSheet) return `the 3-D reference ${token.text} is not supported by HyperFormula`;
      if (ref.book !== undefined)
        return `the reference ${token.text} to another workbook cannot be read`;
    } else if (
      token.type === "name" &&
      !token.text.includes("!") &&
      !names.has(token.text.toUpperCase()) &&
      !/^_xlpm\./i.test(token.text)
    ) {
      return `the name ${token.text} is not defined in this workbook`;
    }
  }
  return undefined;
}

export interface ReadFormula {
  engine: string;
  btu: boolean;
  /** Why HyperFormula cannot compute it, if it cannot. */
  unsupported?: string;
}

/** A cell reference inside formula text, for the shape of a formula (which cells it reads do not change what it allows). */
const CELL_IN_TEXT = /\$?\b[A-Za-z]{1,3}\$?[0-9]{1,7}\b(?!\s*\()/g;

/** Reads formulas of one workbook, whose defined names are `names` (upper case). */
export class FormulaReader {
  private readonly shapes = new Map<string, string | undefined>();

  constructor(private readonly names: ReadonlySet<string>) {}

  /** Throws FormulaTextError for text Excel could not have stored (beyond its nesting limit). */
  read(stored: string): ReadFormula {
    const text = stored.trim().replace(/^=/, "");
    const btuCandidate = /BTU/i.test(text);
    const shape = text.replace(CELL_IN_TEXT, "A1");
    const known = this.shapes.has(shape);
    const opens = text.length > MAX_NESTING ? (text.match(/[({]/g)?.length ?? 0) : 0;
    if (known && !btuCandidate && opens <= MAX_NESTING)
      return { engine: toEngineFormula(text), btu: false, unsupported: this.shapes.get(shape) };
    const tokens = tokenize(text);
    const unsupported = known ? this.shapes.get(shape) : unsupportedIn(tokens, this.names);
    this.shapes.set(shape, unsupported);
    return {
      engine: `=${engineText(tokens)}`,
      btu:
        btuCandidate &&
        tokens.some((t) => t.type === "function" && /^BTU\./i.test(displayFunctionName(t.text))),
      unsupported,
    };
  }
}
