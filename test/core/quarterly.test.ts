/**
 * The four functions of TERMS.md's "Deadlines and certificates": every worked example there, and
 * cases worked by hand from its tables (each comment shows how). Dates are computed by the test's
 * own serial() (Date.UTC), independently of the core's calendar code.
 */
import fc from "fast-check";
import * as core from "../../src/core";
import { failure, ok, serial } from "./support";

const rows = <T>(outcome: core.Outcome<T>) => ok(outcome).value as unknown as (number | string)[][];

describe("BTU.CALENDAR", () => {
  // TERMS.md's table, row by row: 12 single dates, 10 quarter ends, 3 year ends, 7 more = 32.
  const expected: [string, string][] = [
    ["2002-06-26", "FA recitals"],
    ["2003-02-07", "SEP preamble"],
    ["2003-06-29", "SEP 4(d)"],
    ["2003-06-30", "SEP 3"],
    ["2003-06-30", "SEP 3(c)(vi)"],
    ["2003-07-01", "SEP 3(a)"],
    ["2004-01-28", "FA recitals"],
    ["2004-02-07", "LMA III.F"],
    ["2004-06-30", "SEP 3(c)(v)"],
    ["2004-06-30", "SEP 4(d)"],
    ["2004-07-01", "SEP 4(b)(i)"],
    ["2004-10-01", "SEP 4(b)(i)"],
    ["2004-12-31", "FA 1(i)"],
    ["2004-12-31", "FA 1(h)-tnw"],
    ["2005-03-31", "FA 1(i)"],
    ["2005-06-30", "FA 1(i)"],
    ["2005-06-30", "SEP 4(d)"],
    ["2005-07-01", "SEP 4(b)(ii)"],
    ["2005-09-30", "FA 1(i)"],
    ["2005-10-01", "SEP 4(b)(ii)"],
    ["2005-12-31", "FA 1(i)"],
    ["2005-12-31", "FA 1(h)-tnw"],
    ["2006-03-31", "FA 1(i)"],
    ["2006-05-31", "FA 1(a)"],
    ["2006-06-30", "FA 1(i)"],
    ["2006-09-30", "FA 1(i)"],
    ["2006-12-31", "FA 1(i)"],
    ["2006-12-31", "FA 1(h)-tnw"],
    ["2007-03-31", "FA 1(i)"],
    ["2007-03-31", "SEP 4(b)(i)"],
    ["2007-05-31", "FA 1(a)"],
    ["2007-06-30", "SEP 3"],
  ];

  test("ROWS(BTU.CALENDAR()) = 32: every date of the table, in its order, with its clause", () => {
    const all = rows(core.calendarFunction());
    expect(all).toHaveLength(32);
    expect(all.map(([date, , clause]) => [date, clause])).toEqual(
      expected.map(([iso, clause]) => [serial(iso), clause])
    );
    expect(all.every((row) => row.length === 3)).toBe(true);
  });

  test("the events read as the table words them", () => {
    const all = rows(core.calendarFunction());
    expect(all[2][1]).toBe(
      'Last day to end the Transition Period for Good Reason ("before June 30, 2003")'
    );
    expect(all[10][1]).toBe(
      "Three months' notice to end the Consulting Period may be given (Board or Executive)"
    );
    expect(all[13][1]).toBe(
      "Fiscal year end: the minimum tangible net worth steps up by 50% of the year's after-tax income"
    );
    expect(all[29][1]).toBe(
      "Last day to give three months' notice that takes effect by 2007-06-30"
    );
  });

  test("INDEX(BTU.CALENDAR(DATE(2007,1,1)),1,1) = 39172, the last quarter test", () => {
    const later = rows(core.calendarFunction(serial("2007-01-01")));
    expect(later[0][0]).toBe(39172);
    expect(later[0][2]).toBe("FA 1(i)");
    expect(later).toHaveLength(4); // 2007-03-31 ×2, 2007-05-31, 2007-06-30
  });

  test("from and to are inclusive; from after to is #VALUE!; an empty range is #N/A", () => {
    const day = rows(core.calendarFunction(serial("2003-06-30"), serial("2003-06-30")));
    expect(day.map((r) => r[2])).toEqual(["SEP 3", "SEP 3(c)(vi)"]);
    failure(core.calendarFunction(serial("2007-01-01"), serial("2006-01-01")), "#VALUE!");
    const none = failure(core.calendarFunction(serial("2008-01-01")), "#N/A");
    expect(none.message).toContain("no contract date between");
  });
});

describe("BTU.EVENT_DEADLINES", () => {
  const first = (event: core.AgreementEvent, iso: string, holidays?: number[]) =>
    rows(core.eventDeadlines(event, serial(iso), holidays)).map((r) => r[0]);

  test("TERMS.md: the duress notification of 2004-12-20 gives 38373 and 38387", () => {
    // 21 business days: 2005-01-21 (Christmas observed 24 Dec, New Year observed 31 Dec);
    // 10 more: 24–28 Jan and 31 Jan–4 Feb = 2005-02-04.
    expect(first("duress_notification", "2004-12-20")).toEqual([38373, 38387]);
  });

  test("TERMS.md: an insurance cancellation on 2005-03-01 needs notice by 2005-02-19 (38402)", () => {
    expect(first("insurance_cancellation", "2005-03-01")).toEqual([38402]);
  });

  test("calendar-day deadlines, worked from the table", () => {
    expect(first("cause_breach_notice", "2005-01-10")).toEqual([serial("2005-02-09")]); // + 30
    expect(first("good_reason_notice", "2004-03-01")).toEqual([serial("2004-03-11")]); // + 10
    // + 120 (2005-05-01), and + 364: the 365th day counted from the first, 2005-12-31.
    expect(first("disability_start", "2005-01-01")).toEqual([
      serial("2005-05-01"),
      serial("2005-12-31"),
    ]);
    expect(first("overadvance_notice", "2005-06-01")).toEqual([serial("2005-07-01")]); // + 30
    expect(first("records_move", "2005-06-30")).toEqual([serial("2005-05-31")]); // − 30
    expect(first("office_move", "2005-06-30")).toEqual([serial("2005-05-31")]); // − 30
    expect(first("collateral_sale", "2005-06-30")).toEqual([serial("2005-06-20")]); // − 10
  });

  test("courier notice: the next business day (TERMS.md: 2004-12-23 → 2004-12-27)", () => {
    expect(first("courier_notice", "2004-12-23")).toEqual([serial("2004-12-27")]);
    // A closure on Monday the 27th moves it to Tuesday.
    expect(first("courier_notice", "2004-12-23", [serial("2004-12-27")])).toEqual([
      serial("2004-12-28"),
    ]);
  });

  test("the clause id is accepted for the keyword; unknown events and dates before the agreement are #VALUE!", () => {
    expect(core.parseAgreementEvent("4(c)(i)")).toBe("duress_notification");
    expect(core.parseAgreementEvent(" Insurance_Cancellation ")).toBe("insurance_cancellation");
    expect(() => core.parseAgreementEvent("promotion")).toThrow(/cause_breach_notice/);
    failure(core.eventDeadlines("duress_notification", serial("2003-02-06")), "#VALUE!");
    failure(core.eventDeadlines("courier_notice", serial("2004-01-27")), "#VALUE!");
    ok(core.eventDeadlines("courier_notice", serial("2004-01-28")));
  });
});

describe("BTU.COMPLIANCE", () => {
  const ledger = [
    [2004, 2005, 2006],
    [1_200_000, -300_000, 800_000],
  ] as const;
  const certificate = (
    tnw: number,
    income: number,
    liabilities: number,
    watch?: number,
    iso = "2006-12-31"
  ) =>
    rows(
      core.compliance(serial(iso), tnw, [...ledger[0]], [...ledger[1]], income, liabilities, watch)
    );

  test("TERMS.md: (1,5) = 500000.00, (1,7) = WATCH, (3,5) = 2000000.00", () => {
    const c = certificate(11_500_000, 290_000, 21_000_000);
    expect(c[0][4]).toBe(500000);
    expect(c[0][6]).toBe("WATCH");
    expect(c[2][4]).toBe(2000000);
  });

  test("every cell of the three rows, worked by hand", () => {
    const c = certificate(11_500_000, 290_000, 21_000_000);
    // MIN_TNW = 11,000,000 (TERMS.md); share 500,000 ÷ 11,000,000.
    expect(c[0]).toEqual([
      "Minimum Tangible Net Worth",
      "FA 1(h)-tnw",
      11000000,
      11500000,
      500000,
      500000 / 11000000,
      "WATCH",
    ]);
    expect(c[1]).toEqual([
      "Minimum net income for the quarter",
      "FA 1(i)",
      1,
      290000,
      289999,
      "",
      "PASS",
    ]);
    // 21,000,000 ÷ 11,500,000 = 1.826086… → 1.8261; 2 × 11,500,000 = 23,000,000 allowed.
    expect(c[2]).toEqual([
      "Leverage Ratio",
      "FA 1(j)",
      2,
      1.8261,
      2000000,
      2000000 / 23000000,
      "WATCH",
    ]);
  });

  test("a lower watch share turns WATCH into PASS; a shortfall is FAIL", () => {
    const c = certificate(11_500_000, 290_000, 21_000_000, 0.04);
    expect(c.map((r) => r[6])).toEqual(["PASS", "PASS", "PASS"]);
    const short = certificate(10_900_000, 0, 22_000_000);
    // 10,900,000 < 11,000,000; net income 0 < 1; 22,000,000 > 2 × 10,900,000 = 21,800,000.
    expect(short.map((r) => r[6])).toEqual(["FAIL", "FAIL", "FAIL"]);
  });

  test("tangible net worth not positive: leverage FAIL with ratio, headroom and share blank", () => {
    const c = certificate(0, 5, 1_000);
    expect(c[2]).toEqual(["Leverage Ratio", "FA 1(j)", 2, "", "", "", "FAIL"]);
  });

  test("before the quarter ending 2004-12-31 the net income test is NOT TESTED", () => {
    const c = rows(core.compliance(serial("2004-09-30"), 11_500_000, [2004], [1], -5, 1));
    expect(c[1][6]).toBe("NOT TESTED");
  });

  test("a date that is not a quarter end and a watch share outside 0..1 are #VALUE!", () => {
    failure(core.compliance(serial("2006-12-30"), 1, [2004], [1], 1, 1), "#VALUE!", "FA 1(i)");
    failure(core.compliance(serial("2006-12-31"), 1, [2004], [1], 1, 1, 1.5), "#VALUE!");
  });
});

describe("BTU.BORROWING_BASE_CERTIFICATE", () => {
  test("TERMS.md: INDEX(…(5000000,4000000,4000000,250000),13,2) = 1437500.00", () => {
    const c = rows(core.borrowingBaseCertificate(5_000_000, 4_000_000, 4_000_000, 250_000));
    expect(c).toHaveLength(13);
    // Base 4,000,000 + 1,400,000 − 250,000 = 5,150,000; (5,150,000 − 4,000,000) ÷ 80%.
    expect(c.map((r) => r[1])).toEqual([
      5000000, 4000000, 4000000, 1400000, -250000, 0, 5150000, 14000000, 5150000, 4000000, 1150000,
      0, 1437500,
    ]);
    expect(c[1][0]).toBe("Receivables advance (80%)");
    expect(c[3][0]).toBe("Inventory advance (35%, at most $3,500,000)");
    expect(c[11][2]).toBe("SA 13(h)");
  });

  test("rows 2, 4, 7, 9, 11 and 12 equal the single functions on any inputs", () => {
    const amount = fc.integer({ min: 0, max: 50_000_000 });
    fc.assert(
      fc.property(
        amount,
        amount,
        amount,
        amount,
        fc.option(amount, { nil: undefined }),
        (ar, inv, loans, lc, exposure) => {
          const c = rows(core.borrowingBaseCertificate(ar, inv, loans, lc, 0, undefined, exposure));
          const base = ok(core.borrowingBase(ar, inv, lc, 0)).value;
          expect(c[6][1]).toBe(base.toNumber());
          expect(c[3][1]).toBe(ok(core.inventoryAdvance(inv)).value.toNumber());
          expect(c[10][1]).toBe(
            ok(core.availability(base, loans, undefined, exposure)).value.toNumber()
          );
          expect(c[11][1]).toBe(
            ok(core.overadvance(base, loans, undefined, exposure)).value.toNumber()
          );
          // Lending limit = min(base, line); availability = max(0, limit − loans).
          expect(c[8][1]).toBe(Math.min(c[6][1] as number, c[7][1] as number));
        }
      ),
      { numRuns: 200, seed: 2004 }
    );
  });

  test("before the First Amendment the Borrowing Base, and so the certificate, is #N/A", () => {
    failure(
      core.borrowingBaseCertificate(1, 1, 1, 0, 0, undefined, undefined, serial("2004-01-27")),
      "#N/A",
      "FA 1(c)"
    );
  });
});
