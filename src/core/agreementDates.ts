/**
 * The dates the two agreements set (TERMS.md, "Deadlines and certificates"): the fixed calendar
 * that depends on no event, and the deadlines one event starts. Every date and count comes from the
 * terms data; the rows are what BTU.CALENDAR and BTU.EVENT_DEADLINES spill.
 */
import { workday } from "./calendar";
import { holidaySet } from "./businessDays";
import { Serial, daysInMonth, edate, fromSerial, serialOf, serialToIso } from "./dates";
import { dateArg } from "./inputs";
import { parseKeyword } from "./keywords";
import { Outcome, Trace, calculate, invalid, noAnswer } from "./outcome";
import { termCountWords, termPercent, termUsDate } from "./prose";
import { termClause, termIso, termNumber } from "./terms";

/** One spilled row: the date, what happens in plain words, the clause. */
export type DateRow = [Serial, string, string];

const term = (id: string) => termNumber(id);
const dayBefore = (id: string) => term(id) - 1;

/** Quarter ends from the first tested quarter through the last one before the facility ends. */
function quarterEnds(): Serial[] {
  const last = term("loan.termination_date");
  const ends: Serial[] = [];
  let { year, month } = fromSerial(term("loan.net_income_test_from"));
  for (;;) {
    const end = serialOf(year, month, daysInMonth(year, month));
    if (end > last) return ends;
    ends.push(end);
    month += 3;
    if (month > 12) [year, month] = [year + 1, month - 12];
  }
}

/** Fiscal year ends whose income steps the minimum up, through the last one before the facility ends. */
function fiscalYearEnds(): Serial[] {
  const last = term("loan.termination_date");
  const ends: Serial[] = [];
  const first = fromSerial(term("loan.tnw_first_year_end"));
  for (let year = first.year; serialOf(year, first.month, first.day) <= last; year++)
    ends.push(serialOf(year, first.month, first.day));
  return ends;
}

/** The fixed calendar in TERMS.md's order; rows of one date keep this order. */
function fixedCalendar(): DateRow[] {
  const notice = term("sep.notice_months");
  const noticeWords = `${termCountWords("sep.notice_months")} months' notice`;
  const capitalized = noticeWords.charAt(0).toUpperCase() + noticeWords.slice(1);
  const originalTermination = termNumber("loan.termination_date", term("loan.amendment_date") - 1);
  return [
    [term("loan.original_agreement_date"), "Original Loan Agreement", "FA recitals"],
    [term("sep.agreement_date"), "Separation agreement signed", "SEP preamble"],
    [
      dayBefore("sep.good_reason_transition_before"),
      `Last day to end the Transition Period for Good Reason ("before ${termUsDate("sep.good_reason_transition_before")}")`,
      "SEP 4(d)",
    ],
    [
      term("sep.separation_date"),
      "Separation Date: employment ends; Consulting and Chairmanship Periods begin",
      "SEP 3",
    ],
    [
      term("sep.key_man_premiums_until"),
      "Last day the Company pays the Key Man Policy premiums",
      "SEP 3(c)(vi)",
    ],
    [
      term("sep.fee_start"),
      "Consulting and Chairman Fees begin to accrue; option to assume the Key Man Policy",
      "SEP 3(a)",
    ],
    [
      term("loan.amendment_date"),
      "First Amendment, Allonge, Security Agreement and Loan Modification Agreement",
      "FA recitals",
    ],
    [
      term("loan.amendment_date") + term("loan.cost_debit_days"),
      "Last day to pay the Bank's costs before it may debit the Borrower's accounts",
      "LMA III.F",
    ],
    [
      term("sep.office_until"),
      "Last day of the present office and executive assistant",
      "SEP 3(c)(v)",
    ],
    [
      dayBefore("sep.good_reason_consulting_before"),
      "Last day to end the Consulting Period for Good Reason",
      "SEP 4(d)",
    ],
    [
      term("sep.board_consulting_notice_from"),
      `${capitalized} to end the Consulting Period may be given (Board or Executive)`,
      "SEP 4(b)(i)",
    ],
    [
      edate(term("sep.board_consulting_notice_from"), notice),
      "Earliest end of the Consulting Period by notice",
      "SEP 4(b)(i)",
    ],
    ...quarterEnds().map((end): DateRow => [
      end,
      "Minimum net income test for the quarter",
      termClause("loan.net_income_test_from"),
    ]),
    ...fiscalYearEnds().map((end): DateRow => [
      end,
      `Fiscal year end: the minimum tangible net worth steps up by ${termPercent("loan.tnw_income_share")} of the year's after-tax income`,
      termClause("loan.tnw_first_year_end"),
    ]),
    [
      dayBefore("sep.good_reason_chairman_before"),
      "Last day to end the Chairmanship Period for Good Reason",
      "SEP 4(d)",
    ],
    [
      term("sep.board_chairman_notice_from"),
      `${capitalized} to end the Chairmanship Period may be given`,
      "SEP 4(b)(ii)",
    ],
    [
      edate(term("sep.board_chairman_notice_from"), notice),
      "Earliest end of the Chairmanship Period by notice",
      "SEP 4(b)(ii)",
    ],
    [originalTermination, "Termination Date before the First Amendment extended it", "FA 1(a)"],
    [
      edate(term("sep.fee_end") + 1, -notice) - 1,
      `Last day to give ${noticeWords} that takes effect by ${termIso("sep.fee_end")}`,
      "SEP 4(b)(i)",
    ],
    [term("loan.termination_date"), "Termination Date of the Revolving Credit", "FA 1(a)"],
    [
      term("sep.fee_end"),
      "End of the Consulting and Chairmanship Periods; last day of fee accrual",
      "SEP 3",
    ],
  ];
}

let calendarRows: DateRow[] | undefined;

/** Sorted by date; a stable sort keeps the table's order within a date. */
export function agreementCalendar(): readonly DateRow[] {
  calendarRows ??= fixedCalendar().sort((a, b) => a[0] - b[0]);
  return calendarRows;
}

/** The calendar's rows from `from` to `to`, inclusive; either end may be open. */
export function calendarBetween(from?: Serial, to?: Serial): readonly DateRow[] {
  return agreementCalendar().filter(
    ([date]) => (from === undefined || date >= from) && (to === undefined || date <= to)
  );
}

export function calendarFunction(fromDate?: number, toDate?: number): Outcome<DateRow[]> {
  return calculate(() => {
    const clause = "BTU.CALENDAR";
    const from = fromDate === undefined ? undefined : dateArg(fromDate, clause, "the from date");
    const to = toDate === undefined ? undefined : dateArg(toDate, clause, "the to date");
    if (from !== undefined && to !== undefined && from > to)
      invalid(
        clause,
        `the from date ${serialToIso(from)} is after the to date ${serialToIso(to)}; swap them.`
      );
    const rows = calendarBetween(from, to);
    if (!rows.length)
      noAnswer(
        clause,
        `no contract date between ${from === undefined ? "the start" : serialToIso(from)} and ${to === undefined ? "the end" : serialToIso(to)}.`
      );
    const trace = new Trace();
    for (const [date, event, cited] of rows)
      trace.step(event, () => serialToIso(date), cited, "From the terms data.");
    return trace.done(rows.map((row) => [...row] as DateRow));
  });
}

/**
 * One deadline an event starts, as data: counted from the event or from the deadline before it, a
 * number of calendar or business days (a term) forward or back, less one where the count includes
 * the first day ("the 365-day window" ends on day 365, the event's day being day 1).
 */
export interface DeadlineRule {
  words: string;
  clause: string;
  from: "event" | "previous";
  days: string;
  business?: true;
  direction: 1 | -1;
  inclusive?: true;
}

/** What one event starts: the clause, the agreement whose date it may not precede, its deadlines. */
export interface EventRule {
  clause: string;
  agreement: "sep" | "loan";
  synonyms: readonly string[];
  deadlines: readonly DeadlineRule[];
}

const EVENTS = {
  cause_breach_notice: {
    clause: "SEP 4(a)(i)",
    agreement: "sep",
    synonyms: ["4(a)(i)", "SEP 4(a)(i)"],
    deadlines: [
      {
        words: "End of the cure period",
        clause: "SEP 4(a)(i)",
        from: "event",
        days: "sep.cause_cure_days",
        direction: 1,
      },
    ],
  },
  good_reason_notice: {
    clause: "SEP 4(d)",
    agreement: "sep",
    synonyms: ["4(d)(i)", "4(d)"],
    deadlines: [
      {
        words: "End of the cure period",
        clause: "SEP 4(d)",
        from: "event",
        days: "sep.good_reason_cure_days",
        direction: 1,
      },
    ],
  },
  duress_notification: {
    clause: "SEP 4(c)(i)",
    agreement: "sep",
    synonyms: ["4(c)(i)", "SEP 4(c)(i)"],
    deadlines: [
      {
        words: "Election deadline",
        clause: "SEP 4(c)(i)",
        from: "event",
        days: "sep.election_business_days",
        business: true,
        direction: 1,
      },
      {
        words: "Latest share transfer if the election is made on that deadline",
        clause: "SEP 4(c)(i)",
        from: "previous",
        days: "sep.share_transfer_business_days",
        business: true,
        direction: 1,
      },
    ],
  },
  disability_start: {
    clause: "SEP 4(h)",
    agreement: "sep",
    synonyms: ["4(h)", "SEP 4(h)"],
    deadlines: [
      {
        words: "Earliest termination notice, if the consecutive days of disability pass",
        clause: "SEP 4(h)",
        from: "event",
        days: "sep.disability_days",
        direction: 1,
      },
      {
        words: "End of the window those days must fall in",
        clause: "SEP 4(h)",
        from: "event",
        days: "sep.disability_window_days",
        direction: 1,
        inclusive: true,
      },
    ],
  },
  overadvance_notice: {
    clause: "SA 13(h)",
    agreement: "loan",
    synonyms: ["SA 13(h)", "13(h)"],
    deadlines: [
      {
        words: "Last day to pay or give substitute collateral",
        clause: "SA 13(h)",
        from: "event",
        days: "loan.overadvance_cure_days",
        direction: 1,
      },
    ],
  },
  insurance_cancellation: {
    clause: "SA 13(b)",
    agreement: "loan",
    synonyms: ["SA 13(b)", "13(b)"],
    deadlines: [
      {
        words: "Last day the Bank must have had written notice",
        clause: "SA 13(b)",
        from: "event",
        days: "loan.insurance_cancellation_notice_days",
        direction: -1,
      },
    ],
  },
  records_move: {
    clause: "SA 13(e)(ii)",
    agreement: "loan",
    synonyms: ["SA 13(e)(ii)", "13(e)(ii)"],
    deadlines: [
      {
        words: "Last day for written notice",
        clause: "SA 13(e)(ii)",
        from: "event",
        days: "loan.records_move_notice_days",
        direction: -1,
      },
    ],
  },
  office_move: {
    clause: "SA 13(e)(iii)",
    agreement: "loan",
    synonyms: ["SA 13(e)(iii)", "13(e)(iii)"],
    deadlines: [
      {
        words: "Last day for written notice",
        clause: "SA 13(e)(iii)",
        from: "event",
        days: "loan.office_move_notice_days",
        direction: -1,
      },
    ],
  },
  collateral_sale: {
    clause: "SA 15",
    agreement: "loan",
    synonyms: ["SA 15", "15"],
    deadlines: [
      {
        words: "Last day for written notice to the Borrower",
        clause: "SA 15",
        from: "event",
        days: "loan.sale_notice_days",
        direction: -1,
      },
    ],
  },
  courier_notice: {
    clause: "SA 21(b)",
    agreement: "loan",
    synonyms: ["SA 21(b)", "21(b)"],
    deadlines: [
      {
        words: "Notice effective",
        clause: "SA 21(b)",
        from: "event",
        days: "loan.courier_business_days",
        business: true,
        direction: 1,
      },
    ],
  },
} satisfies Record<string, EventRule>;

/** Each deadline's date: the count from the event or the deadline before, in calendar or business days. */
function deadlineDates(rule: EventRule, date: Serial, holidays: ReadonlySet<Serial>): Serial[] {
  const dates: Serial[] = [];
  for (const deadline of rule.deadlines) {
    const start = deadline.from === "event" ? date : dates[dates.length - 1];
    const count = deadline.direction * (term(deadline.days) - (deadline.inclusive ? 1 : 0));
    dates.push(
      deadline.business ? workday(start, count, holidays, deadline.clause) : start + count
    );
  }
  return dates;
}

/** An event's rule, for the audit's native formulas. */
export function eventRule(event: AgreementEvent): EventRule {
  return EVENTS[event];
}

export type AgreementEvent = keyof typeof EVENTS;

/** The most deadlines one event starts: a spreadsheet engine reserves this many rows for a spill. */
export const EVENT_DEADLINE_ROWS = Math.max(
  ...Object.values(EVENTS).map((rule: EventRule) => rule.deadlines.length)
);

export const AGREEMENT_EVENTS: Record<AgreementEvent, readonly string[]> = Object.fromEntries(
  Object.entries(EVENTS).map(([key, rule]) => [key, rule.synonyms])
) as unknown as Record<AgreementEvent, readonly string[]>;

/** The clause of each event, for the keywords' help. */
export function eventClause(event: AgreementEvent): string {
  return EVENTS[event].clause;
}

export function parseAgreementEvent(input: string): AgreementEvent {
  return parseKeyword(input, AGREEMENT_EVENTS, undefined, "BTU.EVENT_DEADLINES", "event");
}

export function eventDeadlines(
  event: AgreementEvent,
  eventDate: number,
  holidays?: readonly number[]
): Outcome<DateRow[]> {
  return calculate(() => {
    const rule: EventRule = EVENTS[event];
    const date = dateArg(eventDate, rule.clause, "the event date");
    const start = term(rule.agreement === "sep" ? "sep.agreement_date" : "loan.amendment_date");
    if (date < start)
      invalid(
        rule.clause,
        `the event date ${serialToIso(date)} is before the agreement (${serialToIso(start)}); use a date on or after it.`
      );
    const dates = deadlineDates(rule, date, holidaySet(holidays, rule.clause));
    const rows = rule.deadlines.map((d, i): DateRow => [dates[i], d.words, d.clause]);
    const trace = new Trace();
    rule.deadlines.forEach((d, i) =>
      trace.step(
        d.words,
        () => serialToIso(dates[i]),
        d.clause,
        () =>
          `${term(d.days)}${d.business ? " business" : ""} days ${d.direction > 0 ? "after" : "before"} ${d.from === "event" ? `the event on ${serialToIso(date)}` : `the deadline before, ${serialToIso(dates[i - 1])}`}${d.inclusive ? ", the first day counted" : ""}.`
      )
    );
    return trace.done(rows);
  });
}
