/**
 * How values read from cells and returned by the core are shown in the pane: money as dollars,
 * dates in one style ("31 Mar 2005", the weekday beside where it matters), everything else as
 * Excel would show it. Display only.
 */
import {
  DATE_1904_OFFSET,
  Decimal,
  MONTHS,
  formatMoney,
  groupDigits,
  isValidSerial,
  isoToSerial,
  longDate,
  serialToIso,
  weekday,
} from "../core";
import {
  ParamKind,
  RawArgument,
  RawScalar,
  ResultKind,
  SheetError,
  isBlank,
  workbookDate1904,
} from "../catalogue";

const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** "31 Mar 2005" from a serial of the core's (1900) date system, with no-break spaces: a date never wraps. */
export function shortDate(serial: number): string {
  const [day, month, year] = longDate(Math.floor(serial)).split(" ");
  return `${day}\u00a0${month.slice(0, 3)}\u00a0${year}`;
}

/**
 * A date typed into the pane, as a core serial: "31 Mar 2005", "31 March 2005" or "2005-03-31"
 * (never a locale's "03/31/2005", which reads differently elsewhere); undefined if it is none.
 */
export function readDate(text: string): number | undefined {
  const value = text.trim().replace(/\s+/g, " ");
  let parts: [number, number, number] | undefined;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  if (iso) parts = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  const named = /^(\d{1,2}) ([a-z]+)\.? (\d{4})$/i.exec(value);
  if (named) {
    const word = named[2].toLowerCase();
    const month =
      word.length >= 3 ? MONTHS.findIndex((name) => name.toLowerCase().startsWith(word)) + 1 : 0;
    if (month) parts = [Number(named[3]), month, Number(named[1])];
  }
  if (!parts) return undefined;
  const iso10 = `${String(parts[0]).padStart(4, "0")}-${String(parts[1]).padStart(2, "0")}-${String(parts[2]).padStart(2, "0")}`;
  const serial = isoToSerial(iso10);
  return isValidSerial(serial) && serialToIso(serial) === iso10 ? serial : undefined;
}

/** "Thursday" (Excel's serials, so no time zone is involved). */
export function weekdayName(serial: number): string {
  return DAYS[weekday(Math.floor(serial))];
}

/** "Thu 31 Mar 2005": a date the reader picks or must act on, where the weekday matters. */
export function weekdayDate(serial: number): string {
  return `${weekdayName(serial).slice(0, 3)}\u00a0${shortDate(serial)}`;
}

/** A cell's date serial in the core's 1900 system: a 1904 workbook counts from 1 January 1904. */
function coreSerial(value: number): number {
  return workbookDate1904() ? value + DATE_1904_OFFSET : value;
}

function isDateSerial(value: unknown): value is number {
  return typeof value === "number" && isValidSerial(Math.floor(coreSerial(value)));
}

const ISO_DATE = /\b(\d{4}-\d{2}-\d{2})\b/g;
/** "31 March 2005", as the core's prose writes a date in words. */
const LONG_DATE = new RegExp(`\\b\\d{1,2} (?:${MONTHS.join("|")}) \\d{4}\\b`, "g");

/**
 * The core's text with its ISO dates in the pane's date style: the core writes dates as ISO so
 * that the CLI and the Audit sheet read the same everywhere; the pane shows them as a reader would.
 */
export function displayText(text: string): string {
  return text
    .replace(ISO_DATE, (iso) => {
      const serial = isoToSerial(iso);
      return isValidSerial(serial) && serialToIso(serial) === iso ? shortDate(serial) : iso;
    })
    .replace(LONG_DATE, (long) => {
      const serial = readDate(long);
      return serial === undefined ? long : shortDate(serial);
    });
}

/**
 * "1,234.5": a number that is neither money nor a date, grouped, to at most 10 decimals. Written
 * with decimal.js rather than Intl.NumberFormat, whose first use costs the opening pane ~30 ms.
 */
function plainNumber(value: number): string {
  const rounded = new Decimal(value).toDecimalPlaces(10);
  const [whole, fraction] = rounded.abs().toFixed().split(".");
  const sign = rounded.isNegative() && !rounded.isZero() ? "-" : "";
  return `${sign}${groupDigits(whole)}${fraction ? `.${fraction}` : ""}`;
}

export type DisplayKind = ResultKind | ParamKind;

/** One cell value as text, read as `kind` where it is a number. */
export function formatScalar(value: RawScalar, kind: DisplayKind): string {
  if (value instanceof SheetError) return value.code;
  if (isBlank(value)) return "(blank)";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string")
    return kind === "keyword" || kind === "text" ? `"${value}"` : value;
  if ((kind === "date" || kind === "dates") && isDateSerial(value))
    return shortDate(coreSerial(value));
  if (kind === "text") return String(value);
  if (kind === "money" || kind === "price") return formatMoney(new Decimal(value));
  return plainNumber(value);
}

/** The weekday shown under a date, or undefined when the value is not a date. */
export function dateDetail(value: RawArgument, kind: DisplayKind): string | undefined {
  const scalar = Array.isArray(value)
    ? value.length === 1 && value[0].length === 1
      ? value[0][0]
      : undefined
    : value;
  return kind === "date" && isDateSerial(scalar)
    ? `a ${weekdayName(coreSerial(scalar))}`
    : undefined;
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
