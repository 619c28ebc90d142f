/**
 * Termination payments of SEP 4(a)-(h): which part of the remaining fees each way of ending the
 * Consulting and Chairmanship Periods pays, inside which window, and the 3% discount of 4(c).
 */
import { Decimal, ZERO, formatMoney, formatNumber, formatPercent, toCents } from "../decimal";
import { Serial, serialToIso } from "../dates";
import { dateArg, notAfter } from "../inputs";
import { parseKeyword } from "../keywords";
import { Outcome, Trace, calculate, invalid, noAnswer } from "../outcome";
import { longDate, quoted } from "../prose";
import { termDecimal, termIso, termNumber } from "../terms";
import { annualFee, contractYears, feeEnd, remainderSteps, remainingYears } from "./fees";
import {
  DISCOUNT_METHODS,
  DiscountMethod,
  Part,
  Pays,
  SEP4,
  TERMINATION_TYPES,
  TerminationType,
  windowStart,
} from "./sep4";

export { DISCOUNT_METHODS, TERMINATION_TYPES };
export type { DiscountMethod, Part, TerminationType };

/** Reads a termination type as typed (any case, the clause id or the agreement's phrase). */
export function parseTerminationType(input: string): TerminationType {
  return parseKeyword(input, TERMINATION_TYPES, undefined, "SEP 4", "type");
}

/** The discount a blank method means, where the workbook sets none (TERMS.md, the literal reading). */
export const DEFAULT_DISCOUNT_METHOD: DiscountMethod = "simple";

export function parseDiscountMethod(input: string): DiscountMethod {
  return parseKeyword(input, DISCOUNT_METHODS, undefined, "SEP 4(c)(i)", "method");
}

/** What one way of terminating pays on one part, and the termination dates it permits. */
interface PartRule {
  clause: string;
  pays: Pays;
  /** First permitted termination date, inclusive. */
  from: Serial;
  fromReason: string;
  /** Last permitted termination date, inclusive. */
  until: Serial;
  untilReason: string;
  note?: string;
}

function partRule(type: TerminationType, part: Part): PartRule {
  const rule = SEP4[type];
  const start = windowStart(rule, part);
  const end = feeEnd();
  const before = rule.before?.[part];
  const period = part === "consulting" ? "Consulting" : "Chairmanship";
  return {
    clause: rule.clause[part],
    pays: rule.pays[part],
    from: start.from,
    fromReason: start.reason,
    until: before ? termNumber(before) - 1 : end,
    untilReason: before
      ? `a termination ${rule.label} may end the ${period} Period only before ${termIso(before)}`
      : `the periods end on ${serialToIso(end)}`,
    note: rule.note?.[part],
  };
}

let dailyFactor: Decimal | undefined;

/** r = (1 + rate)^(-1/365): one day's discount factor under the present-value reading (a fixed term, computed once). */
function dailyDiscountFactor(): Decimal {
  dailyFactor ??= termDecimal("sep.discount_rate")
    .plus(1)
    .pow(new Decimal(-1).dividedBy(termNumber("sep.pv_day_count")));
  return dailyFactor;
}

/**
 * Σ over remaining days d of fee_d × (1.03)^(-(d - T)/365), summed per contract year as a geometric
 * series so it costs a few operations, not one power per day.
 */
export function presentValueOfRemainder(termination: Serial, annual: Decimal): Decimal {
  const r = dailyDiscountFactor();
  const one = new Decimal(1);
  let total = ZERO;
  for (const cy of contractYears()) {
    const first = Math.max(termination + 1, cy.start);
    const days = cy.end - first + 1;
    if (days <= 0) continue;
    const perDay = annual.dividedBy(cy.days);
    const series = r
      .pow(first - termination)
      .times(one.minus(r.pow(days)))
      .dividedBy(one.minus(r));
    total = total.plus(perDay.times(series));
  }
  return total;
}

/** The simple (literal) discount: remainder × (1 − 3% × Y(T)). */
export function simpleDiscounted(remainder: Decimal, years: Decimal): Decimal {
  return remainder.times(new Decimal(1).minus(termDecimal("sep.discount_rate").times(years)));
}

function checkWindow(termination: Serial, rule: PartRule): void {
  if (termination < rule.from) {
    invalid(
      rule.clause,
      `a termination on ${serialToIso(termination)} is outside the window: ${rule.fromReason}, so the earliest date is ${serialToIso(rule.from)}.`
    );
  }
  if (termination > rule.until) {
    invalid(
      rule.clause,
      `a termination on ${serialToIso(termination)} is outside the window: ${rule.untilReason}, so the latest date is ${serialToIso(rule.until)}.`
    );
  }
}

export function lumpSum(
  part: Part,
  terminationDate: number,
  type: TerminationType,
  method: DiscountMethod = DEFAULT_DISCOUNT_METHOD
): Outcome<Decimal> {
  return calculate(() => {
    const termination = dateArg(terminationDate, "SEP 4", "termination_date");
    notAfter(termination, feeEnd(), "SEP 4", "The termination date");
    const rule = partRule(type, part);
    checkWindow(termination, rule);

    const trace = new Trace().step(
      "Termination date",
      () => serialToIso(termination),
      rule.clause,
      () =>
        `${type.replace(/_/g, " ")} termination of the ${part === "consulting" ? "Consulting" : "Chairmanship"} Period; permitted from ${serialToIso(rule.from)} to ${serialToIso(rule.until)}.`
    );
    if (rule.note) trace.step("Note", part, rule.clause, rule.note);
    return settle(part, termination, rule, method, trace);
  });
}

function settle(
  part: Part,
  termination: Serial,
  rule: PartRule,
  method: DiscountMethod,
  trace: Trace
) {
  switch (rule.pays) {
    case "nothing":
      return trace
        .step("Payment", () => formatMoney(ZERO), rule.clause, "No lump sum is due on this stream.")
        .done(toCents(ZERO));
    case "death":
      return settleDeath(part, termination, rule, trace);
    case "remainder": {
      const remainder = remainderSteps(termination, part, trace);
      return trace
        .step(
          "Lump sum",
          () => formatMoney(remainder),
          rule.clause,
          "The whole remainder, undiscounted."
        )
        .done(toCents(remainder));
    }
    case "disability share": {
      const remainder = remainderSteps(termination, part, trace);
      const share = termDecimal("sep.disability_share");
      const total = remainder.times(share);
      return trace
        .step(
          "Continuing payments",
          () => formatMoney(total),
          rule.clause,
          () => `${formatPercent(share)} of the Consulting Fees through ${termIso("sep.fee_end")}.`
        )
        .done(toCents(total));
    }
    case "discounted remainder":
      return settleDiscounted(part, termination, rule, method, trace);
  }
}

function settleDeath(part: Part, termination: Serial, rule: PartRule, trace: Trace) {
  const pivot = termNumber("sep.death_pivot_date");
  if (termination === pivot) {
    noAnswer(
      rule.clause,
      `4(g) covers death "prior to" and "subsequent to" ${longDate(pivot)}, but not on ${serialToIso(pivot)} itself: the agreement gives no answer for this date.`
    );
  }
  if (termination > pivot) {
    return trace
      .step(
        "Payment",
        () => formatMoney(ZERO),
        rule.clause,
        () =>
          `Death after ${serialToIso(pivot)}: only fees earned but unpaid before the termination date are due (inputs of your model).`
      )
      .done(toCents(ZERO));
  }
  const remainder = remainderSteps(termination, part, trace);
  return trace
    .step(
      "Lump sum",
      () => formatMoney(remainder),
      rule.clause,
      () =>
        `Death before ${serialToIso(pivot)}: the remainder of the fees through ${termIso("sep.fee_end")}, funded through the Key Man Policy.`
    )
    .done(toCents(remainder));
}

function settleDiscounted(
  part: Part,
  termination: Serial,
  rule: PartRule,
  method: DiscountMethod,
  trace: Trace
) {
  const remainder = remainderSteps(termination, part, trace);
  const years = remainingYears(termination);
  const rate = termDecimal("sep.discount_rate");
  const simple = simpleDiscounted(remainder, years);
  // The other reading is only an explanation figure: compute it when someone reads the explanation.
  const presentValue = () => presentValueOfRemainder(termination, annualFee(part));
  const simpleRule = `Simple (literal) reading: remainder × (1 − ${formatPercent(rate)} × ${formatNumber(years)}).`;
  const pvRule = `Present-value reading: each remaining day's fee discounted at ${formatPercent(rate)} a year, compounded annually, for the time from the termination date to that day.`;
  trace.interpret(
    `${quoted("SEP 4(c)(i)", "less a discount equal to three percent (3%) per year for each year (and at the same rate for any partial year) of such remaining payments")} is read ${method === "simple" ? "literally (simple discount)" : "as a present value"}; the other reading is shown beside it.`
  );
  trace.step(
    "Discount",
    () => `${formatPercent(rate.times(years))} of the remainder (simple)`,
    rule.clause,
    () => `${formatPercent(rate)} per year × ${formatNumber(years)} remaining years.`
  );
  if (method === "simple") {
    trace
      .step("Lump sum (simple)", () => formatMoney(simple), rule.clause, simpleRule)
      .alternative(
        "Present-value discount",
        () => formatMoney(presentValue()),
        rule.clause,
        pvRule
      );
    return trace.done(toCents(simple));
  }
  const value = presentValue();
  trace
    .step("Lump sum (present value)", () => formatMoney(value), rule.clause, pvRule)
    .alternative("Simple discount", () => formatMoney(simple), rule.clause, simpleRule);
  return trace.done(toCents(value));
}

export function consultingLump(
  terminationDate: number,
  type: TerminationType,
  method: DiscountMethod = DEFAULT_DISCOUNT_METHOD
): Outcome<Decimal> {
  return lumpSum("consulting", terminationDate, type, method);
}

export function chairmanLump(
  terminationDate: number,
  type: TerminationType,
  method: DiscountMethod = DEFAULT_DISCOUNT_METHOD
): Outcome<Decimal> {
  return lumpSum("chairman", terminationDate, type, method);
}
