/** The Borrowing Base of FA 1(b) and what it leaves to borrow on the $14,000,000 line (LMA I.A, SA 13(h)). */
import { Decimal, ZERO, formatMoney, formatPercent, toCents } from "../decimal";
import { serialToIso } from "../dates";
import { Amount, dateArg, nonNegative, toDecimal } from "../inputs";
import { Outcome, Trace, calculate, noAnswer } from "../outcome";
import { termClause, termDecimal, termMoney, termNumber } from "../terms";

export interface BaseParts {
  receivablesAdvance: Decimal;
  inventoryAdvance: Decimal;
  letterOfCreditDeduction: Decimal;
  base: Decimal;
}

/** The formula itself, unrounded: 80% × receivables + min(35% × inventory, cap) − letters of credit. */
export function borrowingBaseParts(
  receivables: Decimal,
  inventory: Decimal,
  lcOutstanding: Decimal,
  lcUnreimbursed: Decimal
): BaseParts {
  const receivablesAdvance = receivables.times(termDecimal("loan.receivables_rate"));
  const inventoryAdvance = Decimal.min(
    inventory.times(termDecimal("loan.inventory_rate")),
    termDecimal("loan.inventory_cap")
  );
  const letterOfCreditDeduction = lcOutstanding.plus(lcUnreimbursed);
  return {
    receivablesAdvance,
    inventoryAdvance,
    letterOfCreditDeduction,
    base: receivablesAdvance.plus(inventoryAdvance).minus(letterOfCreditDeduction),
  };
}

function inventorySteps(inventory: Decimal, advance: Decimal, trace: Trace): void {
  const rate = termDecimal("loan.inventory_rate");
  const cap = termDecimal("loan.inventory_cap");
  const uncapped = inventory.times(rate);
  trace.step(
    "Inventory advance",
    () => formatMoney(advance),
    termClause("loan.inventory_cap"),
    () =>
      `${formatPercent(rate)} of Eligible Inventory (${formatMoney(uncapped)}), not to exceed ${formatMoney(cap)}${uncapped.greaterThan(cap) ? ": the cap applies" : ""}.`
  );
}

function checkAmended(asOf: number | undefined): void {
  if (asOf === undefined) return;
  const date = dateArg(asOf, "FA 1(b)", "as_of");
  const amendment = termNumber("loan.amendment_date");
  if (date < amendment) {
    noAnswer(
      "FA 1(c)",
      `the Borrowing Base before ${serialToIso(amendment)} had a Fixed Asset component that FA 1(c) deletes but these documents do not state; use an as_of date on or after ${serialToIso(amendment)}.`
    );
  }
}

export function borrowingBase(
  receivablesIn: Amount,
  inventoryIn: Amount,
  lcOutstandingIn: Amount = 0,
  lcUnreimbursedIn: Amount = 0,
  asOf?: number
): Outcome<Decimal> {
  return calculate(() => {
    const clause = "FA 1(b)";
    checkAmended(asOf);
    const receivables = nonNegative(receivablesIn, clause, "eligible_receivables");
    const inventory = nonNegative(inventoryIn, clause, "eligible_inventory");
    const lcOutstanding = nonNegative(lcOutstandingIn, clause, "lc_outstanding");
    const lcUnreimbursed = nonNegative(lcUnreimbursedIn, clause, "lc_unreimbursed");
    const parts = borrowingBaseParts(receivables, inventory, lcOutstanding, lcUnreimbursed);
    const trace = new Trace().step(
      "Receivables advance",
      () => formatMoney(parts.receivablesAdvance),
      clause,
      () =>
        `${formatPercent(termDecimal("loan.receivables_rate"))} of Eligible Receivables (${formatMoney(receivables)}).`
    );
    inventorySteps(inventory, parts.inventoryAdvance, trace);
    trace
      .step(
        "Letters of credit",
        () => `−${formatMoney(parts.letterOfCreditDeduction)}`,
        clause,
        () =>
          `Face amount of letters of credit outstanding (${formatMoney(lcOutstanding)}) plus drawn amounts not reimbursed (${formatMoney(lcUnreimbursed)}).`
      )
      .step(
        "Borrowing Base",
        () => formatMoney(parts.base),
        clause,
        "Receivables advance + inventory advance − letters of credit; it may be negative."
      );
    return trace.done(toCents(parts.base));
  });
}

export function inventoryAdvance(inventoryIn: Amount): Outcome<Decimal> {
  return calculate(() => {
    const inventory = nonNegative(inventoryIn, "FA 1(b)", "eligible_inventory");
    const advance = borrowingBaseParts(ZERO, inventory, ZERO, ZERO).inventoryAdvance;
    const trace = new Trace();
    inventorySteps(inventory, advance, trace);
    return trace.done(toCents(advance));
  });
}

interface LineInputs {
  base: Decimal;
  loans: Decimal;
  commitment: Decimal;
  lcExposure: Decimal | undefined;
}

function lineInputs(
  baseIn: Amount,
  loansIn: Amount,
  commitmentIn: Amount | undefined,
  lcExposureIn: Amount | undefined
): LineInputs {
  return {
    base: toDecimal(baseIn, "FA 1(b)", "borrowing_base"),
    loans: nonNegative(loansIn, "LMA I.A", "loans_outstanding"),
    commitment:
      commitmentIn === undefined
        ? termDecimal("loan.commitment")
        : nonNegative(commitmentIn, "LMA I.A", "commitment"),
    lcExposure:
      lcExposureIn === undefined ? undefined : nonNegative(lcExposureIn, "LMA I.A", "lc_exposure"),
  };
}

/** The lesser of the line (less letter-of-credit exposure, on that reading) and the Borrowing Base. */
function lendingLimit(inputs: LineInputs, lcExposure: Decimal | undefined): Decimal {
  return Decimal.min(inputs.commitment.minus(lcExposure ?? ZERO), inputs.base);
}

const lcReadings = () =>
  `Letters of credit are already deducted inside the Borrowing Base (FA 1(b)) and are not deducted from it twice. Whether they also use up the ${termMoney("loan.commitment")} line is not said in these documents: with lc_exposure the line becomes commitment − lc_exposure; without it, the line is the full commitment.`;

function lineSteps(inputs: LineInputs, limit: Decimal, trace: Trace): void {
  trace.interpret(lcReadings);
  trace.step(
    "Revolving Credit",
    () => formatMoney(inputs.commitment),
    "LMA I.A",
    "The commitment of the line."
  );
  const { lcExposure } = inputs;
  if (lcExposure)
    trace.step(
      "Letter-of-credit exposure",
      () => `−${formatMoney(lcExposure)}`,
      "LMA I.A",
      "On the reading that letters of credit also use up the line."
    );
  trace
    .step("Borrowing Base", () => formatMoney(inputs.base), "FA 1(b)", "As computed under FA 1(b).")
    .step(
      "Lending limit",
      () => formatMoney(limit),
      "FA 1(b)",
      "The lesser of the line and the Borrowing Base."
    )
    .step(
      "Loans outstanding",
      () => formatMoney(inputs.loans),
      "LMA I.A",
      "Revolving loans drawn."
    );
}

function measure(
  baseIn: Amount,
  loansIn: Amount,
  commitmentIn: Amount | undefined,
  lcExposureIn: Amount | undefined,
  compute: (limit: Decimal, loans: Decimal) => Decimal,
  label: string,
  clause: string,
  rule: string
): Outcome<Decimal> {
  return calculate(() => {
    const inputs = lineInputs(baseIn, loansIn, commitmentIn, lcExposureIn);
    const limit = lendingLimit(inputs, inputs.lcExposure);
    const trace = new Trace();
    lineSteps(inputs, limit, trace);
    const result = compute(limit, inputs.loans);
    trace.step(label, () => formatMoney(result), clause, rule);
    if (inputs.lcExposure) {
      trace.alternative(
        () => `${label} if letters of credit do not use up the line`,
        () => formatMoney(compute(lendingLimit(inputs, undefined), inputs.loans)),
        "LMA I.A",
        "The full commitment as the line."
      );
    } else {
      trace.alternative(
        () => `${label} if letters of credit also use up the line`,
        "give lc_exposure",
        "LMA I.A",
        "Pass the letters of credit as lc_exposure to see this reading."
      );
    }
    return trace.done(toCents(result));
  });
}

export function availability(
  baseIn: Amount,
  loansIn: Amount,
  commitmentIn?: Amount,
  lcExposureIn?: Amount
): Outcome<Decimal> {
  return measure(
    baseIn,
    loansIn,
    commitmentIn,
    lcExposureIn,
    (limit, loans) => Decimal.max(ZERO, limit.minus(loans)),
    "Availability",
    "FA 1(b)",
    "max(0, lending limit − loans outstanding)."
  );
}

export function overadvance(
  baseIn: Amount,
  loansIn: Amount,
  commitmentIn?: Amount,
  lcExposureIn?: Amount
): Outcome<Decimal> {
  return measure(
    baseIn,
    loansIn,
    commitmentIn,
    lcExposureIn,
    (limit, loans) => Decimal.max(ZERO, loans.minus(limit)),
    "Over-advance",
    "SA 13(h)",
    `max(0, loans outstanding − lending limit); to be cured within ${termNumber("loan.overadvance_cure_days")} days of the Bank's notice.`
  );
}
