/**
 * Termination payments of SEP 4(a)-(h): which part of the remaining fees each way of ending the
 * Consulting and Chairmanship Periods pays, inside which window, and the 3% discount of 4(c).
 */
import {
  Decimal,
  ZERO,
  formatDifference,
  formatMoney,
  formatNumber,
  formatPercent,
} from "../decimal";
import { Serial, serialToIso } from "../dates";
import { dateArg, notAfter } from "../inputs";
import { parseKeyword } from "../keywords";
import { Outcome, Trace, calculate, explained, invalid, noAnswer } from "../outcome";
import { longDate, quoted } from "../prose";
import { Exact } from "../exact";
import { termDecimal, termExact, termIso, termNumber } from "../terms";
import {
  annualFee,
  contractYears,
  feeEnd,
  remainder,
  remainderSteps,
  remainingYears,
} from "./fees";
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
 * r^days by whole days, each computed once: a 40-digit power is the dearest step of the reading,
 * and an audit of a large book asks for the same few hundred again and again. The periods span
 * some 1,500 days, so the table holds every power they need and stops growing at MAX_POWERS.
 */
const MAX_POWERS = 4096;
const discountPowers = new Map<number, Decimal>();
function discountPower(days: number): Decimal {
  let power = discountPowers.get(days);
  if (!power) {
    power = dailyDiscountFactor().pow(days);
    if (discountPowers.size < MAX_POWERS) discountPowers.set(days, power);
  }
  return power;
}

/**
 * Σ over remaining days d of fee_d × (1.03)^(-(d - T)/365), summed per contract year as a geometric
 * series so it costs a few operations, not one power per day.
 */
export function presentValueOfRemainder(termination: Serial, annual: Decimal): Decimal {
  const one = new Decimal(1);
  let total = ZERO;
  for (const cy of contractYears()) {
    const first = Math.max(termination + 1, cy.start);
    const days = cy.end - first + 1;
    if (days <= 0) continue;
    const series = discountPower(first - termination).times(one.minus(discountPower(days)));
    total = total.plus(series.times(perDayOverSeries(cy.days)));
  }
  return annual.times(total);
}

/**
 * 1 / (days in the contract year × (1 − r)): the fee's share of one day, over the series'
 * denominator. Two divisions per contract year were most of an audit's explanation time; the
 * contract years have only two lengths, so each is divided once.
 */
const perDayFactors = new Map<number, Decimal>();
function perDayOverSeries(yearDays: number): Decimal {
  let factor = perDayFactors.get(yearDays);
  if (!factor) {
    factor = new Decimal(1).dividedBy(new Decimal(1).minus(dailyDiscountFactor()).times(yearDays));
    perDayFactors.set(yearDays, factor);
  }
  return factor;
}

/** Read on every voluntary termination: kept once read. */
let discountRate: Exact | undefined;

/**
 * The simple (literal) discount: annual fee × Y(T) × (1 − 3% × Y(T)), multiplied out as
 * annual fee × (Y − 3% × Y²) so the fractions stay within safe integers (the same number, exactly).
 */
export function simpleDiscounted(annual: Exact, years: Exact): Exact {
  discountRate ??= termExact("sep.discount_rate");
  return annual.times(years.minus(discountRate.times(years).times(years)));
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

/** The rules of SEP 4 for one type and part never change: read from the table once. */
const partRules: Partial<Record<TerminationType, Partial<Record<Part, PartRule>>>> = {};
function ruleFor(type: TerminationType, part: Part): PartRule {
  const rules = (partRules[type] ??= {});
  return (rules[part] ??= partRule(type, part));
}

/** What the termination pays on this part, unrounded, by what the SEP 4 table says it pays. */
function amountOwed(
  part: Part,
  termination: Serial,
  rule: PartRule,
  method: DiscountMethod
): Exact {
  switch (rule.pays) {
    case "nothing":
      return Exact.ZERO;
    case "remainder":
      return remainder(termination, part);
    case "disability share":
      return remainder(termination, part).times(termExact("sep.disability_share"));
    case "death": {
      const pivot = termNumber("sep.death_pivot_date");
      if (termination === pivot) {
        noAnswer(
          rule.clause,
          `4(g) covers death "prior to" and "subsequent to" ${longDate(pivot)}, but not on ${serialToIso(pivot)} itself: the agreement gives no answer for this date.`
        );
      }
      return termination > pivot ? Exact.ZERO : remainder(termination, part);
    }
    case "discounted remainder": {
      if (method !== "simple") return presentValue(termination, part);
      return simpleDiscounted(annualFee(part), remainingYears(termination));
    }
  }
}

/** The present-value reading: powers of the daily factor, in decimal.js. */
function presentValue(termination: Serial, part: Part): Exact {
  return Exact.of(presentValueOfRemainder(termination, annualFee(part).toDecimal()));
}

export function lumpSum(
  part: Part,
  terminationDate: number,
  type: TerminationType,
  method: DiscountMethod = DEFAULT_DISCOUNT_METHOD
): Outcome<Exact> {
  return calculate(() => {
    const termination = dateArg(terminationDate, "SEP 4", "the termination date");
    notAfter(termination, feeEnd(), "SEP 4", "The termination date");
    const rule = ruleFor(type, part);
    checkWindow(termination, rule);
    const owed = amountOwed(part, termination, rule, method);
    return explained(owed.toCents(), (trace) => {
      trace.step(
        "Termination date",
        serialToIso(termination),
        rule.clause,
        `${type.replace(/_/g, " ")} termination of the ${part === "consulting" ? "Consulting" : "Chairmanship"} Period; permitted from ${serialToIso(rule.from)} to ${serialToIso(rule.until)}.`
      );
      if (rule.note) trace.step("Note", part, rule.clause, rule.note);
      settlementSteps(part, termination, rule, method, owed, trace);
    });
  });
}

/** How the amount owed was reached, step by step: read only when someone reads the explanation. */
function settlementSteps(
  part: Part,
  termination: Serial,
  rule: PartRule,
  method: DiscountMethod,
  owed: Exact,
  trace: Trace
): void {
  switch (rule.pays) {
    case "nothing":
      trace.step("Payment", formatMoney(owed), rule.clause, "No lump sum is due on this stream.");
      return;
    case "remainder":
      remainderSteps(termination, part, trace);
      trace.step("Lump sum", formatMoney(owed), rule.clause, "The whole remainder, undiscounted.");
      return;
    case "disability share":
      remainderSteps(termination, part, trace);
      trace.step(
        "Continuing payments",
        formatMoney(owed),
        rule.clause,
        `${formatPercent(termExact("sep.disability_share"))} of the Consulting Fees through ${termIso("sep.fee_end")}.`
      );
      return;
    case "death": {
      const pivot = termNumber("sep.death_pivot_date");
      if (termination > pivot) {
        trace.step(
          "Payment",
          formatMoney(owed),
          rule.clause,
          `Death after ${serialToIso(pivot)}: only fees earned but unpaid before the termination date are due (inputs of your model).`
        );
        return;
      }
      remainderSteps(termination, part, trace);
      trace.step(
        "Lump sum",
        formatMoney(owed),
        rule.clause,
        `Death before ${serialToIso(pivot)}: the remainder of the fees through ${termIso("sep.fee_end")}, funded through the Key Man Policy.`
      );
      return;
    }
    case "discounted remainder":
      discountSteps(part, termination, rule, method, trace);
  }
}

function discountSteps(
  part: Part,
  termination: Serial,
  rule: PartRule,
  method: DiscountMethod,
  trace: Trace
): void {
  remainderSteps(termination, part, trace);
  const years = remainingYears(termination);
  const rate = termExact("sep.discount_rate");
  const whole = remainder(termination, part);
  const simple = simpleDiscounted(annualFee(part), years);
  // Each figure is written once: an audit explains every lump-sum cell of a book.
  const rateText = formatPercent(rate);
  const yearsText = formatNumber(years);
  const shareText = formatPercent(rate.times(years));
  let presentValueOnce: Exact | undefined;
  const pv = () => (presentValueOnce ??= presentValue(termination, part));
  const simpleRule = `Simple (literal) reading: the remainder less ${rateText} × ${yearsText} remaining years = ${shareText} of it.`;
  const pvRule = `Present-value reading: each remaining day's fee discounted at ${rateText} a year, compounded annually, for the time from the termination date to that day.`;
  trace.interpret(
    `${quoted("SEP 4(c)(i)", "less a discount equal to three percent (3%) per year for each year (and at the same rate for any partial year) of such remaining payments")} is read ${method === "simple" ? "literally (simple discount)" : "as a present value"}; the other reading is shown beside it.`
  );
  const used = method === "simple" ? simple : pv();
  trace.step(
    method === "simple" ? "Discount (simple)" : "Discount (present value)",
    () => `−${formatMoney(whole.minus(used))}`,
    rule.clause,
    method === "simple"
      ? `${rateText} per year × ${yearsText} remaining years = ${shareText} of the remainder of ${formatMoney(whole)}.`
      : `The remainder of ${formatMoney(whole)} less its present value at ${rateText} a year.`
  );
  if (method === "simple") {
    trace.step("Lump sum (simple)", formatMoney(simple), rule.clause, simpleRule).alternative(
      "Present-value discount",
      () => formatMoney(pv()),
      rule.clause,
      pvRule,
      () => formatDifference(pv(), simple)
    );
    return;
  }
  trace
    .step("Lump sum (present value)", formatMoney(used), rule.clause, pvRule)
    .alternative("Simple discount", formatMoney(simple), rule.clause, simpleRule, () =>
      formatDifference(simple, used)
    );
}

export function consultingLump(
  terminationDate: number,
  type: TerminationType,
  method: DiscountMethod = DEFAULT_DISCOUNT_METHOD
): Outcome<Exact> {
  return lumpSum("consulting", terminationDate, type, method);
}

export function chairmanLump(
  terminationDate: number,
  type: TerminationType,
  method: DiscountMethod = DEFAULT_DISCOUNT_METHOD
): Outcome<Exact> {
  return lumpSum("chairman", terminationDate, type, method);
}
