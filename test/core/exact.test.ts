/**
 * The fast path of the core's money arithmetic (src/core/exact.ts) against decimal.js, the
 * reference: the same operations on random and boundary amounts give the same value, and the same
 * cents after the one rounding. Amounts given as a Decimal force the decimal.js path through a whole
 * calculation, so each public function is compared with itself on both paths. Seeds are fixed.
 */
import fc from "fast-check";
import {
  Decimal,
  Exact,
  borrowingBase,
  availability,
  overadvance,
  inventoryAdvance,
} from "../../src/core";
import { consultingLump, chairmanLump, remainingFees, feesEarned } from "../../src/core";
import { isoToSerial } from "../../src/core";

const options = { numRuns: 400, seed: 20261202 };
const SAFE_CENTS = Number.MAX_SAFE_INTEGER;

/** Whole cents anywhere up to the edge of the safe integers, and amounts with digits below the cent. */
const cents = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 2_000_000_000 }), weight: 4 },
  { arbitrary: fc.integer({ min: SAFE_CENTS - 1_000_000, max: SAFE_CENTS }), weight: 1 },
  { arbitrary: fc.integer({ min: 0, max: SAFE_CENTS }), weight: 1 }
);
const amount = fc.oneof(
  { arbitrary: cents.map((c) => c / 100), weight: 5 },
  { arbitrary: fc.integer({ min: 0, max: 10_000_000_000 }).map((m) => m / 1000), weight: 2 },
  { arbitrary: fc.double({ min: 0, max: 1e17, noNaN: true }), weight: 1 },
  {
    arbitrary: fc.constantFrom(
      0,
      0.01,
      0.005,
      0.015,
      1e13,
      9.007199254740991e13,
      90071992547409.91
    ),
    weight: 1,
  }
);
const signedAmount = fc.tuple(amount, fc.boolean()).map(([a, negative]) => (negative ? -a : a));

/** decimal.js reads a number as the core does: at Excel's 15 significant digits. */
const asDecimal = (x: number) => new Decimal(Number.isSafeInteger(x) ? x : x.toPrecision(15));
const rounded = (x: Decimal) => x.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);

describe("Exact agrees with decimal.js", () => {
  test("reading a number: whole cents as a fraction, the rest through decimal.js, the same value", () => {
    fc.assert(
      fc.property(signedAmount, (x) => {
        expect(Exact.fromNumber(x).toDecimal().equals(asDecimal(x))).toBe(true);
      }),
      options
    );
  });

  test("plus, minus, times, compare and the rounding to cents", () => {
    const rate = fc.constantFrom("0.8", "0.35", "0.03", "0.6", "0.5", "1", "0.125");
    fc.assert(
      fc.property(signedAmount, signedAmount, rate, (a, b, r) => {
        const [x, y, k] = [Exact.fromNumber(a), Exact.fromNumber(b), Exact.parse(r)];
        const [dx, dy, dk] = [asDecimal(a), asDecimal(b), new Decimal(r)];
        expect(x.plus(y).toDecimal().equals(dx.plus(dy))).toBe(true);
        expect(x.minus(y).toDecimal().equals(dx.minus(dy))).toBe(true);
        expect(x.times(k).toDecimal().equals(dx.times(dk))).toBe(true);
        expect(x.compare(y)).toBe(dx.comparedTo(dy));
        expect(x.times(k).minus(y).toCents().toDecimal().toFixed(2)).toBe(
          rounded(dx.times(dk).minus(dy))
        );
      }),
      options
    );
  });

  test("halves round away from zero, as Excel's ROUND does", () => {
    expect(Exact.fraction(1, 200).toCents().toString()).toBe("0.01");
    expect(Exact.fraction(-1, 200).toCents().toString()).toBe("-0.01");
    expect(Exact.fraction(2_500_000_001, 200_000_000).toCents().toString()).toBe("12.5");
    expect(Exact.fraction(1_249_999_999, 100_000_000).toCents().toString()).toBe("12.5");
    // 10,000,000 + 0.5 × 333,333.33 = 10,166,666.665: a binary float would take it down a cent.
    expect(
      Exact.fromNumber(10_000_000)
        .plus(Exact.fromNumber(333_333.33).times(Exact.parse("0.5")))
        .toCents()
        .toString()
    ).toBe("10166666.67");
  });
});

describe("each fast-path function gives the same cents as on the decimal.js path", () => {
  test("whole cents take the fast path, a Decimal or a sub-cent amount the decimal.js one", () => {
    const value = (o: ReturnType<typeof borrowingBase>) => (o.ok ? o.value : undefined);
    expect(value(borrowingBase(5_000_000, 4_000_000, 250_000))?.decimal).toBeUndefined();
    expect(value(consultingLump(isoToSerial("2005-03-31"), "voluntary"))?.decimal).toBeUndefined();
    expect(value(borrowingBase(new Decimal(5_000_000), 4_000_000, 250_000))?.decimal).toBeDefined();
    expect(value(borrowingBase(5_000_000.005, 4_000_000, 250_000))?.decimal).toBeDefined();
  });

  const same = (fast: { ok: boolean; value?: Exact }, slow: { ok: boolean; value?: Exact }) => {
    expect(fast.ok).toBe(slow.ok);
    if (fast.ok && slow.ok)
      expect(fast.value!.toDecimal().toFixed(2)).toBe(slow.value!.toDecimal().toFixed(2));
  };
  const D = (x: number) => asDecimal(x);

  test("BORROWING_BASE and INVENTORY_ADVANCE", () => {
    fc.assert(
      fc.property(amount, amount, amount, amount, (ar, inv, lc, drawn) => {
        same(borrowingBase(ar, inv, lc, drawn), borrowingBase(D(ar), D(inv), D(lc), D(drawn)));
        same(inventoryAdvance(inv), inventoryAdvance(D(inv)));
      }),
      options
    );
  });

  test("AVAILABILITY and OVERADVANCE, with and without letter-of-credit exposure", () => {
    fc.assert(
      fc.property(
        signedAmount,
        amount,
        fc.option(amount, { nil: undefined }),
        fc.option(amount, { nil: undefined }),
        (base, loans, line, lc) => {
          const dLine = line === undefined ? undefined : D(line);
          const dLc = lc === undefined ? undefined : D(lc);
          same(availability(base, loans, line, lc), availability(D(base), D(loans), dLine, dLc));
          same(overadvance(base, loans, line, lc), overadvance(D(base), D(loans), dLine, dLc));
        }
      ),
      options
    );
  });
});

/**
 * The fee functions take dates, not amounts: their reference is the formula of TERMS.md written
 * here in decimal.js, each day of a contract year earning annual fee ÷ its days.
 */
describe("the fee functions against the formula in decimal.js", () => {
  const YEARS = [
    ["2003-07-01", "2004-06-30", 366],
    ["2004-07-01", "2005-06-30", 365],
    ["2005-07-01", "2006-06-30", 365],
    ["2006-07-01", "2007-06-30", 365],
  ].map(([start, end, days]) => ({
    start: isoToSerial(start as string),
    end: isoToSerial(end as string),
    days: days as number,
  }));
  const yearsBetween = (from: number, to: number) =>
    YEARS.reduce((sum, cy) => {
      const days = Math.min(to, cy.end) - Math.max(from, cy.start) + 1;
      return days > 0 ? sum.plus(new Decimal(days).dividedBy(cy.days)) : sum;
    }, new Decimal(0));
  const remaining = (t: number) => yearsBetween(t + 1, isoToSerial("2007-06-30"));
  const fee = { consulting: new Decimal(204000), chairman: new Decimal(100000) };
  const date = fc.integer({ min: isoToSerial("2003-01-01"), max: isoToSerial("2007-06-30") });
  const shown = (outcome: { ok: boolean; value?: Exact }) =>
    outcome.ok ? outcome.value!.toDecimal().toFixed(2) : "error";

  test("REMAINING_FEES and FEES_EARNED", () => {
    fc.assert(
      fc.property(date, date, (a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        expect(shown(remainingFees(a))).toBe(rounded(fee.consulting.times(remaining(a))));
        expect(shown(feesEarned(from, to, "both"))).toBe(
          rounded(fee.consulting.plus(fee.chairman).times(yearsBetween(from, to)))
        );
      }),
      options
    );
  });

  test("the lump sums: remainder for board, the simple 3% discount for voluntary", () => {
    const voluntaryFrom = isoToSerial("2004-10-01");
    fc.assert(
      fc.property(fc.integer({ min: voluntaryFrom, max: isoToSerial("2007-06-30") }), (t) => {
        const years = remaining(t);
        const simple = (annual: Decimal) =>
          annual.times(years).times(new Decimal(1).minus(new Decimal("0.03").times(years)));
        expect(shown(consultingLump(t, "board"))).toBe(rounded(fee.consulting.times(years)));
        expect(shown(consultingLump(t, "voluntary"))).toBe(rounded(simple(fee.consulting)));
        // 4(h): 60% of the consulting remainder continues after a disability termination.
        expect(shown(consultingLump(t, "disability"))).toBe(
          rounded(fee.consulting.times(years).times("0.6"))
        );
        if (t >= isoToSerial("2005-10-01"))
          expect(shown(chairmanLump(t, "voluntary"))).toBe(rounded(simple(fee.chairman)));
      }),
      options
    );
  });
});
