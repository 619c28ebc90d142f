/**
 * Excel serial dates in the 1900 date system, in integer arithmetic only: no `Date`, so nothing
 * depends on the machine's time zone. Serial 1 is 1900-01-01 and serial 60 is Excel's fictitious
 * 1900-02-29, so serials below 61 are one day "early" against the real calendar, as in Excel.
 */

export type Serial = number;

export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** Excel's last date, 9999-12-31. */
export const MAX_SERIAL = 2958465;
const FICTITIOUS_LEAP_DAY = 60;

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil({ year, month, day }: CivilDate): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(days: number): CivilDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Serial 61 is 1900-03-01; from there on serials count real days from 1899-12-30. */
const EPOCH_1899_12_30 = daysFromCivil({ year: 1899, month: 12, day: 30 });

export function isLeapYear(year: number): boolean {
  // Excel treats 1900 as a leap year; every date function here follows Excel.
  return year === 1900 || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0));
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

export function toSerial(date: CivilDate): Serial {
  if (date.year === 1900 && date.month <= 2) return date.month === 1 ? date.day : 31 + date.day;
  return daysFromCivil(date) - EPOCH_1899_12_30;
}

export function fromSerial(serial: Serial): CivilDate {
  if (serial <= 31) return { year: 1900, month: 1, day: serial };
  if (serial <= FICTITIOUS_LEAP_DAY) return { year: 1900, month: 2, day: serial - 31 };
  return civilFromDays(serial + EPOCH_1899_12_30);
}

export function serialOf(year: number, month: number, day: number): Serial {
  return toSerial({ year, month, day });
}

/** "2005-03-31" → serial; used for dates written in the terms data. */
export function isoToSerial(iso: string): Serial {
  const [year, month, day] = iso.split("-").map(Number);
  return toSerial({ year, month, day });
}

export function serialToIso(serial: Serial): string {
  const { year, month, day } = fromSerial(serial);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Excel's EDATE: the same day `months` later, clamped to the end of a shorter month. */
export function edate(serial: Serial, months: number): Serial {
  const { year, month, day } = fromSerial(serial);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  return toSerial({
    year: targetYear,
    month: targetMonth,
    day: Math.min(day, daysInMonth(targetYear, targetMonth)),
  });
}

/** Day of the week as Excel's WEEKDAY(serial, 1) counts it, minus one: 0 = Sunday … 6 = Saturday. */
export function weekday(serial: Serial): number {
  return (((serial - 1) % 7) + 7) % 7;
}

export function isWeekend(serial: Serial): boolean {
  const day = weekday(serial);
  return day === 0 || day === 6;
}

/** Whether a serial is a whole date Excel can show (1900-01-01 … 9999-12-31). */
export function isValidSerial(serial: number): boolean {
  return Number.isInteger(serial) && serial >= 1 && serial <= MAX_SERIAL;
}

/** A 1904-system serial plus this is the 1900-system serial of the same day: 1904-01-01 is 1904 serial 0. */
export const DATE_1904_OFFSET = serialOf(1904, 1, 1);
