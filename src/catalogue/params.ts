/**
 * Parameter builders shared by the definitions, with the help text Excel shows for each, written
 * from the terms data. Keyword parameters carry the core's reader and the choices Excel offers.
 */
import { termDate } from "../core";
import type { KeywordChoice, ParamKind, ParamSpec } from "./coerce";

type Options = Partial<Pick<ParamSpec, "optional" | "suggestions" | "cites">>;

export function param(
  name: string,
  kind: ParamKind,
  help: string,
  options: Options = {}
): ParamSpec {
  return { name, kind, help, ...options };
}

export const optional = (name: string, kind: ParamKind, help: string): ParamSpec =>
  param(name, kind, help, { optional: true });

/**
 * A keyword parameter: the choices Excel lists (a custom enum), the core's reader for what the user
 * typed (any case, a clause id as a synonym), and whether blank is allowed.
 */
export function keyword(
  name: string,
  enumName: string,
  choices: readonly KeywordChoice[],
  parse: (text: string) => string,
  help: string,
  blank?: { default: string }
): ParamSpec {
  return {
    name,
    kind: "keyword",
    help,
    optional: blank !== undefined,
    default: blank?.default,
    choices,
    enumName,
    parse,
  };
}

/** The holidays parameter of every business-day deadline. */
export const holidays = optional(
  "holidays",
  "dates",
  "Extra closing days (a date or a range of dates) on top of US federal holidays as observed and the workbook's own extra holidays; empty cells are ignored."
);

/** The optional date that picks the version of a term the First Amendment changed. */
export function asOf(
  help = `Date that picks the terms in force: before ${termDate("loan.amendment_date")} the original terms apply; blank means the amended terms.`
): ParamSpec {
  return optional("as_of", "date", help);
}
