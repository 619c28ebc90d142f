/**
 * Reading BTU calls out of formula text: for the taskpane (explain every call in a cell), the
 * audit (re-perform each call) and file import (Excel's stored prefixes).
 */

export interface BtuCall {
  /** Catalogue name without the namespace, upper case. */
  name: string;
  /** Argument texts as written, trimmed; an omitted argument is "". */
  args: string[];
  /** The call's text, from the name to its closing parenthesis. */
  text: string;
  start: number;
  end: number;
}

const CALL_START = /(?:_xldudf_)?BTU[._]([A-Z][A-Z0-9_]*)\s*\(/giy;

/** Index just past the string literal that starts at `i` (Excel doubles quotes inside strings). */
function skipString(formula: string, i: number): number {
  let j = i + 1;
  while (j < formula.length) {
    if (formula[j] === '"') {
      if (formula[j + 1] === '"') j += 2;
      else return j + 1;
    } else j++;
  }
  return j;
}

/** Splits the arguments of the call whose "(" is at `open`; returns them and the index of ")". */
function splitArguments(formula: string, open: number): { args: string[]; close: number } | undefined {
  const args: string[] = [];
  let depth = 0;
  let current = open + 1;
  for (let i = open + 1; i < formula.length; i++) {
    const ch = formula[i];
    if (ch === '"') {
      i = skipString(formula, i) - 1;
    } else if (ch === "(" || ch === "{") {
      depth++;
    } else if (ch === ")" || ch === "}") {
      if (depth === 0 && ch === ")") {
        args.push(formula.slice(current, i).trim());
        return { args: args.length === 1 && args[0] === "" ? [] : args, close: i };
      }
      depth--;
    } else if (ch === "," && depth === 0) {
      args.push(formula.slice(current, i).trim());
      current = i + 1;
    }
  }
  return undefined;
}

/** Every BTU call in a formula, outer calls before the calls nested in their arguments. */
export function findBtuCalls(formula: string): BtuCall[] {
  const calls: BtuCall[] = [];
  for (let i = 0; i < formula.length; i++) {
    if (formula[i] === '"') {
      i = skipString(formula, i) - 1;
      continue;
    }
    const before = i === 0 ? "" : formula[i - 1];
    if (/[A-Za-z0-9_.]/.test(before)) continue;
    CALL_START.lastIndex = i;
    const match = CALL_START.exec(formula);
    if (!match) continue;
    const open = i + match[0].length - 1;
    const split = splitArguments(formula, open);
    if (!split) continue;
    calls.push({ name: match[1].toUpperCase(), args: split.args, text: formula.slice(i, split.close + 1), start: i, end: split.close + 1 });
  }
  return calls;
}

/**
 * A formula as Excel stores it in a file, in the form Excel shows: `_xldudf_BTU_X(` or
 * `_xldudf_BTU.X(` becomes `BTU.X(`, and the `_xlfn.`/`_xlws.` prefixes of newer built-ins go.
 */
export function normalizeStoredFormula(formula: string): string {
  let out = "";
  for (let i = 0; i < formula.length; i++) {
    if (formula[i] === '"') {
      const end = skipString(formula, i);
      out += formula.slice(i, end);
      i = end - 1;
      continue;
    }
    const rest = formula.slice(i);
    const udf = /^_xldudf_BTU[._]/i.exec(rest);
    if (udf) {
      out += "BTU.";
      i += udf[0].length - 1;
      continue;
    }
    const prefix = /^_xl(?:fn|ws)\./i.exec(rest);
    if (prefix) {
      i += prefix[0].length - 1;
      continue;
    }
    out += formula[i];
  }
  return out;
}
