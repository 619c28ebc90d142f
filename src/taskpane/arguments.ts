/**
 * What an argument of a BTU call is, read from its text the way Excel would pass it: a constant
 * (number, text, TRUE/FALSE, an error, DATE(y,m,d) with constant parts, an array constant), a
 * reference to cells, a nested BTU call, or an expression the pane does not evaluate.
 */
import {
  NOT_LITERAL,
  RawScalar,
  findBtuCalls,
  literalValue,
  parseCellAddress,
  parseReference as readReference,
  sheetPrefix,
  tokenize,
} from "../catalogue";

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

/** A cell or a cell range, with or without its sheet, read by the catalogue's one reader of formula text. */
export function parseReference(text: string): CellReference | undefined {
  let tokens;
  try {
    tokens = tokenize(text.trim());
  } catch {
    return undefined;
  }
  if (tokens.length !== 1 || tokens[0].type !== "ref") return undefined;
  const ref = readReference(tokens[0].text);
  const cells = ref.area.replace(/\$/g, "").toUpperCase();
  if (
    ref.lastSheet ||
    ref.book !== undefined ||
    !cells.split(":").every((part) => parseCellAddress(part))
  )
    return undefined;
  return { sheet: ref.sheet, address: cells };
}

export function classifyArgument(text: string): ArgumentSource {
  const trimmed = text.trim();
  if (trimmed === "") return { kind: "omitted" };
  const literal = literalValue(trimmed);
  if (literal !== NOT_LITERAL)
    return { kind: "constant", value: literal as RawScalar | RawScalar[][] };
  const ref = parseReference(trimmed);
  if (ref) return { kind: "reference", ref };
  const calls = findBtuCalls(trimmed);
  if (calls.length && calls[0].start === 0 && calls[0].end === trimmed.length)
    return { kind: "call" };
  return { kind: "expression" };
}

/** How a sheet's cell is written in a formula: the sheet quoted as Excel requires. */
export function qualifiedAddress(sheet: string, address: string): string {
  return `${sheetPrefix(sheet)}${address}`;
}
