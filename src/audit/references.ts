/**
 * Cell references inside formula text: finding them, qualifying them with their sheet (so a native
 * formula on the Audit sheet still points at the original input cells), and reading the literal
 * arguments a BTU call was written with. Office-free: Excel's taskpane and the CLI share it.
 */
import { NOT_LITERAL, RawArgument, literalValue } from "../catalogue";

/** An optional sheet prefix, then a cell or a cell range: `B3`, `$B$3:$B$5`, `'Fee schedule'!A1`. */
const REFERENCE = /((?:'(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?(\$?[A-Za-z]{1,3}\$?[0-9]+(?::\$?[A-Za-z]{1,3}\$?[0-9]+)?)(?![A-Za-z0-9_(!.])/g;

/** A sheet name as a formula must write it: quoted unless it is a plain identifier that is not a cell address. */
export function sheetPrefix(sheet: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) && !/^[A-Za-z]{1,3}[0-9]+$/.test(sheet);
  return plain ? `${sheet}!` : `'${sheet.replace(/'/g, "''")}'!`;
}

/** Calls `visit` for each stretch of formula text outside string literals. */
function mapOutsideStrings(formula: string, visit: (code: string) => string): string {
  return formula
    .split(/("(?:[^"]|"")*"?)/)
    .map((part, i) => (i % 2 === 1 ? part : visit(part)))
    .join("");
}

function isPrecededByName(code: string, index: number): boolean {
  return index > 0 && /[A-Za-z0-9_.$!':]/.test(code[index - 1]);
}

/** The formula with every unqualified reference prefixed by `sheet`. */
export function qualifyReferences(formula: string, sheet: string): string {
  return mapOutsideStrings(formula, (code) =>
    code.replace(REFERENCE, (match, prefix: string | undefined, ref: string, offset: number) =>
      prefix || isPrecededByName(code, offset) ? match : `${sheetPrefix(sheet)}${ref}`,
    ),
  );
}

/** Every reference in a formula, qualified with `sheet` where it has no sheet of its own. */
export function referencesIn(formula: string, sheet: string): string[] {
  const found: string[] = [];
  mapOutsideStrings(formula, (code) => {
    for (const match of code.matchAll(REFERENCE)) {
      if (!match[1] && isPrecededByName(code, match.index ?? 0)) continue;
      found.push(`${match[1] ?? sheetPrefix(sheet)}${match[2]}`);
    }
    return code;
  });
  return [...new Set(found)];
}

/** A reference in one canonical spelling, for comparing: sheet unquoted, no `$`, upper case. */
export function canonicalReference(ref: string, sheet: string): string {
  const bang = ref.lastIndexOf("!");
  const rawSheet = bang < 0 ? sheet : ref.slice(0, bang).replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
  return `${rawSheet}!${ref.slice(bang + 1).replace(/\$/g, "")}`.toUpperCase();
}

/** Marks an argument whose value cannot be read from its text alone. */
export const UNKNOWN: unique symbol = Symbol("unknown argument");

/**
 * The value an argument text stands for, where it is a literal (number, text, TRUE/FALSE,
 * DATE(y,m,d), an array constant) or a reference `lookup` knows; otherwise UNKNOWN.
 */
export function argumentValue(text: string, lookup: (ref: string) => unknown): RawArgument | typeof UNKNOWN {
  const literal = literalValue(text);
  if (literal !== NOT_LITERAL) return literal;
  const referenced = lookup(text.trim());
  return referenced === undefined ? UNKNOWN : (referenced as RawArgument);
}
