/** The calendar's public face: Excel-style WORKDAY with the user's extra holidays. */
import { workday } from "./calendar";
import { Serial, serialToIso } from "./dates";
import { dateArg } from "./inputs";
import { Outcome, Trace, calculate, invalid } from "./outcome";

export function holidaySet(
  holidays: readonly number[] | undefined,
  clause: string
): ReadonlySet<Serial> {
  return new Set((holidays ?? []).map((day) => dateArg(day, clause, "the holidays")));
}

const CALENDAR_RULE =
  "Business days are Monday–Friday except US federal holidays as observed (Saturday → Friday before, Sunday → Monday after; New Year's Day on a Saturday → 31 December) and the extra holidays given.";

/** Adds business days and explains the count; shared by every deadline in both agreements. */
export function businessDaysAfter(
  start: Serial,
  days: number,
  holidays: ReadonlySet<Serial>,
  clause: string,
  trace: Trace,
  label: string
): Serial {
  const result = workday(start, days, holidays, clause);
  trace.step(
    label,
    () => serialToIso(result),
    clause,
    () =>
      `${days} business day${Math.abs(days) === 1 ? "" : "s"} after ${serialToIso(start)}. ${CALENDAR_RULE}`
  );
  if (holidays.size)
    trace.step(
      "Extra holidays",
      () => `${holidays.size} date${holidays.size === 1 ? "" : "s"}`,
      clause,
      "Closures given in the holidays argument are not business days."
    );
  return result;
}

export function workdayFunction(
  startDate: number,
  days: number,
  holidays?: readonly number[]
): Outcome<number> {
  return calculate(() => {
    const clause = "SA 21(b)";
    const start = dateArg(startDate, clause, "the start date");
    if (!Number.isFinite(days)) invalid(clause, "days must be a whole number of business days.");
    const trace = new Trace();
    return trace.done(
      businessDaysAfter(
        start,
        Math.trunc(days),
        holidaySet(holidays, clause),
        clause,
        trace,
        "Business day"
      )
    );
  });
}
