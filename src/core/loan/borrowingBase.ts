/** The Borrowing Base of FA 1(b) and what it leaves to borrow on the $14,000,000 line (LMA I.A, SA 13(h)). */
import { formatDifference, formatMoney, formatPercent } from "../decimal";
import { serialToIso } from "../dates";
import { Exact } from "../exact";
import { Amount, dateArg, nonNegativeExact, toExact } from "../inputs";
import { Outcome, Trace, calculate, explained, noAnswer } from "../outcome";
import { termClause, termExact, termMoney, termNumber } from "../terms";

export interface BaseParts {
  receivablesAdvance: Exact;
  inventoryAdvance: Exact;
  letterOfCreditDeduction: Exact;
  base: Exact;
}

/** The figures of FA 1(b), read once: every call needs them. */
let figures:
  { receivablesRate: Exact; inventoryRate: Exact; cap: Exact; commitment: Exact } | undefined;
function terms() {
  figures ??= {
    receivablesRate: termExact("loan.receivables_rate"),
    inventoryRate: termExact("loan.inventory_rate"),
    cap: termExact("loan.inventory_cap"),
    commitment: termExact("loan.commitment"),
  };
  return figures;
}

/** The formula itself, unrounded: 80% × receivables + min(35% × inventory, cap) − letters of credit. */
export function borrowingBaseParts(
  receivables: Exact,
  inventory: Exact,
  lcOutstanding: Exact,
  lcUnreimbursed: Exact
): BaseParts {
  const { receivablesRate, inventoryRate, cap } = terms();
  const receivablesAdvance = receivables.times(receivablesRate);
  const inventoryAdvance = Exact.min(inventory.times(inventoryRate), cap);
  const letterOfCreditDeduction = lcOutstanding.plus(lcUnreimbursed);
  return {
    receivablesAdvance,
    inventoryAdvance,
    letterOfCreditDeduction,
    base: receivablesAdvance.plus(inventoryAdvance).minus(letterOfCreditDeduction),
  };
}

function inventorySteps(inventory: Exact, advance: Exact, trace: Trace): void {
  const { inventoryRate, cap } = terms();
  const uncapped = inventory.times(inventoryRate);
  trace.step(
    "Inventory advance",
    formatMoney(advance),
    termClause("loan.inventory_cap"),
    `${formatPercent(inventoryRate)} of ${formatMoney(inventory)} of Eligible Inventory = ${formatMoney(uncapped)}, not to exceed ${formatMoney(cap)}${uncapped.greaterThan(cap) ? ": the cap applies" : ""}.`
  );
}

function checkAmended(asOf: number | undefined): void {
  if (asOf === undefined) return;
  const date = dateArg(asOf, "FA 1(b)", "the as of");
  const amendment = termNumber("loan.amendment_date");
  if (date < amendment) {
    noAnswer(
      "FA 1(c)",
      `the Borrowing Base before ${serialToIso(amendment)} had a Fixed Asset component that FA 1(c) deletes but these documents do not state; use an as-of date on or after ${serialToIso(amendment)}.`
    );
  }
}

export function borrowingBase(
  receivablesIn: Amount,
  inventoryIn: Amount,
  lcOutstandingIn: Amount = 0,
  lcUnreimbursedIn: Amount = 0,
  asOf?: number
): Outcome<Exact> {
  return calculate(() => {
    const clause = "FA 1(b)";
    checkAmended(asOf);
    const receivables = nonNegativeExact(receivablesIn, clause, "the eligible receivables");
    const inventory = nonNegativeExact(inventoryIn, clause, "the eligible inventory");
    const lcOutstanding = nonNegativeExact(
      lcOutstandingIn,
      clause,
      "the letters of credit outstanding"
    );
    const lcUnreimbursed = nonNegativeExact(
      lcUnreimbursedIn,
      clause,
      "the letters of credit unreimbursed"
    );
    const parts = borrowingBaseParts(receivables, inventory, lcOutstanding, lcUnreimbursed);
    return explained(parts.base.toCents(), (trace) => {
      trace.step(
        "Receivables advance",
        formatMoney(parts.receivablesAdvance),
        clause,
        `${formatPercent(terms().receivablesRate)} of ${formatMoney(receivables)} of Eligible Receivables = ${formatMoney(parts.receivablesAdvance)}.`
      );
      inventorySteps(inventory, parts.inventoryAdvance, trace);
      trace
        .step(
          "Letters of credit",
          `−${formatMoney(parts.letterOfCreditDeduction)}`,
          clause,
          `Face amount of letters of credit outstanding (${formatMoney(lcOutstanding)}) plus drawn amounts not reimbursed (${formatMoney(lcUnreimbursed)}).`
        )
        .step(
          "Borrowing Base",
          formatMoney(parts.base),
          clause,
          "Receivables advance + inventory advance − letters of credit; it may be negative."
        );
    });
  });
}

export function inventoryAdvance(inventoryIn: Amount): Outcome<Exact> {
  return calculate(() => {
    const inventory = nonNegativeExact(inventoryIn, "FA 1(b)", "the eligible inventory");
    const advance = borrowingBaseParts(
      Exact.ZERO,
      inventory,
      Exact.ZERO,
      Exact.ZERO
    ).inventoryAdvance;
    return explained(advance.toCents(), (trace) => inventorySteps(inventory, advance, trace));
  });
}

interface LineInputs {
  base: Exact;
  loans: Exact;
  commitment: Exact;
  lcExposure: Exact | undefined;
}

function lineInputs(
  baseIn: Amount,
  loansIn: Amount,
  commitmentIn: Amount | undefined,
  lcExposureIn: Amount | undefined
): LineInputs {
  return {
    base: toExact(baseIn, "FA 1(b)", "the borrowing base"),
    loans: nonNegativeExact(loansIn, "LMA I.A", "the loans outstanding"),
    commitment:
      commitmentIn === undefined
        ? terms().commitment
        : nonNegativeExact(commitmentIn, "LMA I.A", "the commitment"),
    lcExposure:
      lcExposureIn === undefined
        ? undefined
        : nonNegativeExact(lcExposureIn, "LMA I.A", "the letters of credit exposure"),
  };
}

/** The lesser of the line (less letter-of-credit exposure, on that reading) and the Borrowing Base. */
function lendingLimit(inputs: LineInputs, lcExposure: Exact | undefined): Exact {
  return Exact.min(inputs.commitment.minus(lcExposure ?? Exact.ZERO), inputs.base);
}

const lcReadings = () =>
  `Letters of credit are already deducted inside the Borrowing Base (FA 1(b)) and are not deducted from it twice. Whether they also use up the ${termMoney("loan.commitment")} line is not said in these documents: given their exposure, the line becomes the commitment less that exposure; without it, the line is the full commitment.`;

function lineSteps(inputs: LineInputs, limit: Exact, trace: Trace): void {
  trace.interpret(lcReadings);
  trace.step(
    "Revolving Credit",
    formatMoney(inputs.commitment),
    "LMA I.A",
    "The commitment of the line."
  );
  const { lcExposure } = inputs;
  if (lcExposure)
    trace.step(
      "Letter-of-credit exposure",
      `−${formatMoney(lcExposure)}`,
      "LMA I.A",
      "On the reading that letters of credit also use up the line."
    );
  trace
    .step("Borrowing Base", formatMoney(inputs.base), "FA 1(b)", "As computed under FA 1(b).")
    .step(
      "Lending limit",
      formatMoney(limit),
      "FA 1(b)",
      "The lesser of the line and the Borrowing Base."
    )
    .step("Loans outstanding", formatMoney(inputs.loans), "LMA I.A", "Revolving loans drawn.");
}

function measure(
  baseIn: Amount,
  loansIn: Amount,
  commitmentIn: Amount | undefined,
  lcExposureIn: Amount | undefined,
  compute: (limit: Exact, loans: Exact) => Exact,
  label: string,
  clause: string,
  rule: string
): Outcome<Exact> {
  return calculate(() => {
    const inputs = lineInputs(baseIn, loansIn, commitmentIn, lcExposureIn);
    const limit = lendingLimit(inputs, inputs.lcExposure);
    const result = compute(limit, inputs.loans);
    return explained(result.toCents(), (trace) => {
      lineSteps(inputs, limit, trace);
      trace.step(label, formatMoney(result), clause, rule);
      if (inputs.lcExposure) {
        const other = compute(lendingLimit(inputs, undefined), inputs.loans);
        trace.alternative(
          `${label} if letters of credit do not use up the line`,
          formatMoney(other),
          "LMA I.A",
          "The full commitment as the line.",
          () => formatDifference(other, result)
        );
      } else {
        trace.uncomputedAlternative(
          `${label} if letters of credit also use up the line`,
          "the letter-of-credit exposure",
          "LMA I.A",
          "The commitment less the letter-of-credit exposure as the line: give the exposure to compute this reading."
        );
      }
    });
  });
}

export function availability(
  baseIn: Amount,
  loansIn: Amount,
  commitmentIn?: Amount,
  lcExposureIn?: Amount
): Outcome<Exact> {
  return measure(
    baseIn,
    loansIn,
    commitmentIn,
    lcExposureIn,
    (limit, loans) => Exact.max(Exact.ZERO, limit.minus(loans)),
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
): Outcome<Exact> {
  return measure(
    baseIn,
    loansIn,
    commitmentIn,
    lcExposureIn,
    (limit, loans) => Exact.max(Exact.ZERO, loans.minus(limit)),
    "Over-advance",
    "SA 13(h)",
    `max(0, loans outstanding − lending limit); to be cured within ${termNumber("loan.overadvance_cure_days")} days of the Bank's notice.`
  );
}
