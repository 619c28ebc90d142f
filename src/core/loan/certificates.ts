/**
 * The two certificates the Borrower sends the Bank (TERMS.md, "Deadlines and certificates"), built
 * from the single functions so that each line equals the function of the same inputs: the covenant
 * certificate for a quarter end, and the thirteen lines of the borrowing-base certificate.
 */
import { formatMoney, formatNumber, formatPercent } from "../decimal";
import { Exact } from "../exact";
import { Amount, nonNegativeExact, toExact } from "../inputs";
import { ContractError, Outcome, Trace, calculate, invalid } from "../outcome";
import { termDollars, termPercent } from "../prose";
import { termExact } from "../terms";
import { availability, borrowingBase, borrowingBaseParts, overadvance } from "./borrowingBase";
import { leverageMax, netIncomeTest } from "./covenants";
import { TnwMethod, minTnw } from "./tnw";

/** The status of one covenant on the certificate. */
export type CovenantStatus = "PASS" | "WATCH" | "FAIL" | "NOT TESTED";

/** A headroom share below which a passing test is flagged: the user's policy, not a contract figure. */
export const DEFAULT_WATCH_SHARE = 0.1;

type Cell = number | string;

/** The value of an outcome, or the failure passed on as this calculation's own. */
function valueOf<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new ContractError(outcome.code, outcome.clause, outcome.message);
  return outcome.value;
}

// "+ 0" turns a negated zero into 0: a cell should never show -0.
const cents = (value: Exact) => value.toCents().toNumber() + 0;

function watchShareOf(value: number | undefined): number {
  if (value === undefined) return DEFAULT_WATCH_SHARE;
  if (!Number.isFinite(value) || value < 0 || value > 1)
    invalid(
      "FA 1(h)-tnw",
      `the watch share must be a fraction from 0 to 1 (such as 0.1), not ${value}.`
    );
  return value;
}

export function compliance(
  testDate: number,
  tangibleNetWorthIn: Amount,
  years: readonly (number | null)[],
  incomes: readonly (Amount | null)[],
  quarterNetIncomeIn: Amount,
  totalLiabilitiesIn: Amount,
  watchShareIn?: number,
  method?: TnwMethod
): Outcome<Cell[][]> {
  return calculate(() => {
    const watchShare = watchShareOf(watchShareIn);
    // The quarter test checks the date is a quarter end; its message names FA 1(i).
    const incomeStatus = valueOf(netIncomeTest(testDate, quarterNetIncomeIn));
    const required = valueOf(minTnw(testDate, years, incomes, method));
    const tnw = toExact(tangibleNetWorthIn, "FA 1(h)-tnw", "the tangible net worth");
    const income = toExact(quarterNetIncomeIn, "FA 1(i)", "the quarter's net income");
    const liabilities = nonNegativeExact(totalLiabilitiesIn, "FA 1(j)", "the total liabilities");
    const minimumIncome = termExact("loan.min_quarterly_net_income");
    const maximum = Exact.fromNumber(valueOf(leverageMax(testDate)));

    const graded = (passes: boolean, share: Exact): CovenantStatus =>
      !passes ? "FAIL" : share.lessThan(Exact.fromNumber(watchShare)) ? "WATCH" : "PASS";

    const tnwHeadroom = tnw.minus(required);
    const tnwShare = tnwHeadroom.dividedBy(required);
    const tnwRow: Cell[] = [
      "Minimum Tangible Net Worth",
      "FA 1(h)-tnw",
      cents(required),
      cents(tnw),
      cents(tnwHeadroom),
      tnwShare.toNumber(),
      graded(!tnwHeadroom.isNegative(), tnwShare),
    ];
    const incomeRow: Cell[] = [
      "Minimum net income for the quarter",
      "FA 1(i)",
      cents(minimumIncome),
      cents(income),
      cents(income.minus(minimumIncome)),
      "",
      incomeStatus,
    ];
    const allowed = maximum.times(tnw);
    const leverageRow: Cell[] =
      tnw.isNegative() || tnw.isZero()
        ? ["Leverage Ratio", "FA 1(j)", maximum.toNumber(), "", "", "", "FAIL"]
        : [
            "Leverage Ratio",
            "FA 1(j)",
            maximum.toNumber(),
            Number(formatNumber(liabilities.dividedBy(tnw), 4)),
            cents(allowed.minus(liabilities)),
            allowed.minus(liabilities).dividedBy(allowed).toNumber(),
            graded(
              !liabilities.greaterThan(allowed),
              allowed.minus(liabilities).dividedBy(allowed)
            ),
          ];

    const rows = [tnwRow, incomeRow, leverageRow];
    const trace = new Trace().interpret(
      () =>
        `WATCH marks a passing test whose headroom is less than ${formatPercent(Exact.fromNumber(watchShare))} of the limit (the watch share, a policy of the workbook, not of the agreements).`
    );
    for (const [covenant, clause, req, actual, headroom, , status] of rows)
      trace.step(String(covenant), String(status), String(clause), () =>
        actual === ""
          ? "Tangible net worth is not positive: no leverage ratio can meet the maximum."
          : `Required ${String(req)}, actual ${String(actual)}, headroom ${String(headroom)}.`
      );
    return trace.done(rows);
  });
}

export function borrowingBaseCertificate(
  receivablesIn: Amount,
  inventoryIn: Amount,
  loansIn: Amount,
  lcOutstandingIn: Amount = 0,
  lcUnreimbursedIn: Amount = 0,
  commitmentIn?: Amount,
  lcExposureIn?: Amount,
  asOf?: number
): Outcome<Cell[][]> {
  return calculate(() => {
    const base = valueOf(
      borrowingBase(receivablesIn, inventoryIn, lcOutstandingIn, lcUnreimbursedIn, asOf)
    );
    const receivables = nonNegativeExact(receivablesIn, "FA 1(b)", "the eligible receivables");
    const inventory = nonNegativeExact(inventoryIn, "FA 1(b)", "the eligible inventory");
    const lcOutstanding = nonNegativeExact(
      lcOutstandingIn,
      "FA 1(b)",
      "the letters of credit outstanding"
    );
    const lcUnreimbursed = nonNegativeExact(
      lcUnreimbursedIn,
      "FA 1(b)",
      "the letters of credit unreimbursed"
    );
    const loans = nonNegativeExact(loansIn, "LMA I.A", "the loans outstanding");
    const parts = borrowingBaseParts(receivables, inventory, lcOutstanding, lcUnreimbursed);
    const commitment =
      commitmentIn === undefined
        ? termExact("loan.commitment")
        : nonNegativeExact(commitmentIn, "LMA I.A", "the commitment");
    const exposure =
      lcExposureIn === undefined
        ? Exact.ZERO
        : nonNegativeExact(lcExposureIn, "LMA I.A", "the letters of credit exposure");
    const line = commitment.minus(exposure);
    const limit = Exact.min(line, base);
    const available = valueOf(availability(base, loans, commitmentIn, lcExposureIn));
    const over = valueOf(overadvance(base, loans, commitmentIn, lcExposureIn));
    const rate = termExact("loan.receivables_rate");
    const cushion = Exact.max(Exact.ZERO, base.minus(loans)).dividedBy(rate);

    const rows: Cell[][] = [
      ["Eligible Receivables", cents(receivables), "FA 1(b)"],
      [
        `Receivables advance (${termPercent("loan.receivables_rate")})`,
        cents(parts.receivablesAdvance),
        "FA 1(b)",
      ],
      ["Eligible Inventory", cents(inventory), "FA 1(b)"],
      [
        `Inventory advance (${termPercent("loan.inventory_rate")}, at most ${termDollars("loan.inventory_cap")})`,
        cents(parts.inventoryAdvance),
        "FA 1(b)",
      ],
      ["Letters of credit outstanding", cents(lcOutstanding.negated()), "FA 1(b)"],
      ["Drawn letters of credit not reimbursed", cents(lcUnreimbursed.negated()), "FA 1(b)"],
      ["Borrowing Base", cents(base), "FA 1(b)"],
      [
        "Revolving Credit (less the letter-of-credit exposure on that reading)",
        cents(line),
        "LMA I.A",
      ],
      ["Lending limit: the lesser of 7 and 8", cents(limit), "FA 1(b)"],
      ["Loans outstanding", cents(loans), "LMA I.A"],
      ["Availability", cents(available), "FA 1(b)"],
      ["Over-advance", cents(over), "SA 13(h)"],
      [
        "Receivables cushion: how far Eligible Receivables may fall before an over-advance",
        cents(cushion),
        "FA 1(b)",
      ],
    ];
    const trace = new Trace();
    for (const [label, amount, clause] of rows)
      trace.step(
        String(label),
        () => formatMoney(Exact.fromNumber(Number(amount))),
        String(clause),
        "As the single function computes it on these inputs."
      );
    trace.step(
      "Receivables cushion",
      () => formatMoney(cushion),
      "FA 1(b)",
      () =>
        `max(0, Borrowing Base ${formatMoney(base)} − loans ${formatMoney(loans)}) ÷ ${termPercent("loan.receivables_rate")}: each dollar of receivables carries ${termPercent("loan.receivables_rate")} of a dollar of advance.`
    );
    return trace.done(rows);
  });
}
