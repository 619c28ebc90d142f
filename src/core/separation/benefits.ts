/** Duress shares (SEP 4(c)(i)(B)) and the split-dollar policy (SEP 3(c)(iii)). */
import {
  Decimal,
  formatDifference,
  formatMoney,
  formatNumber,
  formatPercent,
  toCents,
} from "../decimal";
import { Amount, nonNegative, toDecimal } from "../inputs";
import { parseKeyword } from "../keywords";
import { Exact } from "../exact";
import { Outcome, Trace, calculate, invalid } from "../outcome";
import { quoted } from "../prose";
import { termDecimal, termIso } from "../terms";

export function duressShares(
  amount: Amount,
  fairMarketValue: Amount,
  portionInput?: Amount
): Outcome<number> {
  return calculate(() => {
    const clause = "SEP 4(c)(i)";
    const lump = nonNegative(amount, clause, "the amount");
    const price = toDecimal(fairMarketValue, clause, "the fair market value");
    if (price.lessThanOrEqualTo(0))
      invalid(
        clause,
        `the fair market value must be a share price above 0 (got ${price.toString()}).`
      );
    const portion =
      portionInput === undefined ? new Decimal(1) : toDecimal(portionInput, clause, "the portion");
    if (portion.lessThanOrEqualTo(0) || portion.greaterThan(1))
      invalid(
        clause,
        `the portion ${portion.toString()} must be a fraction above 0 and at most 1 (e.g. 0.5 for half).`
      );
    const inShares = lump.times(portion);
    const shares = inShares.dividedToIntegerBy(price);
    if (shares.greaterThan(Number.MAX_SAFE_INTEGER))
      invalid(
        clause,
        `${shares.toExponential(3)} shares is more than a spreadsheet can count exactly; check the fair market value, the share price on the election date.`
      );
    const cashLeft = inShares.minus(shares.times(price));
    const balance = lump.minus(inShares);
    return new Trace()
      .step(
        "Consulting Lump Sum Payment",
        () => formatMoney(lump),
        clause,
        "The lump sum whose payment the Board delayed for financial duress."
      )
      .step(
        "Portion taken in shares",
        () => formatPercent(portion),
        clause,
        "Option (B): the entire value or a portion designated by the executive."
      )
      .step("Value to convert", () => formatMoney(inShares), clause, "Lump sum × portion.")
      .step(
        "Whole shares",
        () => shares.toString(),
        clause,
        () =>
          `Value ÷ fair market value on the election date (${formatMoney(price)}), rounded down to whole shares.`
      )
      .step(
        "Cash left over",
        () => formatMoney(cashLeft),
        clause,
        "The part of the value too small for one more share."
      )
      .step(
        "Balance paid bi-weekly",
        () => formatMoney(balance),
        clause,
        "A portion under 100% leaves the rest to bi-weekly payments under 3(a)."
      )
      .done(shares.toNumber());
  });
}

export function splitDollarCompanyInterest(
  cashValue: Amount,
  cashValue2003: Amount,
  insuredIncrease?: Amount
): Outcome<Exact> {
  return calculate(() => {
    const clause = "SEP 3(c)(iii)(A)";
    const now = nonNegative(cashValue, clause, "the cash value");
    const base = toDecimal(cashValue2003, clause, "the cash value 2003");
    const interest2003 = termDecimal("sep.split_dollar_company_interest_2003");
    if (base.lessThan(interest2003)) {
      invalid(
        "SEP 3(c)(iii)(B)",
        `the cash value of 2003, ${formatMoney(base)}, is less than the Company Interest of ${formatMoney(interest2003)} on that date; enter the policy's whole cash value on ${termIso("sep.split_dollar_valuation_date")}.`
      );
    }
    const ownIncrease =
      insuredIncrease === undefined
        ? new Decimal(0)
        : nonNegative(insuredIncrease, clause, "the insured increase");
    if (ownIncrease.greaterThan(now))
      invalid(
        clause,
        `the insured increase, ${formatMoney(ownIncrease)}, cannot exceed the cash value, ${formatMoney(now)}.`
      );
    const share = interest2003.dividedBy(base);
    const pooled = now.minus(ownIncrease);
    const interest = share.times(pooled);
    return new Trace()
      .step(
        "Company share of cash value",
        () => formatPercent(share.toSignificantDigits(8)),
        "SEP 3(c)(iii)(B)",
        () =>
          `${formatMoney(interest2003)} Company Interest ÷ ${formatMoney(base)} cash value on ${termIso("sep.split_dollar_valuation_date")}; the interests grow pro rata.`
      )
      .step(
        "Cash value shared pro rata",
        () => formatMoney(pooled),
        clause,
        "Cash value now less any increase New York Life shows came solely from the executive's own premium payments (apportioned to the Insured Interest)."
      )
      .step(
        "Company Interest",
        () => formatMoney(interest),
        clause,
        "Company share × cash value shared pro rata."
      )
      .done(Exact.of(toCents(interest)));
  });
}

export type BuyoutMethod = "compound" | "simple";
export const BUYOUT_METHODS: Record<BuyoutMethod, readonly string[]> = {
  compound: ["pv", "present_value"],
  simple: ["literal", "straight"],
};

/** The buy-out discount a blank method means (TERMS.md: compound). */
export const DEFAULT_BUYOUT_METHOD: BuyoutMethod = "compound";

export function parseBuyoutMethod(input: string): BuyoutMethod {
  return parseKeyword<BuyoutMethod>(input, BUYOUT_METHODS, undefined, "SEP 3(c)(iii)(B)", "method");
}

export function splitDollarBuyout(
  companyInterest: Amount,
  lifeExpectancyYears: Amount,
  method: BuyoutMethod = DEFAULT_BUYOUT_METHOD
): Outcome<Exact> {
  return calculate(() => {
    const clause = "SEP 3(c)(iii)(B)";
    const interest = nonNegative(companyInterest, clause, "the company interest");
    const years = nonNegative(lifeExpectancyYears, clause, "the life expectancy years");
    const rate = termDecimal("sep.split_dollar_discount_rate");
    const compound = interest.dividedBy(rate.plus(1).pow(years));
    const simpleFactor = new Decimal(1).minus(rate.times(years));
    const compoundRule = `Company Interest ÷ (1 + ${formatPercent(rate)})^${formatNumber(years)}.`;
    const simpleRule = `Company Interest × (1 − ${formatPercent(rate)} × ${formatNumber(years)}).`;
    const trace = new Trace()
      .interpret(
        `${quoted("SEP 3(c)(iii)(B)", "discounted by a rate of 3% over a period equal to the number of remaining years in your life expectancy")} is read as ${method === "compound" ? "compound discounting" : "a simple discount"}; the other reading is shown beside it.`
      )
      .step(
        "Company Interest",
        () => formatMoney(interest),
        clause,
        () =>
          `Company Interest as of ${termIso("sep.split_dollar_valuation_date")} plus its pro-rata cash build-up since.`
      )
      .step(
        "Remaining life expectancy",
        () => `${formatNumber(years)} years`,
        clause,
        "From trade publications for the life insurance industry, at the time of the buy-out."
      );
    if (method === "simple") {
      if (simpleFactor.isNegative())
        invalid(
          clause,
          `a simple discount over ${formatNumber(years)} years exceeds 100% (more than ${formatNumber(new Decimal(1).dividedBy(rate), 2)} years at ${formatPercent(rate)}); use method "compound" or a shorter life expectancy.`
        );
      const simple = interest.times(simpleFactor);
      return trace
        .step("Buy-out price (simple)", () => formatMoney(simple), clause, simpleRule)
        .alternative(
          "Compound discount",
          () => formatMoney(compound),
          clause,
          compoundRule,
          () => formatDifference(compound, simple)
        )
        .done(Exact.of(toCents(simple)));
    }
    trace.step("Buy-out price (compound)", () => formatMoney(compound), clause, compoundRule);
    if (!simpleFactor.isNegative())
      trace.alternative(
        "Simple discount",
        () => formatMoney(interest.times(simpleFactor)),
        clause,
        simpleRule,
        () => formatDifference(interest.times(simpleFactor), compound)
      );
    return trace.done(Exact.of(toCents(compound)));
  });
}
