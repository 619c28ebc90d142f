/** Covenant tests and dates of the loan documents: FA 1(a), 1(g), 1(i), 1(j) and SA 21. */
import { businessDaysAfter, holidaySet } from "../businessDays";
import { Decimal, ZERO, formatMoney, formatNumber } from "../decimal";
import { Serial, daysInMonth, fromSerial, serialToIso } from "../dates";
import { Amount, dateArg, nonNegative, toDecimal } from "../inputs";
import { parseKeyword } from "../keywords";
import { Outcome, Trace, calculate, invalid } from "../outcome";
import { termClause, termDecimal, termIso, termNumber, termVersion } from "../terms";

export type TestResult = "PASS" | "FAIL" | "NOT TESTED";

export type NoticeMethod = "fax" | "courier";
export const NOTICE_METHODS: Record<NoticeMethod, readonly string[]> = {
  fax: ["21(a)", "facsimile"],
  courier: ["21(b)", "overnight", "overnight_courier"],
};

export function parseNoticeMethod(input: string): NoticeMethod {
  return parseKeyword(input, NOTICE_METHODS, undefined, "SA 21", "method");
}

function optionalDate(asOf: number | undefined, clause: string): Serial | undefined {
  return asOf === undefined ? undefined : dateArg(asOf, clause, "the as of");
}

function versionNote(asOf: Serial | undefined): string {
  if (asOf === undefined) return "Terms as amended (no as-of date given).";
  return asOf < termNumber("loan.amendment_date")
    ? `Terms before the First Amendment (as of ${serialToIso(asOf)}).`
    : `Terms as amended (as of ${serialToIso(asOf)}).`;
}

export function netIncomeTest(quarterEnd: number, netIncome: Amount): Outcome<TestResult> {
  return calculate(() => {
    const clause = "FA 1(i)";
    const date = dateArg(quarterEnd, clause, "the quarter end");
    const income = toDecimal(netIncome, clause, "the net income");
    const { year, month, day } = fromSerial(date);
    // Fiscal years end on December 31 (FA 1(h)-tnw), so fiscal quarters are calendar quarters.
    const fiscalYearEndMonth = fromSerial(termNumber("loan.net_income_test_from")).month;
    if (day !== daysInMonth(year, month) || (fiscalYearEndMonth - month) % 3 !== 0) {
      invalid(
        clause,
        `${serialToIso(date)} is not a fiscal quarter end; use March 31, June 30, September 30 or December 31.`
      );
    }
    const firstTested = termNumber("loan.net_income_test_from");
    const minimum = termDecimal("loan.min_quarterly_net_income");
    const trace = new Trace().step(
      "Quarter end",
      () => serialToIso(date),
      clause,
      () => `Tested from the fiscal quarter ending ${serialToIso(firstTested)}.`
    );
    if (date < firstTested)
      return trace
        .step(
          "Result",
          "NOT TESTED",
          clause,
          () =>
            `The covenant starts with the quarter ending ${termIso("loan.net_income_test_from")}.`
        )
        .done("NOT TESTED");
    const result: TestResult = income.greaterThanOrEqualTo(minimum) ? "PASS" : "FAIL";
    return trace
      .step(
        "Net income",
        () => formatMoney(income),
        clause,
        () =>
          `Net income (GAAP) may not be less than ${formatMoney(minimum)} for any fiscal quarter.`
      )
      .step("Result", result, clause, () =>
        result === "PASS"
          ? "At or above the minimum."
          : "Below the minimum: an Event of Default under the Loan Agreement."
      )
      .done(result);
  });
}

function leverageLimit(asOf: Serial | undefined): Decimal {
  return new Decimal(String(termVersion("loan.leverage_max", asOf).value));
}

export function leverageMax(asOf?: number): Outcome<number> {
  return calculate(() => {
    const date = optionalDate(asOf, "FA 1(j)");
    const limit = leverageLimit(date);
    return new Trace()
      .step(
        "Maximum Leverage Ratio",
        () => `${formatNumber(limit)} to 1.0`,
        "FA 1(j)",
        () =>
          `${versionNote(date)} The Bank acknowledges ${formatNumber(leverageLimit(undefined))} to 1.0 in lieu of ${formatNumber(leverageLimit(termNumber("loan.amendment_date") - 1))} to 1.0.`
      )
      .done(limit.toNumber());
  });
}

export function leverageTest(
  totalLiabilities: Amount,
  tangibleNetWorth: Amount,
  asOf?: number
): Outcome<TestResult> {
  return calculate(() => {
    const clause = "FA 1(j)";
    const liabilities = nonNegative(totalLiabilities, clause, "the total liabilities");
    const tnw = toDecimal(tangibleNetWorth, clause, "the tangible net worth");
    const date = optionalDate(asOf, clause);
    const limit = leverageLimit(date);
    const trace = new Trace()
      .interpret(
        "The Leverage Ratio is defined in the original Schedule A, not in these documents: it is taken as total liabilities ÷ tangible net worth."
      )
      .step(
        "Maximum",
        () => `${formatNumber(limit)} to 1.0`,
        clause,
        () => versionNote(date)
      );
    if (tnw.lessThanOrEqualTo(0)) {
      return trace
        .step(
          "Result",
          "FAIL",
          clause,
          () =>
            `Tangible net worth ${formatMoney(tnw)} is not positive, so no ratio can meet the limit.`
        )
        .done("FAIL");
    }
    const ratio = liabilities.dividedBy(tnw);
    const result: TestResult = ratio.lessThanOrEqualTo(limit) ? "PASS" : "FAIL";
    return trace
      .step(
        "Leverage Ratio",
        () => `${formatNumber(ratio, 4)} to 1.0`,
        clause,
        () =>
          `Total liabilities ${formatMoney(liabilities)} ÷ tangible net worth ${formatMoney(tnw)}.`
      )
      .step("Result", result, clause, () =>
        result === "PASS" ? "At or below the maximum." : "Above the maximum."
      )
      .done(result);
  });
}

export function crossDefault(
  amounts: readonly Amount[],
  disputed?: readonly (boolean | null)[]
): Outcome<boolean> {
  return calculate(() => {
    const clause = "FA 1(g)";
    if (disputed && disputed.length !== amounts.length) {
      invalid(
        clause,
        `the disputed flags have ${disputed.length} cells but the amounts ${amounts.length}; give one TRUE/FALSE per amount.`
      );
    }
    let counted = ZERO;
    let excluded = ZERO;
    amounts.forEach((amount, i) => {
      const value = nonNegative(amount, clause, "the amounts");
      if (disputed?.[i]) excluded = excluded.plus(value);
      else counted = counted.plus(value);
    });
    const threshold = termDecimal("loan.cross_default_threshold");
    const result = counted.greaterThan(threshold);
    return new Trace()
      .step(
        "Unpaid other indebtedness",
        () => formatMoney(counted),
        clause,
        "Individually or in the aggregate; the aggregate is what can exceed the limit first."
      )
      .step(
        "Disputed in good faith",
        () => formatMoney(excluded),
        clause,
        "Left out: disputed in good faith with reserves the Bank deems reasonably adequate."
      )
      .step(
        "Cross default",
        () => (result ? "TRUE" : "FALSE"),
        clause,
        () =>
          `Event of Default when the unpaid amount exceeds ${formatMoney(threshold)}. Acceleration of other debt, or any default under its documents, is also an Event of Default: facts, not figures.`
      )
      .done(result);
  });
}

export function facilityTerminationDate(asOf?: number): Outcome<number> {
  return calculate(() => {
    const date = optionalDate(asOf, "FA 1(a)");
    const termination = termNumber("loan.termination_date", date);
    return new Trace()
      .step(
        "Termination Date",
        () => serialToIso(termination),
        termClause("loan.termination_date"),
        () =>
          `${versionNote(date)} Extended from ${termIso("loan.termination_date", termNumber("loan.amendment_date") - 1)} to ${termIso("loan.termination_date")} (also ALLONGE 1).`
      )
      .done(termination);
  });
}

export function noticeEffective(
  sentDate: number,
  method: NoticeMethod,
  holidays?: readonly number[]
): Outcome<number> {
  return calculate(() => {
    const clause = method === "fax" ? "SA 21(a)" : "SA 21(b)";
    const sent = dateArg(sentDate, clause, "the sent date");
    const trace = new Trace();
    if (method === "fax") {
      return trace
        .step(
          "Effective",
          () => serialToIso(sent),
          clause,
          "By facsimile: effective upon receipt of confirmation of good transmission, taken as the day sent (a copy goes by courier)."
        )
        .done(sent);
    }
    return trace.done(
      businessDaysAfter(
        sent,
        termNumber("loan.courier_business_days"),
        holidaySet(holidays, clause),
        clause,
        trace,
        "Effective"
      )
    );
  });
}
