/**
 * Conversions between HyperFormula's values and the raw spreadsheet values the catalogue coerces:
 * nothing is interpreted here, only re-shaped (numbers, text, booleans, blanks, ranges, errors).
 */
import { CellError, EmptyValue, ErrorType, SimpleRangeValue } from "hyperformula";
import { CellResult, RawArgument, RawScalar, SheetError } from "../catalogue";
import type { Scalar } from "../core";

/** Excel's spelling of each HyperFormula error type. */
export const ERROR_CODES: Record<ErrorType, string> = {
  [ErrorType.DIV_BY_ZERO]: "#DIV/0!",
  [ErrorType.NAME]: "#NAME?",
  [ErrorType.VALUE]: "#VALUE!",
  [ErrorType.NUM]: "#NUM!",
  [ErrorType.NA]: "#N/A",
  [ErrorType.CYCLE]: "#CYCLE!",
  [ErrorType.REF]: "#REF!",
  [ErrorType.SPILL]: "#SPILL!",
  [ErrorType.LIC]: "#LIC!",
  [ErrorType.ERROR]: "#ERROR!",
};

const ERROR_TYPES = new Map(
  Object.entries(ERROR_CODES).map(([type, code]) => [code, type as ErrorType])
);

/** HyperFormula's number subtypes (dates, currency, percent) carry the number in `val`. */
function isRichNumber(value: unknown): value is { val: number } {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { val?: unknown }).val === "number"
  );
}

export function toRawScalar(value: unknown): RawScalar {
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean")
    return value;
  if (value === EmptyValue || value === null || value === undefined) return null;
  if (value instanceof CellError)
    return new SheetError(ERROR_CODES[value.type] ?? "#VALUE!", value.message ?? "");
  if (isRichNumber(value)) return value.val;
  return new SheetError("#VALUE!", "unsupported value");
}

export function toRawArgument(value: unknown): RawArgument {
  if (value instanceof SimpleRangeValue) return value.data.map((row) => row.map(toRawScalar));
  return toRawScalar(value);
}

export function toCellError(code: string, message: string): CellError {
  return new CellError(ERROR_TYPES.get(code) ?? ErrorType.VALUE, message);
}

/** A catalogue result as HyperFormula returns it from a function: a value, a spill or an error. */
export function fromCellResult(result: CellResult): Scalar | SimpleRangeValue | CellError {
  if (!result.ok) return toCellError(result.code, result.message);
  if (Array.isArray(result.value)) return SimpleRangeValue.onlyValues(result.value);
  return result.value;
}
