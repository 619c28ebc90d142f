/**
 * The business-day calendar of SEP 4(c)(i) and SA 21: Monday to Friday except US federal holidays
 * as observed (5 U.S.C. 6103 and the OPM observance rule), plus holidays the user adds.
 */
import { MAX_SERIAL, Serial, daysInMonth, fromSerial, isWeekend, serialOf, weekday } from "./dates";
import { invalid } from "./outcome";

const MONDAY = 1;
const THURSDAY = 4;
const SATURDAY = 6;
const SUNDAY = 0;

/** The n-th given weekday of a month (n = -1 for the last). */
function nthWeekday(year: number, month: number, day: number, n: number): Serial {
  if (n > 0) {
    const first = serialOf(year, month, 1);
    return first + ((day - weekday(first) + 7) % 7) + (n - 1) * 7;
  }
  const last = serialOf(year, month, daysInMonth(year, month));
  return last - ((weekday(last) - day + 7) % 7);
}

/** The holidays of one year as the statute names them, before moving weekend dates. */
function statutoryHolidays(year: number): Serial[] {
  const uniformMondays = year >= 1971; // Uniform Monday Holiday Act
  const days: Serial[] = [
    serialOf(year, 1, 1),
    uniformMondays ? nthWeekday(year, 2, MONDAY, 3) : serialOf(year, 2, 22),
    uniformMondays ? nthWeekday(year, 5, MONDAY, -1) : serialOf(year, 5, 30),
    serialOf(year, 7, 4),
    nthWeekday(year, 9, MONDAY, 1),
    uniformMondays ? nthWeekday(year, 10, MONDAY, 2) : serialOf(year, 10, 12),
    year >= 1971 && year <= 1977 ? nthWeekday(year, 10, MONDAY, 4) : serialOf(year, 11, 11),
    nthWeekday(year, 11, THURSDAY, 4),
    serialOf(year, 12, 25),
  ];
  if (year >= 1986) days.push(nthWeekday(year, 1, MONDAY, 3)); // Martin Luther King Jr. Day
  if (year >= 2021) days.push(serialOf(year, 6, 19)); // Juneteenth
  return days;
}

/** Saturday holidays are observed on the Friday before, Sunday ones on the Monday after. */
function observed(day: Serial): Serial {
  const dow = weekday(day);
  if (dow === SATURDAY) return day - 1;
  if (dow === SUNDAY) return day + 1;
  return day;
}

const observedByYear = new Map<number, ReadonlySet<Serial>>();

/**
 * Observed federal holidays falling in `year`. New Year's Day of the next year belongs here when it
 * falls on a Saturday and is observed on 31 December.
 */
function observedHolidays(year: number): ReadonlySet<Serial> {
  let days = observedByYear.get(year);
  if (!days) {
    const all = [
      ...statutoryHolidays(year),
      ...(year < 9999 ? [serialOf(year + 1, 1, 1)] : []),
    ].map(observed);
    days = new Set(all.filter((day) => fromSerial(day).year === year));
    observedByYear.set(year, days);
  }
  return days;
}

/** The observed federal holidays falling in `year`, in date order (for a holiday table an auditor can read). */
export function federalHolidaysIn(year: number): Serial[] {
  return [...observedHolidays(year)].sort((a, b) => a - b);
}

export function isFederalHoliday(serial: Serial): boolean {
  return observedHolidays(fromSerial(serial).year).has(serial);
}

export function isBusinessDay(serial: Serial, extraHolidays: ReadonlySet<Serial>): boolean {
  return !isWeekend(serial) && !isFederalHoliday(serial) && !extraHolidays.has(serial);
}

/**
 * Excel's WORKDAY on this calendar: `days` business days after (or, if negative, before) `start`;
 * the start itself is not counted, and zero days return the start unchanged, as in Excel.
 */
export function workday(
  start: Serial,
  days: number,
  extraHolidays: ReadonlySet<Serial>,
  clause: string
): Serial {
  const direction = Math.sign(days);
  let remaining = Math.abs(days);
  let day = start;
  while (remaining > 0) {
    day += direction;
    if (day < 1 || day > MAX_SERIAL)
      invalid(
        clause,
        "the business-day count runs past Excel's dates (1900-01-01 to 9999-12-31); use fewer days."
      );
    if (isBusinessDay(day, extraHolidays)) remaining -= 1;
  }
  return day;
}
