/**
 * The one place that turns spreadsheet arguments (from Excel or HyperFormula) into core inputs:
 * blanks, omitted optionals, 1×1 ranges, 2-D ranges with empty cells, booleans and text.
 */
import { ContractError } from "../core";

/** A value as a spreadsheet hands it to a function: a scalar, a blank, or a 2-D range. */
export type RawScalar = number | string | boolean | null | undefined | SheetError;
export type RawArgument = RawScalar | RawScalar[][];

/** An error value already in a cell (#DIV/0!, #REF!…): it passes through unchanged. */
export class SheetError {
  constructor(
    readonly code: string,
    readonly message = "",
  ) {}
}

export type ParamKind =
  | "date" // one Excel serial date
  | "amount" // one number, kept exact
  | "amounts" // a number or a range of numbers (blanks left out); summed where the clause adds them
  | "column" // a range kept cell by cell with blanks as null, to pair with a parallel range
  | "flags" // a range of TRUE/FALSE, blanks as FALSE, parallel to another range
  | "dates" // a range of dates (blanks left out), e.g. holidays
  | "number" // one plain number (a count of days)
  | "keyword" // text from a fixed list
  | "text"; // free text (an id)

export interface ParamSpec {
  name: string;
  kind: ParamKind;
  optional?: boolean;
  /** For keywords: the accepted keywords, first the core's own names (synonyms are accepted too). */
  choices?: readonly string[];
}

export function isBlank(value: RawScalar): value is null | undefined | "" {
  return value === null || value === undefined || value === "";
}

function cells(raw: RawArgument): RawScalar[] {
  return Array.isArray(raw) ? raw.flat() : [raw];
}

function passErrors(values: RawScalar[]): void {
  const error = values.find((value) => value instanceof SheetError);
  if (error) throw error;
}

function wrong(clause: string, message: string): never {
  throw new ContractError("#VALUE!", clause, `${clause}: ${message}`);
}

function single(raw: RawArgument, param: ParamSpec, clause: string): RawScalar {
  const values = cells(raw);
  passErrors(values);
  if (values.length !== 1) wrong(clause, `${param.name} takes one cell, not a range of ${values.length}.`);
  return values[0];
}

function numberIn(value: RawScalar, param: ParamSpec, clause: string, what: string): number {
  if (typeof value === "number") return value;
  if (typeof value === "boolean") wrong(clause, `${param.name} must be ${what}, not ${value ? "TRUE" : "FALSE"}.`);
  wrong(clause, `${param.name} must be ${what}; the text "${String(value)}" is not one. Enter a number${what.includes("date") ? " or DATE(y,m,d)" : ""}.`);
}

export type Coerced = number | string | readonly (number | null)[] | readonly boolean[] | readonly number[] | undefined;

/** Coerces one argument; `undefined` means omitted (only for optional parameters). */
export function coerce(raw: RawArgument, param: ParamSpec, clause: string): Coerced {
  // The common case in a large sheet, a plain number where a number belongs, skips the range handling.
  if (typeof raw === "number") {
    if (param.kind === "date" || param.kind === "number" || param.kind === "amount") return raw;
    if (param.kind === "amounts") return [raw];
  }
  const values = cells(raw);
  passErrors(values);
  if (values.every(isBlank) && param.kind !== "amounts" && param.kind !== "column" && param.kind !== "flags") {
    if (param.optional) return undefined;
    if (param.kind !== "dates") wrong(clause, `${param.name} is required.`);
  }
  switch (param.kind) {
    case "date":
      return numberIn(single(raw, param, clause), param, clause, "a date");
    case "number":
      return numberIn(single(raw, param, clause), param, clause, "a number");
    case "amount":
      return numberIn(single(raw, param, clause), param, clause, "an amount");
    case "keyword":
    case "text": {
      const value = single(raw, param, clause);
      if (typeof value !== "string") wrong(clause, `${param.name} must be text in quotes, such as "${param.kind === "keyword" ? "consulting" : "loan.inventory_cap"}".`);
      return value;
    }
    case "amounts":
      if (param.optional && values.every(isBlank)) return undefined;
      return values.filter((v) => !isBlank(v)).map((v) => numberIn(v, param, clause, "an amount"));
    case "dates":
      return values.filter((v) => !isBlank(v)).map((v) => numberIn(v, param, clause, "a date"));
    case "column":
      if (param.optional && values.every(isBlank)) return undefined;
      return values.map((v) => (isBlank(v) ? null : numberIn(v, param, clause, "a number")));
    case "flags":
      if (param.optional && values.every(isBlank)) return undefined;
      return values.map((v) => {
        if (isBlank(v)) return false;
        if (typeof v === "boolean") return v;
        if (v === 0 || v === 1) return v === 1;
        return wrong(clause, `${param.name} must hold TRUE or FALSE in each cell, not "${String(v)}".`);
      });
  }
}
