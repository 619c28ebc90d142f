/**
 * Minimum Tangible Net Worth (FA 1(h)-tnw): a base plus 50% of after-tax income of each fiscal year
 * from the first stepping year, with losses never lowering the minimum. Two readings of how losses
 * interact with later profits are offered (`per_year`, `running_total`).
 */
import { Decimal, ZERO, formatDifference, formatMoney, formatPercent, toCents } from "../decimal";
import { Serial, edate, fromSerial, serialToIso } from "../dates";
import { Amount, dateArg, toDecimal } from "../inputs";
import { parseKeyword } from "../keywords";
import { Exact } from "../exact";
import { Outcome, Trace, calculate, invalid } from "../outcome";
import { termDecimal, termNumber } from "../terms";

const CLAUSE = "FA 1(h)-tnw";

export type TnwMethod = "per_year" | "running_total";
export const TNW_METHODS: Record<TnwMethod, readonly string[]> = {
  per_year: ["positive_years", "default"],
  running_total: ["cumulative", "running"],
};

export interface FiscalYearIncome {
  year: number;
  income: Decimal;
}

export interface LedgerRow extends FiscalYearIncome {
  stepUp: Decimal;
  minimum: Decimal;
  yearEnd: Serial;
}

/** The covenant as in force on a date: the amendment recites the original base and first year. */
interface Covenant {
  base: Decimal;
  firstYearEnd: Serial;
  share: Decimal;
}

function covenantOn(asOf?: Serial): Covenant {
  return {
    base: termDecimal("loan.tnw_base", asOf),
    firstYearEnd: termNumber("loan.tnw_first_year_end", asOf),
    share: termDecimal("loan.tnw_income_share"),
  };
}

function yearEndOf(covenant: Covenant, year: number): Serial {
  return edate(covenant.firstYearEnd, (year - fromSerial(covenant.firstYearEnd).year) * 12);
}

/** Pairs the two parallel ranges; a row blank in both is skipped, half-blank is an error. */
export function readFiscalYears(
  years: readonly (number | null)[],
  incomes: readonly (Amount | null)[]
): FiscalYearIncome[] {
  if (years.length !== incomes.length) {
    invalid(
      CLAUSE,
      `the fiscal years have ${years.length} cells but the net incomes ${incomes.length}; give one net income for each fiscal year.`
    );
  }
  const seen = new Set<number>();
  const entries: FiscalYearIncome[] = [];
  years.forEach((year, i) => {
    const income = incomes[i];
    if (year === null && income === null) return;
    if (year === null || income === null)
      invalid(
        CLAUSE,
        `row ${i + 1} has ${year === null ? "a net income but no fiscal year" : "a fiscal year but no net income"}; fill in both or neither.`
      );
    if (!Number.isInteger(year) || year < 1900 || year > 9999)
      invalid(CLAUSE, `fiscal year ${year} must be a calendar year such as 2004.`);
    if (seen.has(year))
      invalid(CLAUSE, `fiscal year ${year} is given twice; give each year's net income once.`);
    seen.add(year);
    entries.push({ year, income: toDecimal(income, CLAUSE, "the net incomes") });
  });
  return entries.sort((a, b) => a.year - b.year);
}

/** The minimum after each fiscal year end, from the covenant's first stepping year. */
function ledger(
  covenant: Covenant,
  entries: readonly FiscalYearIncome[],
  method: TnwMethod
): LedgerRow[] {
  const firstYear = fromSerial(covenant.firstYearEnd).year;
  let minimum = covenant.base;
  let runningIncome = ZERO;
  return entries
    .filter((entry) => entry.year >= firstYear)
    .map((entry) => {
      const previous = minimum;
      if (method === "per_year") {
        minimum = minimum.plus(covenant.share.times(Decimal.max(ZERO, entry.income)));
      } else {
        runningIncome = runningIncome.plus(entry.income);
        minimum = Decimal.max(minimum, covenant.base.plus(covenant.share.times(runningIncome)));
      }
      return {
        ...entry,
        stepUp: minimum.minus(previous),
        minimum,
        yearEnd: yearEndOf(covenant, entry.year),
      };
    });
}

const share = () => formatPercent(termDecimal("loan.tnw_income_share"));
const READINGS: Record<TnwMethod, () => string> = {
  per_year: () =>
    `Each fiscal year's positive after-tax income adds ${share()}; a loss adds nothing and takes nothing away (the market's usual 'no deduction for losses').`,
  running_total: () =>
    `After each year end the minimum is the larger of the previous minimum and base + ${share()} × the running total of income, losses included: a loss never lowers the minimum, but later profits first make it good.`,
};

function requiredMinimum(
  covenant: Covenant,
  entries: readonly FiscalYearIncome[],
  testDate: Serial,
  method: TnwMethod
): Decimal {
  const rows = ledger(covenant, entries, method).filter((row) => row.yearEnd <= testDate);
  return rows.length ? rows[rows.length - 1].minimum : covenant.base;
}

function minimumSteps(
  testDate: Serial,
  entries: readonly FiscalYearIncome[],
  method: TnwMethod,
  trace: Trace
): Decimal {
  const covenant = covenantOn(testDate);
  const amendment = termNumber("loan.amendment_date");
  const firstYear = fromSerial(covenant.firstYearEnd).year;
  trace.interpret(READINGS[method]);
  trace.step(
    "Covenant version",
    () => (testDate < amendment ? "original (recited by the amendment)" : "as amended"),
    CLAUSE,
    () =>
      `Test date ${serialToIso(testDate)}: base ${formatMoney(covenant.base)}, income from fiscal year ${firstYear} (ending ${serialToIso(covenant.firstYearEnd)}).`
  );
  const counted = ledger(covenant, entries, method).filter((row) => row.yearEnd <= testDate);
  for (const row of counted) {
    trace.step(
      () => `FY${row.year} net income ${formatMoney(row.income)}`,
      () => `+${formatMoney(row.stepUp)}`,
      CLAUSE,
      () =>
        `Minimum after ${serialToIso(row.yearEnd)}: ${formatMoney(row.minimum)} (${formatPercent(covenant.share)} share; ${row.income.isNegative() ? "a loss does not decrease the minimum" : "income steps the minimum up"}).`
    );
  }
  const ignored = entries.filter(
    (entry) => entry.year < firstYear || yearEndOf(covenant, entry.year) > testDate
  );
  if (ignored.length) {
    trace.step(
      "Years not counted",
      () => ignored.map((e) => `FY${e.year}`).join(", "),
      CLAUSE,
      "Years before the first stepping year, or ending after the test date, do not count."
    );
  }
  const missing = counted.length
    ? missingYears(counted[0].year, counted[counted.length - 1].year, counted)
    : [];
  if (missing.length)
    trace.step(
      "Years not given",
      () => missing.map((y) => `FY${y}`).join(", "),
      CLAUSE,
      "Treated as no income; add them if they had income."
    );
  const minimum = requiredMinimum(covenant, entries, testDate, method);
  trace.step(
    "Minimum Tangible Net Worth",
    () => formatMoney(minimum),
    CLAUSE,
    "Base plus the step-ups of the fiscal years ended on or before the test date."
  );
  const other: TnwMethod = method === "per_year" ? "running_total" : "per_year";
  trace.alternative(
    () => `Minimum under "${other}"`,
    () => formatMoney(requiredMinimum(covenant, entries, testDate, other)),
    CLAUSE,
    READINGS[other],
    () => formatDifference(requiredMinimum(covenant, entries, testDate, other), minimum)
  );
  return minimum;
}

function missingYears(first: number, last: number, rows: readonly FiscalYearIncome[]): number[] {
  const given = new Set(rows.map((row) => row.year));
  const missing: number[] = [];
  for (let year = first; year <= last; year++) if (!given.has(year)) missing.push(year);
  return missing;
}

/** The reading a blank method means (TERMS.md: per year). */
export const DEFAULT_TNW_METHOD: TnwMethod = "per_year";

export function parseTnwMethod(input: string): TnwMethod {
  return parseKeyword(input, TNW_METHODS, undefined, CLAUSE, "method");
}

export function minTnw(
  testDate: number,
  years: readonly (number | null)[],
  incomes: readonly (Amount | null)[],
  method: TnwMethod = DEFAULT_TNW_METHOD
): Outcome<Exact> {
  return calculate(() => {
    const date = dateArg(testDate, CLAUSE, "the test date");
    const entries = readFiscalYears(years, incomes);
    const trace = new Trace();
    return trace.done(Exact.of(toCents(minimumSteps(date, entries, method, trace))));
  });
}

export function tnwHeadroom(
  tangibleNetWorth: Amount,
  testDate: number,
  years: readonly (number | null)[],
  incomes: readonly (Amount | null)[],
  method: TnwMethod = DEFAULT_TNW_METHOD
): Outcome<Exact> {
  return calculate(() => {
    const actual = toDecimal(tangibleNetWorth, CLAUSE, "the tangible net worth");
    const date = dateArg(testDate, CLAUSE, "the test date");
    const entries = readFiscalYears(years, incomes);
    const trace = new Trace();
    const minimum = minimumSteps(date, entries, method, trace);
    const headroom = actual.minus(minimum);
    trace
      .step(
        "Tangible net worth",
        () => formatMoney(actual),
        CLAUSE,
        "As reported for the test date."
      )
      .step(
        "Headroom",
        () => formatMoney(headroom),
        CLAUSE,
        () =>
          headroom.isNegative()
            ? "Below the minimum: the covenant is breached."
            : "Actual less the required minimum."
      );
    return trace.done(Exact.of(toCents(headroom)));
  });
}

export function tnwLedger(
  years: readonly (number | null)[],
  incomes: readonly (Amount | null)[],
  method: TnwMethod = DEFAULT_TNW_METHOD
): Outcome<number[][]> {
  return calculate(() => {
    const covenant = covenantOn();
    const rows = ledger(covenant, readFiscalYears(years, incomes), method);
    const firstYear = fromSerial(covenant.firstYearEnd).year;
    if (rows.length === 0)
      invalid(
        CLAUSE,
        `no fiscal year from ${firstYear} on was given; the ledger starts with FY${firstYear}.`
      );
    const trace = new Trace().interpret(READINGS[method]).step(
      "Base",
      () => formatMoney(covenant.base),
      CLAUSE,
      () =>
        `As amended; step-ups from the fiscal year ending ${serialToIso(covenant.firstYearEnd)}.`
    );
    for (const row of rows)
      trace.step(
        () => `FY${row.year}`,
        () => formatMoney(row.minimum),
        CLAUSE,
        () => `Net income ${formatMoney(row.income)}, step-up ${formatMoney(row.stepUp)}.`
      );
    return trace.done(
      rows.map((row) => [
        row.year,
        toCents(row.income).toNumber(),
        toCents(row.stepUp).toNumber(),
        toCents(row.minimum).toNumber(),
      ])
    );
  });
}
