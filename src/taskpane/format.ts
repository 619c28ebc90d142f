/**
 * How values read from cells and returned by the core are shown in the pane: money as dollars,
 * dates as ISO and in long form, everything else as Excel would show it. Display only.
 */
import { Decimal, formatMoney, isValidSerial, longDate, serialToIso, weekday } from "../core";
import { ParamKind, RawArgument, RawScalar, ResultKind, SheetError, isBlank } from "../catalogue";

const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** "Thursday, 31 March 2005" (Excel's serials, so no time zone is involved). */
export function weekdayDate(serial: number): string {
  const whole = Math.floor(serial);
  return `${DAYS[weekday(whole)]}, ${longDate(whole)}`;
}

function isDateSerial(value: unknown): value is number {
  return typeof value === "number" && isValidSerial(Math.floor(value));
}

const plain = new Intl.NumberFormat("en-US", { maximumFractionDigits: 10 });

export type DisplayKind = ResultKind | ParamKind;

/** One cell value as text, read as `kind` where it is a number. */
export function formatScalar(value: RawScalar, kind: DisplayKind): string {
  if (value instanceof SheetError) return value.code;
  if (isBlank(value)) return "(blank)";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string")
    return kind === "keyword" || kind === "text" ? `"${value}"` : value;
  if ((kind === "date" || kind === "dates") && isDateSerial(value))
    return serialToIso(Math.floor(value));
  if (kind === "text") return String(value);
  if (kind === "money" || kind === "price") return formatMoney(new Decimal(value));
  return plain.format(value);
}

/** The long form shown under a date, or undefined when the value is not a date. */
export function dateDetail(value: RawArgument, kind: DisplayKind): string | undefined {
  const scalar = Array.isArray(value)
    ? value.length === 1 && value[0].length === 1
      ? value[0][0]
      : undefined
    : value;
  return kind === "date" && isDateSerial(scalar) ? weekdayDate(scalar) : undefined;
}

/** A range as a short list ("$1.00, $2.00, (blank) — 3 cells"), a single cell as its value. */
export function formatArgument(value: RawArgument, kind: DisplayKind): string {
  if (!Array.isArray(value)) return formatScalar(value, kind);
  const cells = value.flat();
  if (cells.length === 1) return formatScalar(cells[0], kind);
  const shown = cells
    .slice(0, 6)
    .map((cell) => formatScalar(cell, kind === "column" || kind === "flags" ? "number" : kind));
  return `${shown.join(", ")}${cells.length > 6 ? ", …" : ""} (${value.length}×${value[0]?.length ?? 0} cells)`;
}
