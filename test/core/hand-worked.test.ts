/**
 * Cases worked out by hand from the contract text and the conventions of TERMS.md. Each comment
 * shows the arithmetic; contract years are CY1 2003-07-01..2004-06-30 (366 days) and CY2..CY4
 * (365 days each), and Y(T) counts the days after T through 2007-06-30 as 1/days of their year.
 */
import {
  availability,
  calculate,
  parseDiscountMethod,
  parseNoticeMethod,
  parseTerminationType,
  borrowingBase,
  chairmanLump,
  changeOfControl,
  consultingLump,
  contractYear,
  crossDefault,
  disabilityNoticeDate,
  duressShares,
  edate,
  electionDeadline,
  facilityTerminationDate,
  feeSchedule,
  feesEarned,
  inventoryAdvance,
  isoToSerial,
  leverageMax,
  leverageTest,
  minTnw,
  netIncomeTest,
  noticeEffective,
  optionExpiry,
  overadvance,
  remainingFees,
  serialOf,
  serialToIso,
  shareTransferDeadline,
  splitDollarBuyout,
  splitDollarCompanyInterest,
  termValue,
  terminationDate,
  tnwHeadroom,
  tnwLedger,
  workdayFunction,
} from "../../src/core";
import { cents, explanationText, failure, ok, serial, value } from "./support";

/** A date result checked both ways: as the serial Excel stores and as the ISO date a reader sees. */
function expectDate(result: number, iso: string): void {
  expect(result).toBe(serial(iso));
  expect(serialToIso(result)).toBe(iso);
}

describe("termination payments (SEP 4)", () => {
  describe("board, 4(b): windows open three months after notice may first be given", () => {
    test("chairman on 2005-10-01 (notice from 2005-07-01 + 3 months) pays the remainder", () => {
      // Days after 2005-10-01 in CY3: Oct 2..Jun 30 = 30+30+31+31+28+31+30+31+30 = 272 of 365; CY4 whole.
      // 100000 × (272/365 + 1) = 100000 × 637/365 = 174520.547… → 174520.55
      expect(cents(chairmanLump(serial("2005-10-01"), "board"))).toBe("174520.55");
    });

    test("chairman on 2005-09-30 is #VALUE! naming 4(b)(ii) and the window date 2005-10-01", () => {
      const fail = failure(chairmanLump(serial("2005-09-30"), "board"), "#VALUE!", "SEP 4(b)(ii)");
      expect(fail.message).toContain("2005-10-01");
    });

    test("the chairman explanation says 4(b)(ii) needs the Consulting Period ended too", () => {
      const text = explanationText(chairmanLump(serial("2005-10-01"), "board"));
      expect(text).toMatch(/simultaneously or previously ended the Consulting Period/);
    });

    test("consulting on 2005-03-31 equals change_of_control and not_elected on that date", () => {
      // 91 days of CY2 (Apr 1..Jun 30) + CY3 + CY4: 204000 × (2 + 91/365) = 458860.273… → 458860.27
      for (const type of ["board", "change_of_control", "not_elected"] as const) {
        expect(cents(consultingLump(serial("2005-03-31"), type))).toBe("458860.27");
      }
    });

    test("chairman not_elected on 2005-03-31 pays its own remainder", () => {
      // 100000 × 821/365 = 224931.506… → 224931.51
      expect(cents(chairmanLump(serial("2005-03-31"), "not_elected"))).toBe("224931.51");
    });
  });

  describe("voluntary, 4(c): same windows as board, less 3% a year", () => {
    test("consulting on 2004-10-01 (window opens) pays the simply discounted remainder", () => {
      // Y = 272/365 (Oct 2 2004..Jun 30 2005) + 2 = 1002/365 = 2.745205…
      // remainder 204000 × 1002/365 = 560021.917…; × (1 − 0.03 × 1002/365 = 0.917643…) = 513900.66
      expect(cents(consultingLump(serial("2004-10-01"), "voluntary"))).toBe("513900.66");
    });

    test("consulting on 2004-09-30 is #VALUE! with the window date in the message", () => {
      const fail = failure(
        consultingLump(serial("2004-09-30"), "voluntary"),
        "#VALUE!",
        "SEP 4(c)(i)"
      );
      expect(fail.message).toContain("2004-10-01");
      expect(fail.message).toContain("2004-07-01");
    });

    test("chairman on 2005-10-01 pays the simply discounted remainder", () => {
      // 100000 × 637/365 = 174520.547…; × (1 − 0.03 × 637/365 = 0.947643…) = 165383.32
      expect(cents(chairmanLump(serial("2005-10-01"), "voluntary"))).toBe("165383.32");
    });

    test("the explanation shows the simple and present-value figures and says which the cell used", () => {
      const simple = consultingLump(serial("2006-06-30"), "voluntary");
      const simpleExplanation = ok(simple).explanation;
      expect(
        simpleExplanation.steps.some((s) => /simple/i.test(s.label) && s.figure === "$197,880.00")
      ).toBe(true);
      expect(
        simpleExplanation.alternatives.some(
          (a) => /present.value/i.test(a.label) && a.figure === "$201,006.35"
        )
      ).toBe(true);
      expect(simpleExplanation.interpretation).toMatch(/simple/);

      const pv = consultingLump(serial("2006-06-30"), "voluntary", "pv");
      const pvExplanation = ok(pv).explanation;
      expect(
        pvExplanation.steps.some(
          (s) => /present value/i.test(s.label) && s.figure === "$201,006.35"
        )
      ).toBe(true);
      expect(
        pvExplanation.alternatives.some(
          (a) => /simple/i.test(a.label) && a.figure === "$197,880.00"
        )
      ).toBe(true);
      expect(pvExplanation.interpretation).toMatch(/present value/);
    });

    test("the readers of type and method ignore case and accept the clause id", () => {
      for (const type of ["VOLUNTARY", "Voluntary", "4(c)", "SEP 4(c)"]) {
        expect(cents(consultingLump(serial("2005-03-31"), parseTerminationType(type)))).toBe(
          "427896.63"
        );
      }
      expect(
        cents(consultingLump(serial("2006-06-30"), "voluntary", parseDiscountMethod("PV")))
      ).toBe("201006.35");
    });

    test("an unknown type or method is #VALUE! listing the keywords", () => {
      expect(
        failure(
          calculate(() => parseTerminationType("fired") as never),
          "#VALUE!"
        ).message
      ).toContain('"voluntary"');
      expect(
        failure(
          calculate(() => parseDiscountMethod("annuity") as never),
          "#VALUE!"
        ).message
      ).toContain('"pv"');
    });
  });

  describe("good_reason, 4(d): only before the window closes", () => {
    test("consulting on 2004-06-30 pays the whole remainder of CY2..CY4", () => {
      // 204000 × 3 = 612000.00
      expect(cents(consultingLump(serial("2004-06-30"), "good_reason"))).toBe("612000.00");
    });

    test("consulting on 2004-07-01 is #VALUE! naming the last permitted date", () => {
      const fail = failure(
        consultingLump(serial("2004-07-01"), "good_reason"),
        "#VALUE!",
        "SEP 4(d)"
      );
      expect(fail.message).toContain("2004-06-30");
    });

    test("chairman on 2005-06-30 pays CY3 and CY4; on 2005-07-01 it is #VALUE!", () => {
      // 100000 × 2 = 200000.00
      expect(cents(chairmanLump(serial("2005-06-30"), "good_reason"))).toBe("200000.00");
      expect(
        failure(chairmanLump(serial("2005-07-01"), "good_reason"), "#VALUE!", "SEP 4(d)").message
      ).toContain("2005-06-30");
    });
  });

  test("disability, 4(h): 60% of the consulting remainder; chairman 0", () => {
    // 0.6 × 204000 × 821/365 = 275316.164… → 275316.16
    expect(cents(consultingLump(serial("2005-03-31"), "disability"))).toBe("275316.16");
    expect(cents(chairmanLump(serial("2005-03-31"), "disability"))).toBe("0.00");
  });

  test("cause, 4(a): nothing on either stream", () => {
    expect(cents(consultingLump(serial("2004-01-15"), "cause"))).toBe("0.00");
    expect(cents(chairmanLump(serial("2006-01-15"), "cause"))).toBe("0.00");
  });

  test("death after 2003-06-30 (4(g) 'subsequent to'): 0 on both streams", () => {
    expect(cents(consultingLump(serial("2003-07-15"), "death"))).toBe("0.00");
    expect(cents(chairmanLump(serial("2003-07-15"), "death"))).toBe("0.00");
  });

  test("death before 2003-06-30: the chairman remainder is the whole four years", () => {
    // 100000 × 4 = 400000.00
    expect(cents(chairmanLump(serial("2003-05-15"), "death"))).toBe("400000.00");
  });

  test("a termination after 2007-06-30 is #VALUE! for every type", () => {
    for (const type of [
      "cause",
      "board",
      "voluntary",
      "change_of_control",
      "not_elected",
      "death",
      "disability",
    ] as const) {
      expect(failure(consultingLump(serial("2007-07-01"), type), "#VALUE!").message).toContain(
        "2007-06-30"
      );
    }
  });

  test("on 2007-06-30 nothing remains", () => {
    expect(cents(consultingLump(serial("2007-06-30"), "board"))).toBe("0.00");
    expect(cents(chairmanLump(serial("2007-06-30"), "voluntary", "pv"))).toBe("0.00");
  });
});

describe("fee accrual (SEP 3(a), 3(b))", () => {
  test("REMAINING_FEES for both streams rounds once, not per stream", () => {
    // After 2003-07-04: Jul 5..Jun 30 2004 = 362 of 366 days of CY1, plus 3 years: Y = 3 + 362/366 = 730/183.
    // consulting 204000 × 730/183 = 813770.491… → 813770.49; chairman 100000 × 730/183 = 398907.103… → 398907.10
    // rounded separately they add to 1212677.59; once: 304000 × 730/183 = 1212677.595… → 1212677.60
    const t = serial("2003-07-04");
    expect(cents(remainingFees(t, "consulting"))).toBe("813770.49");
    expect(cents(remainingFees(t, "chairman"))).toBe("398907.10");
    expect(cents(remainingFees(t, "both"))).toBe("1212677.60");
  });

  test("a date before 2003-07-01 leaves the whole four years; 2007-06-30 leaves nothing; later is #VALUE!", () => {
    expect(cents(remainingFees(serial("2003-01-01")))).toBe("816000.00");
    expect(cents(remainingFees(serial("2003-06-30"), "both"))).toBe("1216000.00");
    expect(cents(remainingFees(serial("2007-06-30")))).toBe("0.00");
    failure(remainingFees(serial("2007-07-01")), "#VALUE!");
  });

  test("the accrual explanation says fees run from 2003-07-01", () => {
    expect(ok(remainingFees(serial("2004-06-30"))).explanation.interpretation).toContain(
      "2003-07-01"
    );
  });

  test("FEES_EARNED across the CY1/CY2 boundary counts days/366 then days/365", () => {
    // 2004-06-01..2004-06-30 = 30 days of CY1, 2004-07-01..2004-07-31 = 31 days of CY2.
    // consulting 204000 × (30/366 + 31/365) = 16721.311… + 17326.027… = 34047.339… → 34047.34
    // both 304000 × (30/366 + 31/365) = 50737.208… → 50737.21
    expect(cents(feesEarned(serial("2004-06-01"), serial("2004-07-31")))).toBe("34047.34");
    expect(cents(feesEarned(serial("2004-06-01"), serial("2004-07-31"), "both"))).toBe("50737.21");
  });

  test("FEES_EARNED is 0 before accrual starts and #VALUE! when the dates are reversed", () => {
    expect(cents(feesEarned(serial("2003-06-01"), serial("2003-06-30")))).toBe("0.00");
    failure(feesEarned(serial("2004-07-31"), serial("2004-06-01")), "#VALUE!", "SEP 3(a)");
  });

  test("a whole contract year earns exactly the annual fee", () => {
    expect(cents(feesEarned(serial("2003-07-01"), serial("2004-06-30")))).toBe("204000.00");
    expect(cents(feesEarned(serial("2006-07-01"), serial("2007-06-30"), "chairman"))).toBe(
      "100000.00"
    );
  });

  test("FEE_SCHEDULE keeps rows whose pay date is in from..to inclusive", () => {
    // Pay dates 2003-07-14 and 2003-07-28; each 14 × 204000/366 = 7803.278…; cumulative 15606.557… → 15606.56
    const rows = value(feeSchedule("consulting", serial("2003-07-14"), serial("2003-07-28")));
    expect(rows).toEqual([
      [serial("2003-07-14"), 7803.28],
      [serial("2003-07-28"), 7803.28],
    ]);
  });

  test("FEE_SCHEDULE for both rounds the summed streams, 105 rows adding to 1216000.00", () => {
    // First row: 14 × 304000/366 = 11628.415… → 11628.42
    const rows = value(feeSchedule("both"));
    expect(rows).toHaveLength(105);
    expect(rows[0]).toEqual([serial("2003-07-14"), 11628.42]);
    const totalCents = rows.reduce((sum, [, amount]) => sum + Math.round(amount * 100), 0);
    expect(totalCents).toBe(121600000);
  });

  test("FEE_SCHEDULE with no pay date in range is #VALUE!", () => {
    failure(
      feeSchedule("consulting", serial("2003-07-15"), serial("2003-07-20")),
      "#VALUE!",
      "SEP 3(a)"
    );
  });

  test("CONTRACT_YEAR boundaries", () => {
    expect(value(contractYear(serial("2003-07-01")))).toBe(1);
    expect(value(contractYear(serial("2004-06-30")))).toBe(1);
    expect(value(contractYear(serial("2004-07-01")))).toBe(2);
    expect(value(contractYear(serial("2007-06-30")))).toBe(4);
    failure(contractYear(serial("2003-06-30")), "#VALUE!", "SEP 3(b)");
    failure(contractYear(serial("2007-07-01")), "#VALUE!", "SEP 3(b)");
  });
});

describe("TERMINATION_DATE (three months' notice = EDATE + 3)", () => {
  test("board notice on 2004-07-01 takes effect on 2004-10-01", () => {
    expectDate(value(terminationDate(serial("2004-07-01"), "board")), "2004-10-01");
  });

  test("board notice on 2004-06-30 precedes the consulting window", () => {
    expect(
      failure(terminationDate(serial("2004-06-30"), "board"), "#VALUE!", "SEP 4(b)(i)").message
    ).toContain("2004-07-01");
  });

  test("voluntary chairman notice on 2005-06-30 precedes its window", () => {
    expect(
      failure(
        terminationDate(serial("2005-06-30"), "voluntary", "chairman"),
        "#VALUE!",
        "SEP 4(c)(ii)"
      ).message
    ).toContain("2005-07-01");
  });

  test("both streams need both windows, so notice from 2005-07-01", () => {
    expect(
      failure(terminationDate(serial("2005-06-30"), "board", "both"), "#VALUE!").message
    ).toContain("2005-07-01");
    expectDate(value(terminationDate(serial("2005-07-01"), "board", "both")), "2005-10-01");
  });

  test("notice on 2007-04-01 would take effect 2007-07-01, after the periods: #VALUE!", () => {
    const fail = failure(terminationDate(serial("2007-04-01"), "board"), "#VALUE!", "SEP 4(b)(i)");
    expect(fail.message).toContain("2007-07-01");
    expect(fail.message).toContain("2007-06-30");
  });

  test("notice on 2007-03-31 is the last that works (EDATE gives 2007-06-30), and the error says so", () => {
    expectDate(value(terminationDate(serial("2007-03-31"), "voluntary", "chairman")), "2007-06-30");
    // The fix the message proposes must itself work: EDATE(2007-03-31, 3) = 2007-06-30.
    expect(
      failure(terminationDate(serial("2007-04-01"), "voluntary"), "#VALUE!").message
    ).toContain("give notice by 2007-03-31");
  });

  test("EDATE clamps to the month end: 2006-11-30 + 3 months = 2007-02-28", () => {
    expectDate(value(terminationDate(serial("2006-11-30"), "board")), "2007-02-28");
  });

  test("every other type takes effect on the notice date itself", () => {
    for (const type of [
      "cause",
      "good_reason",
      "change_of_control",
      "not_elected",
      "death",
      "disability",
    ] as const) {
      expectDate(value(terminationDate(serial("2005-02-15"), type)), "2005-02-15");
    }
  });
});

describe("OPTION_EXPIRY (SEP 3(c)(iv)(A))", () => {
  test("good_reason and change_of_control: everything vests, EDATE(T, 12)", () => {
    for (const type of ["good_reason", "change_of_control"] as const) {
      expectDate(value(optionExpiry(serial("2004-03-15"), type)), "2005-03-15");
      expectDate(
        value(optionExpiry(serial("2004-03-15"), type, serial("2004-09-01"))),
        "2005-03-15"
      );
    }
  });

  test("board, not_elected, death, disability: vested EDATE(T, 12); unvested vest date + 90", () => {
    // 2005-06-15 + 90: 15 days to Jun 30, +31 (Jul) = 46, +31 (Aug) = 77, +13 → 2005-09-13
    for (const type of ["board", "not_elected", "death", "disability"] as const) {
      expectDate(value(optionExpiry(serial("2005-03-31"), type)), "2006-03-31");
      expectDate(
        value(optionExpiry(serial("2005-03-31"), type, serial("2005-06-15"))),
        "2005-09-13"
      );
    }
  });

  test("cause and voluntary: vested T + 90; unvested forfeited (#N/A)", () => {
    // 2004-02-29 + 90: 31 (Mar) + 30 (Apr) = 61, + 29 → 2004-05-29
    for (const type of ["cause", "voluntary"] as const) {
      expectDate(value(optionExpiry(serial("2004-02-29"), type)), "2004-05-29");
      failure(
        optionExpiry(serial("2004-02-29"), type, serial("2004-06-01")),
        "#N/A",
        "SEP 3(c)(iv)(A)"
      );
    }
  });

  test("a vest date on the termination date means vested", () => {
    expectDate(
      value(optionExpiry(serial("2005-03-31"), "board", serial("2005-03-31"))),
      "2006-03-31"
    );
    expectDate(
      value(optionExpiry(serial("2005-03-31"), "voluntary", serial("2005-03-31"))),
      "2005-06-29"
    );
  });

  test("EDATE(2004-02-29, 12) clamps to 2005-02-28", () => {
    expectDate(value(optionExpiry(serial("2004-02-29"), "board")), "2005-02-28");
  });
});

describe("business-day deadlines", () => {
  test("ELECTION_DEADLINE with an extra holiday moves one business day later", () => {
    // Worked example 2004-12-20 → 2005-01-21; closing 2005-01-10 as well → Monday 2005-01-24.
    expectDate(value(electionDeadline(serial("2004-12-20"), [serial("2005-01-10")])), "2005-01-24");
  });

  test("an extra holiday on a federal holiday or a weekend changes nothing", () => {
    // 2005-01-17 is already Martin Luther King Jr. Day; 2005-01-15 is a Saturday.
    expectDate(
      value(electionDeadline(serial("2004-12-20"), [serial("2005-01-17"), serial("2005-01-15")])),
      "2005-01-21"
    );
  });

  test("SHARE_TRANSFER_DEADLINE is 10 business days, with or without an extra holiday", () => {
    // From Friday 2005-01-21: Jan 24-28 (5), Jan 31, Feb 1-4 (10) → 2005-02-04; closing Feb 1 → Monday 2005-02-07.
    expectDate(value(shareTransferDeadline(serial("2005-01-21"))), "2005-02-04");
    expectDate(
      value(shareTransferDeadline(serial("2005-01-21"), [serial("2005-02-01")])),
      "2005-02-07"
    );
  });

  test("DISABILITY_NOTICE_DATE is the first day + 120", () => {
    // 2005-01-01 + 120: Jan 31 (30) + Feb (58) + Mar (89) + Apr (119) + 1 → 2005-05-01
    expectDate(value(disabilityNoticeDate(serial("2005-01-01"))), "2005-05-01");
  });
});

describe("NOTICE_EFFECTIVE (SA 21)", () => {
  test("fax is effective the day sent, even on a weekend or a holiday", () => {
    expectDate(value(noticeEffective(serial("2004-12-25"), "fax")), "2004-12-25");
    expectDate(value(noticeEffective(serial("2004-12-31"), "fax")), "2004-12-31");
  });

  test("sent on a Friday: fax the same day, courier on Monday", () => {
    expectDate(value(noticeEffective(serial("2005-03-04"), "fax")), "2005-03-04");
    expectDate(value(noticeEffective(serial("2005-03-04"), "courier")), "2005-03-07");
  });

  test("courier over the observed New Year's Day 2005 (Friday 2004-12-31) lands on 2005-01-03", () => {
    expectDate(value(noticeEffective(serial("2004-12-30"), "courier")), "2005-01-03");
  });

  test("an unknown method is #VALUE!", () => {
    expect(
      failure(
        calculate(() => parseNoticeMethod("pigeon") as never),
        "#VALUE!"
      ).message
    ).toContain('"courier"');
  });
});

describe("WORKDAY, as Excel counts it", () => {
  test("negative days count back over the observed New Year's Day", () => {
    // From Monday 2005-01-03, one back skips the weekend and Friday 2004-12-31 (observed) → 2004-12-30.
    expectDate(value(workdayFunction(serial("2005-01-03"), -1)), "2004-12-30");
    expectDate(value(workdayFunction(serial("2005-01-18"), -1)), "2005-01-14");
  });

  test("zero days return the start unchanged, even on a Saturday", () => {
    expectDate(value(workdayFunction(serial("2005-03-05"), 0)), "2005-03-05");
  });

  test("a weekend start counts from the next business day; fractions are truncated", () => {
    expectDate(value(workdayFunction(serial("2005-03-05"), 1)), "2005-03-07");
    expectDate(value(workdayFunction(serial("2005-03-04"), 1.9)), "2005-03-07");
    expectDate(value(workdayFunction(serial("2005-03-04") + 0.75, 1)), "2005-03-07");
  });

  test("Juneteenth is a holiday from 2021 on, observed like the others", () => {
    // 2021-06-19 is a Saturday → observed Friday 2021-06-18; 2022-06-19 a Sunday → Monday 2022-06-20.
    expectDate(value(workdayFunction(serial("2021-06-17"), 1)), "2021-06-21");
    expectDate(value(workdayFunction(serial("2022-06-17"), 1)), "2022-06-21");
    // Friday 2020-06-19 was an ordinary business day.
    expectDate(value(workdayFunction(serial("2020-06-18"), 1)), "2020-06-19");
  });

  test("July 4 2004 (Sunday) is observed Monday July 5; Christmas 2004 (Saturday) Friday Dec 24", () => {
    expectDate(value(workdayFunction(serial("2004-07-02"), 1)), "2004-07-06");
    expectDate(value(workdayFunction(serial("2004-12-23"), 1)), "2004-12-27");
  });

  test("New Year's Day 2011 (Saturday) is observed Friday 2010-12-31", () => {
    expectDate(value(workdayFunction(serial("2010-12-30"), 1)), "2011-01-03");
  });
});

describe("duress shares and the split-dollar policy", () => {
  test("DURESS_SHARES takes whole shares and shows the cash left", () => {
    // 458860.27 ÷ 3.17 = 144750.87…; 144750 × 3.17 = 458857.50, leaving 2.77
    const outcome = duressShares(458860.27, 3.17);
    expect(value(outcome)).toBe(144750);
    expect(ok(outcome).explanation.steps.find((s) => /cash left/i.test(s.label))?.figure).toBe(
      "$2.77"
    );
  });

  test("DURESS_SHARES with a portion converts only that share of the lump", () => {
    // 458860.27 × 0.5 = 229430.135; ÷ 3.17 = 72375.43…; 72375 × 3.17 = 229428.75, leaving 1.385 → $1.39
    const outcome = duressShares(458860.27, 3.17, 0.5);
    expect(value(outcome)).toBe(72375);
    expect(ok(outcome).explanation.steps.find((s) => /cash left/i.test(s.label))?.figure).toBe(
      "$1.39"
    );
  });

  test("DURESS_SHARES on an exact multiple leaves no cash; a price of 0 is #VALUE!", () => {
    expect(value(duressShares(1000, 2.5))).toBe(400);
    failure(duressShares(1000, 0), "#VALUE!", "SEP 4(c)(i)");
  });

  test("SPLIT_DOLLAR_COMPANY_INTEREST grows pro rata from $232,000", () => {
    // 232000 / 290000 = 0.8 of (400000 − 20000) = 304000.00
    expect(cents(splitDollarCompanyInterest(400000, 290000, 20000))).toBe("304000.00");
    expect(cents(splitDollarCompanyInterest(290000, 290000))).toBe("232000.00");
    failure(splitDollarCompanyInterest(400000, 200000), "#VALUE!", "SEP 3(c)(iii)(B)");
  });

  test("SPLIT_DOLLAR_BUYOUT compound and simple", () => {
    // compound 304000 ÷ 1.03^10 = 304000 × 0.744093914… = 226204.549… → 226204.55
    // simple 304000 × (1 − 0.03 × 10) = 212800.00
    expect(cents(splitDollarBuyout(304000, 10))).toBe("226204.55");
    expect(cents(splitDollarBuyout(304000, 10, "simple"))).toBe("212800.00");
  });

  test("SPLIT_DOLLAR_BUYOUT simple is #VALUE! beyond 33⅓ years; compound still works", () => {
    failure(splitDollarBuyout(304000, 33.34, "simple"), "#VALUE!", "SEP 3(c)(iii)(B)");
    // At 33⅓ years exactly (to 15 digits) the simple factor is a hair above 0: nothing is left.
    expect(cents(splitDollarBuyout(304000, 100 / 3, "simple"))).toBe("0.00");
    expect(ok(splitDollarBuyout(304000, 34)).value.toDecimal().greaterThan(0)).toBe(true);
  });

  test("CHANGE_OF_CONTROL needs more than 50%", () => {
    expect(value(changeOfControl(0.5))).toBe(false);
    expect(value(changeOfControl(0.5000001))).toBe(true);
    failure(changeOfControl(1.5), "#VALUE!", "SEP 7(b)");
  });
});

describe("borrowing base and the line (FA 1(b), LMA I.A, SA 13(h))", () => {
  test("the base may be negative", () => {
    // 0 + 0 − 100,000 = −100,000; and 80% × 1,000,000 + 0 − (500,000 + 400,000) = −100,000
    expect(cents(borrowingBase(0, 0, 100000))).toBe("-100000.00");
    expect(cents(borrowingBase(1000000, 0, 500000, 400000))).toBe("-100000.00");
  });

  test("as_of before 2004-01-28 is #N/A citing FA 1(c); from 2004-01-28 the amended formula applies", () => {
    const fail = failure(
      borrowingBase(5000000, 4000000, 250000, 0, serial("2004-01-27")),
      "#N/A",
      "FA 1(c)"
    );
    expect(fail.message).toContain("2004-01-28");
    expect(cents(borrowingBase(5000000, 4000000, 250000, 0, serial("2004-01-28")))).toBe(
      "5150000.00"
    );
  });

  test("a negative input is #VALUE!", () => {
    failure(borrowingBase(-1, 0), "#VALUE!", "FA 1(b)");
    failure(borrowingBase(0, 0, -5), "#VALUE!", "FA 1(b)");
  });

  test("INVENTORY_ADVANCE at the cap boundary", () => {
    // 10,000,000 × 35% = 3,500,000 exactly; 9,999,999 × 35% = 3,499,999.65; above it the cap holds.
    expect(cents(inventoryAdvance(10000000))).toBe("3500000.00");
    expect(cents(inventoryAdvance(9999999))).toBe("3499999.65");
    expect(cents(inventoryAdvance(10000001))).toBe("3500000.00");
  });

  test("AVAILABILITY without lc_exposure uses the full $14,000,000 line", () => {
    expect(cents(availability(5150000, 2000000))).toBe("3150000.00"); // 5,150,000 − 2,000,000
    expect(cents(availability(20000000, 10000000))).toBe("4000000.00"); // min(14M, 20M) − 10M
    expect(cents(availability(20000000, 4000000, 10000000))).toBe("6000000.00"); // commitment given: min(10M, 20M) − 4M
    expect(cents(availability(-100000, 0))).toBe("0.00");
  });

  test("AVAILABILITY with lc_exposure shrinks the line, never the base a second time", () => {
    // min(14M − 1M, 20M) − 10M = 3,000,000
    expect(cents(availability(20000000, 10000000, undefined, 1000000))).toBe("3000000.00");
    // The base 5,150,000 already nets the 250,000 of letters of credit: min(13.75M, 5.15M) − 0 = 5,150,000
    expect(cents(availability(5150000, 0, undefined, 250000))).toBe("5150000.00");
  });

  test("OVERADVANCE with and without lc_exposure", () => {
    expect(cents(overadvance(5150000, 6000000))).toBe("850000.00"); // 6,000,000 − 5,150,000
    expect(cents(overadvance(20000000, 13500000))).toBe("0.00"); // under min(14M, 20M)
    expect(cents(overadvance(20000000, 13500000, undefined, 1000000))).toBe("500000.00"); // 13.5M − 13M
    expect(cents(overadvance(-100000, 50000))).toBe("150000.00"); // 50,000 − (−100,000)
  });

  test("the explanation names both readings of letters of credit", () => {
    const withExposure = ok(overadvance(20000000, 13500000, undefined, 1000000)).explanation;
    expect(withExposure.interpretation).toMatch(/not deducted from it twice/);
    expect(withExposure.alternatives.map((a) => a.figure)).toContain("$0.00");
    expect(ok(availability(20000000, 10000000)).explanation.alternatives).toHaveLength(1);
  });
});

describe("minimum tangible net worth (FA 1(h)-tnw)", () => {
  const years = [2004, 2005, 2006];
  const incomes = [1200000, -300000, 800000];

  test("running_total: a loss is made good by later profits before the minimum steps up again", () => {
    // after 2004: max(10M, 10M + 0.5 × 1.2M) = 10.6M
    // after 2005: running 0.9M → 10.45M; max(10.6M, 10.45M) = 10.6M
    // after 2006: running 1.7M → 10.85M; max(10.6M, 10.85M) = 10,850,000
    expect(cents(minTnw(serial("2006-12-31"), years, incomes, "running_total"))).toBe(
      "10850000.00"
    );
  });

  test("the explanation shows both readings", () => {
    const outcome = minTnw(serial("2006-12-31"), years, incomes);
    expect(ok(outcome).explanation.alternatives.map((a) => a.figure)).toContain("$10,850,000.00");
  });

  test("before 2004-01-28 the original covenant applies: $20,000,000 and income from FY2002", () => {
    // Test date 2003-12-31: FY2001 is before the base year; 20,000,000 + 50% × 1,000,000 + nothing for the 2003 loss.
    expect(
      cents(minTnw(serial("2003-12-31"), [2001, 2002, 2003], [9000000, 1000000, -400000]))
    ).toBe("20500000.00");
    // On 2004-01-27 FY2002 and FY2003 both count: 20,000,000 + 50% × (1,000,000 + 1,000,000) = 21,000,000
    expect(cents(minTnw(serial("2004-01-27"), [2002, 2003], [1000000, 1000000]))).toBe(
      "21000000.00"
    );
    // From 2004-01-28 the amended base applies and FY2002/FY2003 no longer count.
    expect(cents(minTnw(serial("2004-01-28"), [2002, 2003], [1000000, 1000000]))).toBe(
      "10000000.00"
    );
  });

  test("years before the base year are ignored; a year ending after the test date does not count yet", () => {
    // 10,000,000 + 50% × 1,000,000 (FY2003 ignored)
    expect(cents(minTnw(serial("2004-12-31"), [2003, 2004], [5000000, 1000000]))).toBe(
      "10500000.00"
    );
    expect(cents(minTnw(serial("2004-12-30"), [2004], [1000000]))).toBe("10000000.00");
  });

  test("a year given twice is #VALUE!", () => {
    expect(
      failure(minTnw(serial("2006-12-31"), [2004, 2004], [1, 2]), "#VALUE!", "FA 1(h)-tnw").message
    ).toContain("2004");
  });

  test("TNW_HEADROOM is actual less required, negative when breached", () => {
    expect(cents(tnwHeadroom(12000000, serial("2006-12-31"), years, incomes))).toBe("1000000.00"); // 12M − 11M
    expect(
      cents(tnwHeadroom(12000000, serial("2006-12-31"), years, incomes, "running_total"))
    ).toBe("1150000.00"); // 12M − 10.85M
    expect(cents(tnwHeadroom(10500000, serial("2006-12-31"), years, incomes))).toBe("-500000.00");
  });

  test("TNW_LEDGER rows: year, income, step-up, minimum, sorted, from FY2004", () => {
    const perYear = value(tnwLedger([2006, 2003, 2004, 2005], [800000, 5000000, 1200000, -300000]));
    expect(perYear).toEqual([
      [2004, 1200000, 600000, 10600000],
      [2005, -300000, 0, 10600000],
      [2006, 800000, 400000, 11000000],
    ]);
    const running = value(tnwLedger(years, incomes, "running_total"));
    expect(running).toEqual([
      [2004, 1200000, 600000, 10600000],
      [2005, -300000, 0, 10600000],
      [2006, 800000, 250000, 10850000],
    ]);
    failure(tnwLedger([2003], [1]), "#VALUE!", "FA 1(h)-tnw");
  });
});

describe("covenant tests (FA 1(g), 1(i), 1(j), 1(a))", () => {
  test("NET_INCOME_TEST: PASS at exactly $1.00, FAIL at $0.99, #VALUE! off a quarter end", () => {
    expect(value(netIncomeTest(serial("2004-12-31"), 1))).toBe("PASS");
    expect(value(netIncomeTest(serial("2004-12-31"), "1.00"))).toBe("PASS");
    expect(value(netIncomeTest(serial("2004-12-31"), 0.99))).toBe("FAIL");
    expect(value(netIncomeTest(serial("2005-06-30"), 1000))).toBe("PASS");
    failure(netIncomeTest(serial("2004-12-30"), 1), "#VALUE!", "FA 1(i)");
    failure(netIncomeTest(serial("2005-02-28"), 1), "#VALUE!", "FA 1(i)");
  });

  test("LEVERAGE_TEST: ratio exactly 2.0 passes, a cent more fails, tnw ≤ 0 fails", () => {
    expect(value(leverageTest(20000000, 10000000))).toBe("PASS");
    expect(value(leverageTest(20000000.01, 10000000))).toBe("FAIL");
    expect(value(leverageTest(1, 0))).toBe("FAIL");
    expect(value(leverageTest(1, -5))).toBe("FAIL");
    failure(leverageTest(-1, 10), "#VALUE!", "FA 1(j)");
  });

  test("LEVERAGE_TEST before the amendment uses 0.75", () => {
    expect(value(leverageTest(7500000, 10000000, serial("2004-01-27")))).toBe("PASS");
    expect(value(leverageTest(7500000.01, 10000000, serial("2004-01-27")))).toBe("FAIL");
    expect(value(leverageTest(7500000.01, 10000000, serial("2004-01-28")))).toBe("PASS");
  });

  test("LEVERAGE_MAX is 2.0, or 0.75 before 2004-01-28", () => {
    expect(value(leverageMax())).toBe(2);
    expect(value(leverageMax(serial("2004-01-27")))).toBe(0.75);
    expect(value(leverageMax(serial("2004-01-28")))).toBe(2);
  });

  test("CROSS_DEFAULT: more than $50,000.00, individually or in aggregate, less disputed amounts", () => {
    expect(value(crossDefault([50000]))).toBe(false);
    expect(value(crossDefault([50000.01]))).toBe(true);
    expect(value(crossDefault([25000, 25000.01]))).toBe(true);
    expect(value(crossDefault([60000, 10000], [true, false]))).toBe(false);
    failure(crossDefault([-1]), "#VALUE!", "FA 1(g)");
    expect(explanationText(crossDefault([1]))).toMatch(/accelerat/i);
  });

  test("FACILITY_TERMINATION_DATE: 2007-05-31, or 2006-05-31 before the amendment", () => {
    expectDate(value(facilityTerminationDate()), "2007-05-31");
    expectDate(value(facilityTerminationDate(serial("2004-01-28"))), "2007-05-31");
    expectDate(value(facilityTerminationDate(serial("2004-01-27"))), "2006-05-31");
  });
});

describe("TERM ids of TERMS.md", () => {
  const fixed: [string, number][] = [
    ["consulting.annual_fee", 204000],
    ["chairman.annual_fee", 100000],
    ["sep.discount_rate", 0.03],
    ["sep.disability_share", 0.6],
    ["sep.consulting_hours", 600],
    ["sep.split_dollar_company_interest_2003", 232000],
    ["sep.fee_end", serial("2007-06-30")],
    ["loan.commitment", 14000000],
    ["loan.receivables_rate", 0.8],
    ["loan.inventory_rate", 0.35],
    ["loan.inventory_cap", 3500000],
    ["loan.termination_date", serial("2007-05-31")],
    ["loan.tnw_base", 10000000],
    ["loan.tnw_income_share", 0.5],
    ["loan.leverage_max", 2],
    ["loan.min_quarterly_net_income", 1],
    ["loan.cross_default_threshold", 50000],
    ["loan.transaction_fee", 20000],
    // The SEP 2 grants, the cure and notice periods and the office date that TERMS.md's "Term ids" adds.
    ["sep.stock_grant_shares", 75000],
    ["sep.option_grant_shares", 50000],
    ["sep.grant_date", serial("2002-12-17")],
    ["sep.option_exercise_price", 1.86],
    ["sep.bonus", 100000],
    ["sep.cause_cure_days", 30],
    ["sep.good_reason_cure_days", 10],
    ["sep.disability_window_days", 365],
    ["loan.insurance_cancellation_notice_days", 10],
    ["loan.records_move_notice_days", 30],
    ["loan.office_move_notice_days", 30],
    ["loan.sale_notice_days", 10],
    ["sep.office_until", serial("2004-06-30")],
  ];

  test.each(fixed)("%s = %p", (id, expected) => {
    expect(value(termValue(id))).toBe(expected);
    expect(value(termValue(id, serial("2004-01-28")))).toBe(expected);
  });

  test.each([
    ["loan.termination_date", serial("2006-05-31")],
    ["loan.tnw_base", 20000000],
    ["loan.leverage_max", 0.75],
  ])("%s before 2004-01-28 is the recited original %p", (id, expected) => {
    expect(value(termValue(id, serial("2004-01-27")))).toBe(expected);
  });

  test("a covenant the First Amendment adds (FA 1(i)) is #N/A before 2004-01-28, saying it is not in force", () => {
    for (const id of ["loan.min_quarterly_net_income", "loan.net_income_test_from"]) {
      const message = failure(termValue(id, serial("2004-01-27")), "#N/A", "FA 1(i)").message;
      expect(message).toContain("not in force");
      expect(message).toContain("2004-01-28");
    }
    expect(value(termValue("loan.min_quarterly_net_income", serial("2004-01-28")))).toBe(1);
  });

  test("an amended figure the amendment does not recite is #N/A before 2004-01-28", () => {
    for (const id of ["loan.inventory_cap", "loan.inventory_rate", "loan.receivables_rate"]) {
      expect(failure(termValue(id, serial("2004-01-27")), "#N/A", "FA 1(b)").message).toContain(
        "2004-01-28"
      );
    }
  });

  test("ids are case-insensitive; an unknown id is #VALUE!", () => {
    expect(value(termValue("LOAN.INVENTORY_CAP"))).toBe(3500000);
    failure(termValue("loan.nothing"), "#VALUE!");
  });
});

describe("Excel serial dates (1900 system and its leap-year quirk)", () => {
  test("serials 1, 60, 61 and 38442", () => {
    expect(serialToIso(1)).toBe("1900-01-01");
    expect(serialToIso(59)).toBe("1900-02-28");
    expect(serialToIso(60)).toBe("1900-02-29");
    expect(serialToIso(61)).toBe("1900-03-01");
    expect(serialToIso(38442)).toBe("2005-03-31");
    expect(isoToSerial("1900-02-29")).toBe(60);
    expect(serialOf(1900, 3, 1)).toBe(61);
  });

  test("EDATE across the quirk behaves as Excel's (1900-02-29 exists, 1900 has 366 serials)", () => {
    expect(edate(31, 1)).toBe(60); // 1900-01-31 + 1 month → 1900-02-29
    expect(edate(60, 1)).toBe(89); // 1900-02-29 + 1 month → 1900-03-29
    expect(edate(91, -1)).toBe(60); // 1900-03-31 − 1 month → 1900-02-29
    expect(edate(60, 12)).toBe(425); // → 1901-02-28 = 366 + 31 + 28
    expect(value(optionExpiry(60, "good_reason"))).toBe(425);
  });

  test("a date before serial 1 or with no value is #VALUE!", () => {
    failure(contractYear(0), "#VALUE!");
    failure(contractYear(Number.NaN), "#VALUE!");
  });
});

describe("inputs no spreadsheet value can mean (found by properties.test.ts)", () => {
  test("an amount given as the text NaN or Infinity is #VALUE!, not a NaN result", () => {
    failure(borrowingBase("Infinity", 0), "#VALUE!", "FA 1(b)");
    failure(changeOfControl("NaN"), "#VALUE!", "SEP 7(b)");
    failure(crossDefault(["1e999999999999999999"]), "#VALUE!", "FA 1(g)");
  });

  test("a last exercise date after 9999-12-31 is #VALUE!", () => {
    // 9999-12-31 + 12 months and 9999-12-01 + 90 days both leave Excel's calendar.
    failure(optionExpiry(2958465, "board"), "#VALUE!", "SEP 3(c)(iv)(A)");
    failure(optionExpiry(2958435, "cause"), "#VALUE!", "SEP 3(c)(iv)(A)");
  });

  test("more duress shares than a spreadsheet can count exactly is #VALUE!", () => {
    failure(duressShares(1, 1e-300), "#VALUE!", "SEP 4(c)(i)");
  });

  test("WORKDAY past Excel's last date is #VALUE!", () => {
    failure(workdayFunction(serial("2005-03-04"), 1e9), "#VALUE!", "SA 21(b)");
  });
});
