/**
 * Reading BTU calls out of formula text: for the taskpane (explain every call in a cell), the
 * audit (re-perform each call) and file import (Excel's stored prefixes).
 */

import { FormulaTextError, Token, displayFormula, displayFunctionName, tokenize } from "./tokens";

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

/** The BTU call that is the whole formula (calls may nest in its arguments), or undefined. */
export function soleCall(formula: string): BtuCall | undefined {
  const [outer] = findBtuCalls(formula);
  return outer && formula.replace(/^=/, "").trim() === outer.text ? outer : undefined;
}

const MAY_CALL_BTU = /BTU[._]/i;

/** Every BTU call in a formula, outer calls before the calls nested in their arguments; none in text that is not a formula. */
export function findBtuCalls(formula: string): BtuCall[] {
  // Every spelling of a BTU function (BTU.X, _xludf.BTU.X, _xldudf_BTU_X) has this in it: text
  // without it, most of a large workbook's formulas, needs no tokenizing.
  if (!MAY_CALL_BTU.test(formula)) return [];
  let tokens: Token[];
  try {
    tokens = tokenize(formula);
  } catch (error) {
    if (error instanceof FormulaTextError) return [];
    throw error;
  }
  const calls: BtuCall[] = [];
  tokens.forEach((token, index) => {
    if (token.type !== "function") return;
    const name = /^BTU\.([A-Z][A-Z0-9_]*)$/i.exec(displayFunctionName(token.text));
    if (!name) return;
    let open = index + 1;
    while (tokens[open]?.type === "space") open++;
    const args: string[] = [];
    let depth = 0;
    let argStart = tokens[open].end;
    for (let i = open; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.type === "open" || t.type === "arrayOpen") depth++;
      else if (t.type === "close" || t.type === "arrayClose") {
        if (--depth === 0) {
          args.push(formula.slice(argStart, t.start).trim());
          calls.push({
            name: name[1].toUpperCase(),
            args: args.length === 1 && args[0] === "" ? [] : args,
            text: formula.slice(token.start, t.end),
            start: token.start,
            end: t.end,
          });
          return;
        }
      } else if (t.type === "comma" && depth === 1) {
        args.push(formula.slice(argStart, t.start).trim());
        argStart = t.end;
      }
    }
  });
  return calls;
}

/**
 * A formula as Excel stores it in a file, in the form Excel shows: `_xldudf_BTU_X(` or
 * `_xldudf_BTU.X(` becomes `BTU.X(`, and the `_xlfn.`/`_xlws.` prefixes of newer built-ins go.
 */
export function normalizeStoredFormula(formula: string): string {
  try {
    return displayFormula(formula);
  } catch (error) {
    if (error instanceof FormulaTextError) return formula;
    throw error;
  }
}
