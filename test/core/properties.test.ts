/**
 * Property tests over random inputs, valid and invalid, for every public calculation of the core:
 * never an exception, never NaN or Infinity (in the value or in any explanation figure), money at
 * cents, failures as #VALUE!/#N/A whose message starts with the clause; and the monotonic
 * properties of TERMS.md. Fixed seeds keep every run reproducible.
 */
import fc from "fast-check";
import * as core from "../../src/core";
import { Decimal, Exact, Outcome, TERMS } from "../../src/core";
import type { Amount } from "../../src/core";
import { formatDifference, formatNumber, formatPercent } from "../../src/core/decimal";

const SEED = 20030207; // the separation agreement's date, for a memorable fixed seed
const RUNS = 300;
const MAX_SERIAL = 2958465; // 9999-12-31, Excel's last date
const options = { numRuns: RUNS, seed: SEED };

// ---------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------

const era = (from: number, to: number) => fc.integer({ min: from, max: to });
const FEE_END = 39263; // 2007-06-30

/** Dates as a spreadsheet may pass them: mostly around the agreements, but anything numeric too. */
const anyDate: fc.Arbitrary<number> = fc.oneof(
  { arbitrary: era(37000, 40500), weight: 5 },
  { arbitrary: fc.integer({ min: -10, max: 3_000_000 }), weight: 2 },
  { arbitrary: fc.double({ min: -10, max: 3_000_000, noNaN: true }), weight: 2 },
  {
    arbitrary: fc.constantFrom(
      Number.NaN,
      Infinity,
      -Infinity,
      -0,
      0,
      0.5,
      1,
      59,
      60,
      61,
      37802,
      37803,
      38013,
      38014,
      39263,
      39264,
      MAX_SERIAL - 1,
      MAX_SERIAL,
      MAX_SERIAL + 1
    ),
    weight: 1,
  }
);
const optDate = fc.option(anyDate, { nil: undefined });

// Up to ±1e300: near Number.MAX_VALUE even Excel overflows (#NUM!) when it adds two amounts, and
// the Decimal results here would turn into Infinity only when an adapter converts them to doubles.
const amountNumber: fc.Arbitrary<number> = fc.oneof(
  { arbitrary: fc.integer({ min: -100_000_000, max: 100_000_000 }), weight: 3 },
  { arbitrary: fc.double({ min: -1e15, max: 1e15, noNaN: true }), weight: 2 },
  {
    arbitrary: fc.constantFrom(
      0,
      -0,
      0.005,
      0.015,
      1e-7,
      1e-300,
      -1e-300,
      1e300,
      -1e300,
      Number.MIN_VALUE,
      Number.NaN,
      Infinity,
      -Infinity
    ),
    weight: 1,
  }
);

/** Amounts as numbers, texts (good and bad) and exact decimals. */
const anyAmount: fc.Arbitrary<Amount> = fc.oneof(
  { arbitrary: amountNumber, weight: 6 },
  {
    arbitrary: fc.constantFrom(
      "12.5",
      " 7 ",
      "-3",
      "1e5",
      "",
      "abc",
      "1,000",
      "0x10",
      "NaN",
      "Infinity",
      "-Infinity",
      "1e999999999999999999",
      "1e-999999999999999999"
    ),
    weight: 1,
  },
  {
    arbitrary: fc
      .integer({ min: -10_000_000_000, max: 10_000_000_000 })
      .map((cents) => new Decimal(cents).dividedBy(100)),
    weight: 1,
  }
);
const optAmount = fc.option(anyAmount, { nil: undefined });
const fraction: fc.Arbitrary<Amount> = fc.oneof(
  fc.double({ min: -0.5, max: 1.5, noNaN: true }),
  anyAmount
);

/**
 * Keywords as the catalogue hands them to the core: one of the core's own words, already read (any
 * text a user types is read by the catalogue; test/catalogue/keywords.test.ts covers that), or blank
 * for an optional one.
 */
const word = <K extends string>(table: Record<K, readonly string[]>) =>
  fc.constantFrom(...(Object.keys(table) as K[]));
const optionalWord = <K extends string>(table: Record<K, readonly string[]>) =>
  fc.option(word(table), { nil: undefined });
const type = word(core.TERMINATION_TYPES);
const stream = optionalWord(core.STREAMS);
const lumpMethod = optionalWord(core.DISCOUNT_METHODS);
const buyoutMethod = optionalWord(core.BUYOUT_METHODS);
const tnwMethod = optionalWord(core.TNW_METHODS);
const noticeMethod = word(core.NOTICE_METHODS);
const holidays = fc.option(fc.array(anyDate, { maxLength: 4 }), { nil: undefined });
const businessDays = fc.oneof(
  fc.integer({ min: -3000, max: 3000 }),
  fc.double({ min: -50, max: 50, noNaN: true }),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, 0, -0)
);

const fiscalYear = fc.oneof(
  { arbitrary: era(2000, 2012), weight: 6 },
  {
    arbitrary: fc.oneof(
      fc.double({ min: 1800, max: 10100, noNaN: true }),
      fc.constantFrom(Number.NaN, Infinity, 0, -2004)
    ),
    weight: 1,
  }
);
const ledgerColumns: fc.Arbitrary<[(number | null)[], (Amount | null)[]]> = fc.oneof(
  {
    arbitrary: fc
      .array(
        fc.tuple(
          fc.option(fiscalYear, { nil: null, freq: 10 }),
          fc.option(anyAmount, { nil: null, freq: 10 })
        ),
        { maxLength: 8 }
      )
      .map((rows): [(number | null)[], (Amount | null)[]] => [
        rows.map((r) => r[0]),
        rows.map((r) => r[1]),
      ]),
    weight: 6,
  },
  // Ranges of different lengths.
  {
    arbitrary: fc.tuple(
      fc.array(fiscalYear, { maxLength: 4 }),
      fc.array(anyAmount, { maxLength: 4 })
    ) as fc.Arbitrary<[(number | null)[], (Amount | null)[]]>,
    weight: 1,
  }
);
const termId = fc.oneof(
  { arbitrary: fc.constantFrom(...TERMS.map((t) => t.id)), weight: 4 },
  { arbitrary: fc.string({ maxLength: 20 }), weight: 1 }
);

// ---------------------------------------------------------------------------------------------
// What every outcome must satisfy
// ---------------------------------------------------------------------------------------------

type Kind =
  | "money"
  | "date"
  | "number"
  | "count"
  | "text"
  | "boolean"
  | "fee rows"
  | "ledger rows"
  | "date rows"
  | "certificate rows";

const CLAUSE_ID = /^(SEP|FA|SA|LMA|ALLONGE) \S/;
// An unknown term id, a date range of the calendar, an unknown event of either agreement: no one
// clause to name, so the message names the function instead.
const FUNCTION_CLAUSES = new Set(["BTU.TERM", "BTU.CALENDAR", "BTU.EVENT_DEADLINES"]);
const NOT_FINITE = /NaN|Infinity/;

function atCents(amount: Decimal): void {
  expect(amount.isFinite()).toBe(true);
  // The adapters hand the value to a spreadsheet as a double: it must survive that too.
  expect(Number.isFinite(amount.toNumber())).toBe(true);
  expect(amount.decimalPlaces()).toBeLessThanOrEqual(2);
}

function checkValue(result: unknown, kind: Kind): void {
  switch (kind) {
    case "money":
      expect(result).toBeInstanceOf(Exact);
      atCents((result as Exact).toDecimal());
      return;
    case "date":
      expect(Number.isInteger(result)).toBe(true);
      expect(result as number).toBeGreaterThanOrEqual(1);
      expect(result as number).toBeLessThanOrEqual(MAX_SERIAL);
      return;
    case "number":
      expect(Number.isFinite(result)).toBe(true);
      return;
    case "count":
      expect(Number.isSafeInteger(result)).toBe(true);
      expect(result as number).toBeGreaterThanOrEqual(0);
      return;
    case "text":
      expect(["PASS", "FAIL", "NOT TESTED"]).toContain(result);
      return;
    case "boolean":
      expect(typeof result).toBe("boolean");
      return;
    case "date rows": {
      const rows = result as [number, string, string][];
      expect(rows.length).toBeGreaterThan(0);
      for (const [date, words, clause] of rows) {
        expect(Number.isInteger(date)).toBe(true);
        expect(date).toBeGreaterThanOrEqual(1);
        expect(date).toBeLessThanOrEqual(MAX_SERIAL);
        expect(words.length).toBeGreaterThan(5);
        expect(clause).toMatch(CLAUSE_ID);
      }
      return;
    }
    case "certificate rows": {
      const rows = result as (number | string)[][];
      expect(rows.length).toBeGreaterThan(0);
      for (const cell of rows.flat())
        if (typeof cell === "number") expect(Number.isFinite(cell)).toBe(true);
        else expect(typeof cell).toBe("string");
      return;
    }
    case "fee rows":
    case "ledger rows": {
      const rows = result as number[][];
      expect(rows.length).toBeGreaterThan(0);
      for (const [first, ...money] of rows) {
        expect(Number.isInteger(first)).toBe(true);
        for (const amount of money) {
          expect(Number.isFinite(amount)).toBe(true);
          atCents(new Decimal(String(amount)));
        }
      }
    }
  }
}

function checkOutcome(outcome: Outcome<unknown>, kind: Kind): void {
  if (outcome.ok) {
    checkValue(outcome.value, kind);
    const { steps, alternatives, interpretation } = outcome.explanation;
    expect(steps.length).toBeGreaterThan(0);
    for (const line of [...steps, ...alternatives]) {
      expect(line.figure).not.toMatch(NOT_FINITE);
      expect(line.label).not.toMatch(NOT_FINITE);
      expect(line.rule).not.toMatch(NOT_FINITE);
      expect(line.clause).toMatch(CLAUSE_ID);
    }
    expect(interpretation ?? "").not.toMatch(NOT_FINITE);
    return;
  }
  expect(["#VALUE!", "#N/A"]).toContain(outcome.code);
  if (!FUNCTION_CLAUSES.has(outcome.clause)) expect(outcome.clause).toMatch(CLAUSE_ID);
  expect(outcome.message.startsWith(`${outcome.clause}: `)).toBe(true);
  expect(outcome.message.length).toBeGreaterThan(outcome.clause.length + 10);
}

// ---------------------------------------------------------------------------------------------
// Every public calculation, with the arguments it takes
// ---------------------------------------------------------------------------------------------

interface Spec {
  name: string;
  /** Runs the property: fast-check's own assertion, with the fixed seed. */
  check: () => void;
}

function spec<A extends unknown[]>(
  name: keyof typeof core,
  kind: Kind,
  args: fc.Arbitrary<A>,
  run: (...a: A) => Outcome<unknown>
): Spec {
  return {
    name,
    check: () =>
      fc.assert(
        fc.property(args, (a) => checkOutcome(run(...a), kind)),
        options
      ),
  };
}

const SPECS: Spec[] = [
  spec("termValue", "number", fc.tuple(termId, optDate), (id, asOf) => core.termValue(id, asOf)),
  spec("workdayFunction", "date", fc.tuple(anyDate, businessDays, holidays), (s, d, h) =>
    core.workdayFunction(s, d, h)
  ),
  spec("remainingFees", "money", fc.tuple(anyDate, stream), (d, s) => core.remainingFees(d, s)),
  spec("feesEarned", "money", fc.tuple(anyDate, anyDate, stream), (a, b, s) =>
    core.feesEarned(a, b, s)
  ),
  spec("feeSchedule", "fee rows", fc.tuple(stream, optDate, optDate), (s, a, b) =>
    core.feeSchedule(s, a, b)
  ),
  spec("contractYear", "count", fc.tuple(anyDate), (d) => core.contractYear(d)),
  spec("consultingLump", "money", fc.tuple(anyDate, type, lumpMethod), (t, k, m) =>
    core.consultingLump(t, k, m)
  ),
  spec("chairmanLump", "money", fc.tuple(anyDate, type, lumpMethod), (t, k, m) =>
    core.chairmanLump(t, k, m)
  ),
  spec("terminationDate", "date", fc.tuple(anyDate, type, stream), (n, k, s) =>
    core.terminationDate(n, k, s)
  ),
  spec("optionExpiry", "date", fc.tuple(anyDate, type, optDate), (t, k, v) =>
    core.optionExpiry(t, k, v)
  ),
  spec("electionDeadline", "date", fc.tuple(anyDate, holidays), (d, h) =>
    core.electionDeadline(d, h)
  ),
  spec("shareTransferDeadline", "date", fc.tuple(anyDate, holidays), (d, h) =>
    core.shareTransferDeadline(d, h)
  ),
  spec("disabilityNoticeDate", "date", fc.tuple(anyDate), (d) => core.disabilityNoticeDate(d)),
  spec("changeOfControl", "boolean", fc.tuple(fraction), (f) => core.changeOfControl(f)),
  spec(
    "duressShares",
    "count",
    fc.tuple(anyAmount, anyAmount, fc.option(fraction, { nil: undefined })),
    (a, p, f) => core.duressShares(a, p, f)
  ),
  spec(
    "splitDollarCompanyInterest",
    "money",
    fc.tuple(anyAmount, anyAmount, optAmount),
    (a, b, c) => core.splitDollarCompanyInterest(a, b, c)
  ),
  spec(
    "splitDollarBuyout",
    "money",
    fc.tuple(
      anyAmount,
      fc.oneof(fc.double({ min: -5, max: 60, noNaN: true }), anyAmount),
      buyoutMethod
    ),
    (c, n, m) => core.splitDollarBuyout(c, n, m)
  ),
  spec(
    "borrowingBase",
    "money",
    fc.tuple(anyAmount, anyAmount, optAmount, optAmount, optDate),
    (r, i, l, u, d) => core.borrowingBase(r, i, l, u, d)
  ),
  spec("inventoryAdvance", "money", fc.tuple(anyAmount), (i) => core.inventoryAdvance(i)),
  spec(
    "availability",
    "money",
    fc.tuple(anyAmount, anyAmount, optAmount, optAmount),
    (b, l, c, x) => core.availability(b, l, c, x)
  ),
  spec("overadvance", "money", fc.tuple(anyAmount, anyAmount, optAmount, optAmount), (b, l, c, x) =>
    core.overadvance(b, l, c, x)
  ),
  spec("minTnw", "money", fc.tuple(anyDate, ledgerColumns, tnwMethod), (d, [y, i], m) =>
    core.minTnw(d, y, i, m)
  ),
  spec(
    "tnwHeadroom",
    "money",
    fc.tuple(anyAmount, anyDate, ledgerColumns, tnwMethod),
    (t, d, [y, i], m) => core.tnwHeadroom(t, d, y, i, m)
  ),
  spec("tnwLedger", "ledger rows", fc.tuple(ledgerColumns, tnwMethod), ([y, i], m) =>
    core.tnwLedger(y, i, m)
  ),
  spec("netIncomeTest", "text", fc.tuple(anyDate, anyAmount), (q, n) => core.netIncomeTest(q, n)),
  spec("calendarFunction", "date rows", fc.tuple(optDate, optDate), (a, b) =>
    core.calendarFunction(a, b)
  ),
  spec(
    "eventDeadlines",
    "date rows",
    fc.tuple(word(core.AGREEMENT_EVENTS), anyDate, holidays),
    (e, d, h) => core.eventDeadlines(e, d, h)
  ),
  spec(
    "compliance",
    "certificate rows",
    fc.tuple(
      anyDate,
      anyAmount,
      ledgerColumns,
      anyAmount,
      anyAmount,
      fc.option(fc.double({ min: -0.5, max: 1.5, noNaN: true }), { nil: undefined }),
      tnwMethod
    ),
    (d, tnw, [y, i], q, l, w, m) => core.compliance(d, tnw, y, i, q, l, w, m)
  ),
  spec(
    "borrowingBaseCertificate",
    "certificate rows",
    fc.tuple(anyAmount, anyAmount, anyAmount, optAmount, optAmount, optAmount, optAmount, optDate),
    (r, i, l, o, u, c, e, d) => core.borrowingBaseCertificate(r, i, l, o, u, c, e, d)
  ),
  spec("leverageTest", "text", fc.tuple(anyAmount, anyAmount, optDate), (l, t, d) =>
    core.leverageTest(l, t, d)
  ),
  spec("leverageMax", "number", fc.tuple(optDate), (d) => core.leverageMax(d)),
  spec(
    "crossDefault",
    "boolean",
    fc.tuple(
      fc.array(anyAmount, { maxLength: 6 }),
      fc.option(fc.array(fc.option(fc.boolean(), { nil: null }), { maxLength: 6 }), {
        nil: undefined,
      })
    ),
    (a, d) => core.crossDefault(a, d)
  ),
  spec("facilityTerminationDate", "date", fc.tuple(optDate), (d) =>
    core.facilityTerminationDate(d)
  ),
  spec("noticeEffective", "date", fc.tuple(anyDate, noticeMethod, holidays), (s, m, h) =>
    core.noticeEffective(s, m, h)
  ),
];

/** Exports that are building blocks rather than calculations; each is checked where it is used. */
const BUILDING_BLOCKS = new Set([
  "ContractError",
  "Trace",
  "Decimal",
  "Exact",
  "explained",
  "invalid",
  "noAnswer",
  "calculate",
  "unwrap",
  "toCents",
  "formatMoney",
  "groupDigits",
  "serialToIso",
  "isoToSerial",
  "serialOf",
  "fromSerial",
  "edate",
  "isValidSerial",
  "weekday",
  "daysInMonth",
  "findTerm",
  "toDecimal",
  "sumExact",
  // Keyword readers (test/catalogue/keywords.test.ts), the SEP 4 table's window, term lookups and prose formatters.
  "parseTerminationType",
  "parseDiscountMethod",
  "parseStream",
  "parseBuyoutMethod",
  "parseTnwMethod",
  "parseNoticeMethod",
  "parseAgreementEvent",
  "eventClause",
  "eventRule",
  // The fixed calendar as data (BTU.CALENDAR's property covers it).
  "agreementCalendar",
  "calendarBetween",
  "windowStart",
  "termNumber",
  "termClause",
  "termVersion",
  "payDates",
  "contractYears",
  "feeStart",
  "feeEnd",
  "federalHolidaysIn",
  "longDate",
  "termDollars",
  "termPercent",
  "termDate",
  "termYear",
  "termCount",
  "quoted",
]);

test("every public calculation of the core has a property below", () => {
  const exported = Object.entries(core)
    .filter(([name, member]) => typeof member === "function" && !BUILDING_BLOCKS.has(name))
    .map(([name]) => name);
  expect(SPECS.map((s) => s.name).sort()).toEqual(exported.sort());
});

describe.each(SPECS)("$name on random inputs", ({ check }) => {
  test("never throws, never NaN/Infinity, money at cents, failures name their clause", check);
});

// ---------------------------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------------------------

describe("dates and rounding", () => {
  test("serial → ISO → serial is the identity over Excel's whole range", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: MAX_SERIAL }),
        (s) => core.isoToSerial(core.serialToIso(s)) === s
      ),
      options
    );
  });

  test("EDATE keeps the day or clamps to the month end, and inverts on day ≤ 28", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 400, max: MAX_SERIAL - 400 }),
        fc.integer({ min: -12, max: 12 }),
        (s, months) => {
          const moved = core.edate(s, months);
          const from = core.fromSerial(s);
          const to = core.fromSerial(moved);
          expect((to.year - from.year) * 12 + to.month - from.month).toBe(months);
          expect(to.day).toBeLessThanOrEqual(from.day);
          if (from.day <= 28) expect(core.edate(moved, -months)).toBe(s);
        }
      ),
      options
    );
  });

  test("toCents rounds half away from zero to at most 2 places, within half a cent", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.integer({ min: 0, max: 6 }),
        (units, places) => {
          const amount = new Decimal(units).dividedBy(new Decimal(10).pow(places));
          const rounded = core.toCents(amount);
          expect(rounded.decimalPlaces()).toBeLessThanOrEqual(2);
          expect(rounded.minus(amount).abs().lessThanOrEqualTo("0.005")).toBe(true);
          expect(core.formatMoney(amount)).not.toMatch(NOT_FINITE);
        }
      ),
      options
    );
  });
});

describe("explanations' figures from exact fractions", () => {
  // Fractions as the fast path holds them (cents, rates, day counts) and as decimal.js holds the same value.
  const fraction = fc
    .tuple(
      fc.oneof(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: -1e15, max: 1e15 })),
      fc.constantFrom(1, 2, 3, 7, 20, 100, 365, 366, 1000, 133590, 1e6)
    )
    .map(([n, d]) => Exact.fraction(n, d));
  const asDecimal = (value: Exact) => Exact.of(value.toDecimal());

  test("money and differences read the same as decimal.js writes them", () => {
    fc.assert(
      fc.property(fraction, fraction, (a, b) => {
        expect(core.formatMoney(a)).toBe(core.formatMoney(a.toDecimal()));
        expect(formatDifference(a, b)).toBe(formatDifference(asDecimal(a), asDecimal(b)));
        expect(formatDifference(a, b.toDecimal())).toBe(
          formatDifference(asDecimal(a), b.toDecimal())
        );
      }),
      options
    );
  });

  test("the hand-worked cases", () => {
    expect(core.formatMoney(Exact.fraction(-123456789, 100))).toBe("-$1,234,567.89");
    expect(core.formatMoney(Exact.fraction(-1, 1000))).toBe("$0.00");
    expect(core.formatMoney(Exact.fraction(5, 1000))).toBe("$0.01");
    expect(formatDifference(Exact.fraction(1, 1), Exact.fraction(250, 100))).toBe(
      "$1.50 less than the figure used"
    );
    expect(formatPercent(Exact.fraction(7, 20))).toBe("35%");
    expect(formatPercent(Exact.fraction(1, 200))).toBe("0.5%");
    expect(formatNumber(Exact.fraction(3, 2))).toBe("1.5");
    expect(formatNumber(Exact.fraction(1, 3))).toBe("0.333333");
  });
});

// ---------------------------------------------------------------------------------------------
// Monotonic properties of TERMS.md
// ---------------------------------------------------------------------------------------------

const sortedPair = (from: number, to: number) =>
  fc
    .tuple(era(from, to), era(from, to))
    .map(([a, b]): [number, number] => (a <= b ? [a, b] : [b, a]));
const money = (outcome: Outcome<Exact>): Decimal | undefined =>
  outcome.ok ? outcome.value.toDecimal() : undefined;

describe("remainders fall as the termination date moves later", () => {
  test("REMAINING_FEES is non-increasing in the date", () => {
    fc.assert(
      fc.property(
        sortedPair(37000, FEE_END),
        fc.constantFrom("consulting", "chairman", "both"),
        ([early, late], s) => {
          const a = money(core.remainingFees(early, s))!;
          const b = money(core.remainingFees(late, s))!;
          expect(a.greaterThanOrEqualTo(b)).toBe(true);
        }
      ),
      options
    );
  });

  test("every lump (same type, stream and method) is non-increasing in the termination date", () => {
    fc.assert(
      fc.property(
        sortedPair(37500, FEE_END),
        type,
        word(core.DISCOUNT_METHODS),
        fc.constantFrom(core.consultingLump, core.chairmanLump),
        ([early, late], kind, method, lump) => {
          const a = money(lump(early, kind, method));
          const b = money(lump(late, kind, method));
          if (a && b) expect(a.greaterThanOrEqualTo(b)).toBe(true);
        }
      ),
      options
    );
  });
});

test("the borrowing base never rises when receivables fall", () => {
  const nonNegative = fc
    .integer({ min: 0, max: 1_000_000_000_000 })
    .map((c) => new Decimal(c).dividedBy(100));
  fc.assert(
    fc.property(
      nonNegative,
      nonNegative,
      nonNegative,
      nonNegative,
      nonNegative,
      (r1, r2, inventory, lc, drawn) => {
        const [low, high] = r1.lessThanOrEqualTo(r2) ? [r1, r2] : [r2, r1];
        const lower = money(core.borrowingBase(low, inventory, lc, drawn))!;
        const higher = money(core.borrowingBase(high, inventory, lc, drawn))!;
        expect(lower.lessThanOrEqualTo(higher)).toBe(true);
      }
    ),
    options
  );
});

describe("the TNW minimum never falls", () => {
  const incomes = fc.array(fc.integer({ min: -5_000_000, max: 5_000_000 }), {
    minLength: 1,
    maxLength: 10,
  });
  const LATE = 47483; // 2029-12-31: every fiscal year given has ended
  const AMENDED_FROM = 38014; // 2004-01-28

  test("as fiscal years are added, one after another", () => {
    fc.assert(
      fc.property(
        era(2000, 2010),
        incomes,
        fc.constantFrom("per_year", "running_total"),
        (first, series, method) => {
          let previous = new Decimal(0);
          for (let n = 1; n <= series.length; n++) {
            const years = series.slice(0, n).map((_, i) => first + i);
            const minimum = money(core.minTnw(LATE, years, series.slice(0, n), method))!;
            expect(minimum.greaterThanOrEqualTo(previous)).toBe(true);
            previous = minimum;
          }
        }
      ),
      options
    );
  });

  test("per_year: adding any year, in any place, never lowers it", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(era(2000, 2015), { minLength: 1, maxLength: 8 }),
        incomes,
        (years, series) => {
          const given = years.map((_, i) => series[i % series.length]);
          const without = money(core.minTnw(LATE, years.slice(1), given.slice(1)))!;
          const with_ = money(core.minTnw(LATE, years, given))!;
          expect(with_.greaterThanOrEqualTo(without)).toBe(true);
        }
      ),
      options
    );
  });

  // The amendment itself lowered the base from $20,000,000 to $10,000,000 on 2004-01-28, so the
  // property holds on each side of that date, not across it.
  test.each([
    ["the amended covenant", AMENDED_FROM, 50000],
    ["the original covenant", 36000, AMENDED_FROM - 1],
  ])("as the test date moves later, under %s", (_label, from, to) => {
    fc.assert(
      fc.property(
        sortedPair(from, to),
        era(2000, 2012),
        incomes,
        fc.constantFrom("per_year", "running_total"),
        ([early, late], first, series, method) => {
          const years = series.map((_, i) => first + i);
          const a = money(core.minTnw(early, years, series, method))!;
          const b = money(core.minTnw(late, years, series, method))!;
          expect(b.greaterThanOrEqualTo(a)).toBe(true);
        }
      ),
      options
    );
  });
});
