/**
 * The keywords each keyword parameter accepts, for the choices of the formula builder. Where the
 * core exports its keyword table it is used directly; the three it keeps private are listed here,
 * and test/taskpane/keywords.test.ts checks every list against the core's own error message.
 */
import { DISCOUNT_METHODS, STREAMS, TERMINATION_TYPES } from "../core";

const byParameter: Record<string, readonly string[]> = {
  type: Object.keys(TERMINATION_TYPES),
  stream: Object.keys(STREAMS),
};

const byFunction: Record<string, readonly string[]> = {
  "CONSULTING_LUMP.method": Object.keys(DISCOUNT_METHODS),
  "CHAIRMAN_LUMP.method": Object.keys(DISCOUNT_METHODS),
  "SPLIT_DOLLAR_BUYOUT.method": ["compound", "simple"],
  "MIN_TNW.method": ["per_year", "running_total"],
  "TNW_HEADROOM.method": ["per_year", "running_total"],
  "TNW_LEDGER.method": ["per_year", "running_total"],
  "NOTICE_EFFECTIVE.method": ["fax", "courier"],
};

export function keywordChoices(functionName: string, parameter: string): readonly string[] {
  return byFunction[`${functionName}.${parameter}`] ?? byParameter[parameter] ?? [];
}
