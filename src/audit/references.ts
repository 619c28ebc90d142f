/**
 * Cell references inside formula text: finding them, qualifying them with their sheet (so a native
 * formula on the Audit sheet still points at the original input cells), and reading the literal
 * arguments a BTU call was written with. Office-free: Excel's taskpane and the CLI share it.
 */
import {
  NOT_LITERAL,
  RawArgument,
  formatReference,
  literalValue,
  parseReference,
  referencesOf,
  sheetPrefix,
  tokenize,
} from "../catalogue";

/** The formula with every reference that has no sheet of its own prefixed by `sheet`. */
export function qualifyReferences(formula: string, sheet: string): string {
  return tokenize(formula)
    .map((token) =>
      token.type === "ref" && parseReference(token.text).sheet === undefined
        ? `${sheetPrefix(sheet)}${token.text}`
        : token.text
    )
    .join("");
}

/** Every reference in a formula, qualified with `sheet` where it has no sheet of its own. */
export function referencesIn(formula: string, sheet: string): string[] {
  const found = referencesOf(formula).map((ref) =>
    ref.sheet === undefined ? `${sheetPrefix(sheet)}${ref.area}` : formatReference(ref)
  );
  return [...new Set(found)];
}

/** A reference in one canonical spelling, for comparing: sheet unquoted, no `$`, upper case. */
export function canonicalReference(ref: string, sheet: string): string {
  const parsed = parseReference(ref.trim());
  return `${parsed.sheet ?? sheet}!${parsed.area.replace(/\$/g, "")}`.toUpperCase();
}

/** Marks an argument whose value cannot be read from its text alone. */
export const UNKNOWN: unique symbol = Symbol("unknown argument");

/**
 * The value an argument text stands for, where it is a literal (number, text, TRUE/FALSE,
 * DATE(y,m,d), an array constant) or a reference `lookup` knows; otherwise UNKNOWN.
 */
export function argumentValue(
  text: string,
  lookup: (ref: string) => unknown,
  date1904 = false
): RawArgument | typeof UNKNOWN {
  const literal = literalValue(text, date1904);
  if (literal !== NOT_LITERAL) return literal;
  const referenced = lookup(text.trim());
  return referenced === undefined ? UNKNOWN : (referenced as RawArgument);
}
