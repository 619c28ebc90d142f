/**
 * Fee accrual under SEP 3(a)-(b): each day of a contract year earns annual fee ÷ days in that
 * contract year, so a whole contract year earns exactly the annual fee.
 */
import { Decimal, ZERO, formatMoney, formatNumber } from "../decimal";
import { Serial, edate, serialToIso } from "../dates";
import { dateArg, notAfter } from "../inputs";
import { parseKeyword } from "../keywords";
import { Exact, gcd } from "../exact";
import { Outcome, Trace, calculate, explained, invalid } from "../outcome";
import { quoted } from "../prose";
import { termClause, termDecimal, termExact, termIso, termNumber } from "../terms";

export type Stream = "consulting" | "chairman" | "both";

export const STREAMS: Record<Stream, readonly string[]> = {
  consulting: ["consulting_fee", "consulting_period"],
  chairman: ["chairman_fee", "chairmanship", "chairmanship_period"],
  both: ["all", "total"],
};

/** The fee a blank stream means (TERMS.md, REMAINING_FEES). */
export const DEFAULT_STREAM: Stream = "consulting";

/** Reads a stream keyword as typed (any case, a synonym). */
export function parseStream(input: string, clause = "SEP 3(a)"): Stream {
  return parseKeyword(input, STREAMS, undefined, clause, "stream");
}

/** The annual fees are read on every call: kept once read (the terms never change while running). */
const annualFees: Partial<Record<Stream, Exact>> = {};

export function annualFee(stream: Stream): Exact {
  return (annualFees[stream] ??=
    stream === "both"
      ? termExact("consulting.annual_fee").plus(termExact("chairman.annual_fee"))
      : termExact(stream === "consulting" ? "consulting.annual_fee" : "chairman.annual_fee"));
}

export function describeAnnualFee(stream: Stream): string {
  if (stream === "both")
    return `${formatMoney(termDecimal("consulting.annual_fee"))} consulting + ${formatMoney(termDecimal("chairman.annual_fee"))} chairman`;
  return `${formatMoney(annualFee(stream))} a year`;
}

export interface ContractYear {
  index: number;
  start: Serial;
  end: Serial;
  days: number;
}

let contractYearsCache: ContractYear[] | undefined;

/** CY1 = 2003-07-01..2004-06-30 (366 days), CY2..CY4 365 days each, derived from the terms. */
export function contractYears(): readonly ContractYear[] {
  if (!contractYearsCache) {
    const first = termNumber("sep.fee_start");
    const last = termNumber("sep.fee_end");
    const months = termNumber("sep.contract_year_months");
    const years: ContractYear[] = [];
    for (let start = first; start <= last; start = edate(start, months)) {
      const end = Math.min(edate(start, months) - 1, last);
      years.push({ index: years.length + 1, start, end, days: end - start + 1 });
    }
    contractYearsCache = years;
  }
  return contractYearsCache;
}

let start: Serial | undefined;
let end: Serial | undefined;

export function feeStart(): Serial {
  return (start ??= termNumber("sep.fee_start"));
}

export function feeEnd(): Serial {
  return (end ??= termNumber("sep.fee_end"));
}

let commonDays: number | undefined;

/** The least common multiple of the contract years' lengths (366 × 365): fee-years are whole multiples of its inverse. */
function commonDenominator(): number {
  if (commonDays === undefined) {
    commonDays = contractYears().reduce((l, cy) => (l / gcd(l, cy.days)) * cy.days, 1);
  }
  return commonDays;
}

/** Fee-years accrued on the days from..to inclusive: Σ over those days of 1 / days in their contract year. */
export function feeYears(from: Serial, to: Serial): Exact {
  const common = commonDenominator();
  let units = 0;
  for (const cy of contractYears()) {
    const days = Math.min(to, cy.end) - Math.max(from, cy.start) + 1;
    if (days > 0) units += days * (common / cy.days);
  }
  return Exact.fraction(units, common);
}

/** Y(T): fee-years left after the end of day T through the end of the periods. */
export function remainingYears(termination: Serial): Exact {
  return feeYears(termination + 1, feeEnd());
}

/** "91 of the 365 days of contract year 2 (2004-07-01 to 2005-06-30), contract year 3 whole, …": how the remaining fee-years were counted. */
export function describeRemainingDays(termination: Serial): string {
  const parts: string[] = [];
  for (const cy of contractYears()) {
    const days = cy.end - Math.max(termination + 1, cy.start) + 1;
    const name = `contract year ${cy.index} (${serialToIso(cy.start)} to ${serialToIso(cy.end)})`;
    if (days >= cy.days) parts.push(`${name} whole`);
    else if (days > 0) parts.push(`${days} of the ${cy.days} days of ${name}`);
  }
  return parts.length ? parts.join(", ") : "no days left";
}

/** The undiscounted remainder after day T, unrounded: annual fee × Y(T). */
export function remainder(termination: Serial, stream: Stream): Exact {
  return annualFee(stream).times(remainingYears(termination));
}

/** The steps of the remainder, for an explanation. */
export function remainderSteps(termination: Serial, stream: Stream, trace: Trace): void {
  const years = remainingYears(termination);
  const amount = remainder(termination, stream);
  trace
    .step(
      "Annual fee",
      () => describeAnnualFee(stream),
      termClause(stream === "chairman" ? "chairman.annual_fee" : "consulting.annual_fee"),
      "Fee at the rate of the annual amount, payable bi-weekly."
    )
    .step(
      "Remaining fee-years",
      () => `${formatNumber(years)} years`,
      "SEP 3(b)",
      () =>
        `Each day after ${serialToIso(termination)} through ${serialToIso(feeEnd())} counts as its day's share of its contract year: ${describeRemainingDays(termination)}.`
    )
    .step(
      "Remainder of the fees",
      () => formatMoney(amount),
      "SEP 3(a)",
      () =>
        `${formatMoney(annualFee(stream))} a year × ${formatNumber(years)} remaining fee-years = ${formatMoney(amount)}: the fees that would have been due had the period continued through ${termIso("sep.fee_end")}.`
    );
}

const accrualNote = () =>
  `Fees accrue from ${termIso("sep.fee_start")}: salary runs through the Separation Date (${termIso("sep.separation_date")}) and the Chairman Fee is stated ${quoted("SEP 3(a)", "from July 1, 2003")}; each day earns annual fee ÷ days in its contract year.`;

export function remainingFees(date: number, stream: Stream = DEFAULT_STREAM): Outcome<Exact> {
  return calculate(() => {
    const termination = dateArg(date, "SEP 3(a)", "the date");
    notAfter(termination, feeEnd(), "SEP 3", "The date");
    return explained(remainder(termination, stream).toCents(), (trace) =>
      remainderSteps(termination, stream, trace.interpret(accrualNote))
    );
  });
}

export function feesEarned(
  fromDate: number,
  toDate: number,
  stream: Stream = DEFAULT_STREAM
): Outcome<Exact> {
  return calculate(() => {
    const from = dateArg(fromDate, "SEP 3(a)", "the from date");
    const to = dateArg(toDate, "SEP 3(a)", "the to date");
    if (to < from)
      invalid(
        "SEP 3(a)",
        `the last day ${serialToIso(to)} is before the first day ${serialToIso(from)}; swap them.`
      );
    const years = feeYears(from, to);
    const earned = annualFee(stream).times(years);
    return explained(earned.toCents(), (trace) =>
      trace
        .interpret(accrualNote)
        .step(
          "Annual fee",
          () => describeAnnualFee(stream),
          "SEP 3(a)",
          "Fee at the rate of the annual amount."
        )
        .step(
          "Fee-years in the range",
          () => `${formatNumber(years)} years`,
          "SEP 3(b)",
          () =>
            `Days ${serialToIso(from)}..${serialToIso(to)} inside ${serialToIso(feeStart())}..${serialToIso(feeEnd())}, each 1/days of its contract year.`
        )
        .step(
          "Fees earned",
          () => formatMoney(earned),
          "SEP 3(a)",
          "Annual fee × fee-years, rounded once to cents."
        )
    );
  });
}

export function contractYear(date: number): Outcome<number> {
  return calculate(() => {
    const day = dateArg(date, "SEP 3(b)", "the date");
    const year = contractYears().find((cy) => cy.start <= day && day <= cy.end);
    if (!year) {
      invalid(
        "SEP 3(b)",
        `${serialToIso(day)} is outside the contract years ${serialToIso(feeStart())} to ${serialToIso(feeEnd())}.`
      );
    }
    return new Trace()
      .step(
        "Contract year",
        () => `CY${year.index}: ${serialToIso(year.start)} to ${serialToIso(year.end)}`,
        "SEP 3(b)",
        "Contract years run July 1 through June 30."
      )
      .done(year.index);
  });
}

export interface ScheduleRow {
  payDate: Serial;
  amount: Decimal;
}

/** Bi-weekly pay dates: 14-day periods from 2003-07-01, paid on their last day, the last cut at 2007-06-30. */
export function payDates(): Serial[] {
  const period = termNumber("sep.pay_period_days");
  const dates: Serial[] = [];
  for (let start = feeStart(); start <= feeEnd(); start += period)
    dates.push(Math.min(start + period - 1, feeEnd()));
  return dates;
}

export function scheduleRows(stream: Stream): ScheduleRow[] {
  const annual = annualFee(stream);
  let paid = ZERO;
  return payDates().map((payDate) => {
    // Cumulative accrual rounded to cents, so the rows add up exactly to the rounded total.
    const cumulative = annual.times(feeYears(feeStart(), payDate)).toCents().toDecimal();
    const row = { payDate, amount: cumulative.minus(paid) };
    paid = cumulative;
    return row;
  });
}

export function feeSchedule(
  stream: Stream = DEFAULT_STREAM,
  fromDate?: number,
  toDate?: number
): Outcome<[number, number][]> {
  return calculate(() => {
    const from =
      fromDate === undefined ? -Infinity : dateArg(fromDate, "SEP 3(a)", "the from date");
    const to = toDate === undefined ? Infinity : dateArg(toDate, "SEP 3(a)", "the to date");
    if (to < from) invalid("SEP 3(a)", "the last date is before the first; swap them.");
    const all = scheduleRows(stream);
    const rows = all.filter((row) => row.payDate >= from && row.payDate <= to);
    if (rows.length === 0)
      invalid(
        "SEP 3(a)",
        `no bi-weekly pay date falls in that range; pay dates run ${serialToIso(all[0].payDate)} to ${serialToIso(feeEnd())}.`
      );
    const total = rows.reduce((sum, row) => sum.plus(row.amount), ZERO);
    const trace = new Trace()
      .interpret(accrualNote)
      .step(
        "Pay periods",
        () => `${all.length} periods of ${termNumber("sep.pay_period_days")} days`,
        "SEP 3(a)",
        () =>
          `Bi-weekly from ${termIso("sep.fee_start")}, each paid on its last day; the last period is cut at ${termIso("sep.fee_end")}.`
      )
      .step(
        "Rows shown",
        () =>
          `${rows.length} (${serialToIso(rows[0].payDate)} to ${serialToIso(rows[rows.length - 1].payDate)})`,
        "SEP 3(a)",
        "Rows whose pay date falls between the first and the last date asked for, inclusive."
      )
      .step(
        "Row amounts",
        "cumulative accrual to the pay date, rounded to cents, less what earlier rows paid",
        "SEP 3(b)",
        "So the rows sum exactly to the rounded total."
      )
      .step("Total of the rows", () => formatMoney(total), "SEP 3(a)", "Sum of the amounts shown.");
    return trace.done(rows.map((row) => [row.payDate, row.amount.toNumber()]));
  });
}
