/**
 * The one place that turns spreadsheet arguments (from Excel or HyperFormula) into core inputs:
 * blanks, omitted optionals, 1×1 ranges, 2-D ranges with empty cells, booleans and text.
 */
import { ContractError, Exact, sumExact } from "../core";

/** A value as a spreadsheet hands it to a function: a scalar, a blank, or a 2-D range. */
export type RawScalar = number | string | boolean | null | undefined | SheetError;
export type RawArgument = RawScalar | RawScalar[][];

/** An error value already in a cell (#DIV/0!, #REF!…): it passes through unchanged. */
export class SheetError {
  constructor(
    readonly code: string,
    readonly message = ""
  ) {}
}

export type ParamKind =
  | "date" // one Excel serial date
  | "money" // dollars: a number or a range of numbers (blanks count as 0), summed exactly (TERMS.md, Ranges)
  | "price" // dollars per share: one number, not summed
  | "fraction" // one number from 0 to 1 (a share, a portion)
  | "column" // a range kept cell by cell with blanks as null, to pair with a parallel range
  | "flags" // a range of TRUE/FALSE, blanks as FALSE, parallel to another range
  | "dates" // a range of dates (blanks left out), e.g. holidays
  | "number" // one plain number (a count of days)
  | "keyword" // text from a fixed list
  | "text"; // free text (an id)

/** A keyword Excel offers in AutoComplete (a custom enum value) with its tooltip. */
export interface KeywordChoice {
  value: string;
  help: string;
}

export interface ParamSpec {
  name: string;
  kind: ParamKind;
  optional?: boolean;
  /** Excel's argument help: what to enter and what blank means, figures formatted from the terms. */
  help: string;
  /** For keywords: the accepted keywords, the core's own names (clause ids and any case are accepted too). */
  choices?: readonly KeywordChoice[];
  /** For keywords: the custom enum Excel lists the choices under. */
  enumName?: string;
  /** For keywords: the core's reader, turning accepted text into its keyword (or a message naming the clause). */
  parse?: (text: string) => string;
  /** For optional keywords: what blank means, the core's own default (shown in help, used by the audit). */
  default?: string;
  /** For ids: the values the formula builder offers. */
  suggestions?: () => readonly string[];
  /** For ids: the clause an argument value brings into the call (a term's clause, the clause itself). */
  cites?: (value: string) => string | undefined;
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
  if (values.length !== 1)
    wrong(clause, `${param.name} takes one cell, not a range of ${values.length}.`);
  return values[0];
}

function numberIn(value: RawScalar, param: ParamSpec, clause: string, what: string): number {
  if (typeof value === "number") return value;
  if (typeof value === "boolean")
    wrong(clause, `${param.name} must be ${what}, not ${value ? "TRUE" : "FALSE"}.`);
  wrong(
    clause,
    `${param.name} must be ${what}; the text "${String(value)}" is not one. Enter a number${what.includes("date") ? " or DATE(y,m,d)" : ""}.`
  );
}

/** A range's numbers, blanks left out; a cell holding anything else is named by its place in the range. */
function rangeAmounts(raw: RawArgument, param: ParamSpec, clause: string): number[] {
  if (!Array.isArray(raw)) return isBlank(raw) ? [] : [numberIn(raw, param, clause, "an amount")];
  const amounts: number[] = [];
  raw.forEach((row, r) =>
    row.forEach((value, c) => {
      if (isBlank(value)) return;
      if (typeof value === "number") amounts.push(value);
      else {
        const shown =
          typeof value === "boolean" ? (value ? "TRUE" : "FALSE") : `the text "${String(value)}"`;
        const place =
          raw.length === 1 || row.length === 1
            ? `cell ${raw.length === 1 ? c + 1 : r + 1}`
            : `row ${r + 1}, column ${c + 1}`;
        wrong(
          clause,
          `${param.name} must be amounts: ${place} of the range holds ${shown}. Enter a number there or clear the cell.`
        );
      }
    })
  );
  return amounts;
}

export type Coerced =
  | number
  | string
  | Exact
  | readonly (number | null)[]
  | readonly boolean[]
  | readonly number[]
  | undefined;

/** Coerces one argument; `undefined` means omitted (only for optional parameters). */
export function coerce(raw: RawArgument, param: ParamSpec, clause: string): Coerced {
  // The common case in a large sheet, a plain number where a number belongs, skips the range handling.
  if (typeof raw === "number") {
    if (
      param.kind === "date" ||
      param.kind === "number" ||
      param.kind === "price" ||
      param.kind === "fraction"
    )
      return raw;
    // One number goes to the core as it is: the core reads it exactly, on its fast path for whole cents.
    if (param.kind === "money") return raw;
  }
  const values = cells(raw);
  passErrors(values);
  if (
    values.every(isBlank) &&
    param.kind !== "money" &&
    param.kind !== "column" &&
    param.kind !== "flags"
  ) {
    if (param.optional) return undefined;
    if (param.kind !== "dates") wrong(clause, `${param.name} is required.`);
  }
  switch (param.kind) {
    case "date":
      return numberIn(single(raw, param, clause), param, clause, "a date");
    case "number":
      return numberIn(single(raw, param, clause), param, clause, "a number");
    case "price":
      return numberIn(single(raw, param, clause), param, clause, "an amount");
    case "fraction":
      return numberIn(single(raw, param, clause), param, clause, "a fraction");
    case "keyword":
    case "text": {
      const value = single(raw, param, clause);
      const example = param.choices?.[0]?.value ?? param.suggestions?.()[0] ?? "";
      if (typeof value !== "string")
        wrong(clause, `${param.name} must be text in quotes, such as "${example}".`);
      return param.parse ? param.parse(value) : value;
    }
    case "money": {
      if (param.optional && values.every(isBlank)) return undefined;
      return sumExact(rangeAmounts(raw, param, clause), clause, param.name);
    }
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
        return wrong(
          clause,
          `${param.name} must hold TRUE or FALSE in each cell, not "${String(v)}".`
        );
      });
  }
}
