/** Every row of the "Worked examples" table of TERMS.md, exactly as printed there. */
import {
  Decimal,
  borrowingBase,
  chairmanLump,
  consultingLump,
  electionDeadline,
  feeSchedule,
  feesEarned,
  minTnw,
  netIncomeTest,
  noticeEffective,
  remainingFees,
  serialToIso,
} from "../../src/core";
import { cents, failure, serial, value } from "./support";

describe("TERMS.md worked examples", () => {
  test("CONSULTING_LUMP(2005-03-31, board) = 458860.27", () => {
    expect(serial("2005-03-31")).toBe(38442);
    expect(cents(consultingLump(38442, "board"))).toBe("458860.27");
  });

  test("CONSULTING_LUMP(2005-03-31, voluntary) = 427896.63", () => {
    expect(cents(consultingLump(38442, "voluntary"))).toBe("427896.63");
  });

  test("CONSULTING_LUMP(2006-06-30, voluntary) = 197880.00, and 201006.35 with pv", () => {
    expect(serial("2006-06-30")).toBe(38898);
    expect(cents(consultingLump(38898, "voluntary"))).toBe("197880.00");
    expect(cents(consultingLump(38898, "voluntary", "pv"))).toBe("201006.35");
  });

  test("CHAIRMAN_LUMP(2004-06-30, good_reason) = 300000.00", () => {
    expect(cents(chairmanLump(serial("2004-06-30"), "good_reason"))).toBe("300000.00");
  });

  test("CONSULTING_LUMP(2003-05-15, death) = 816000.00", () => {
    expect(serial("2003-05-15")).toBe(37756);
    expect(cents(consultingLump(37756, "death"))).toBe("816000.00");
  });

  test("CONSULTING_LUMP(2003-06-30, death) = #N/A naming the gap in 4(g)", () => {
    const fail = failure(consultingLump(serial("2003-06-30"), "death"), "#N/A", "SEP 4(g)");
    expect(fail.message).toContain("2003-06-30");
  });

  test("REMAINING_FEES(2004-06-30) = 612000.00", () => {
    expect(cents(remainingFees(serial("2004-06-30")))).toBe("612000.00");
  });

  test("FEES_EARNED(2003-07-01, 2003-12-31, both) = 152830.60", () => {
    expect(cents(feesEarned(serial("2003-07-01"), serial("2003-12-31"), "both"))).toBe("152830.60");
  });

  describe("FEE_SCHEDULE(consulting)", () => {
    const rows = value(feeSchedule("consulting"));

    test("has 105 rows", () => {
      expect(rows).toHaveLength(105);
    });

    test("first row is 2003-07-14, 7803.28", () => {
      const [payDate, amount] = rows[0];
      expect(payDate).toBe(37816);
      expect(serialToIso(payDate)).toBe("2003-07-14");
      expect(amount.toFixed(2)).toBe("7803.28");
    });

    test("last row is 2007-06-30, 2794.52", () => {
      const [payDate, amount] = rows[rows.length - 1];
      expect(payDate).toBe(39263);
      expect(serialToIso(payDate)).toBe("2007-06-30");
      expect(amount.toFixed(2)).toBe("2794.52");
    });

    test("rows sum exactly to 816000.00", () => {
      const total = rows.reduce(
        (sum, [, amount]) => sum.plus(new Decimal(String(amount))),
        new Decimal(0)
      );
      expect(total.toFixed(2)).toBe("816000.00");
    });
  });

  test("ELECTION_DEADLINE(2004-12-20) = 2005-01-21 (serial 38373)", () => {
    const deadline = value(electionDeadline(serial("2004-12-20")));
    expect(deadline).toBe(38373);
    expect(serialToIso(deadline)).toBe("2005-01-21");
  });

  test("NOTICE_EFFECTIVE(2004-12-23, courier) = 2004-12-27 (24 Dec 2004 is the observed Christmas)", () => {
    const effective = value(noticeEffective(serial("2004-12-23"), "courier"));
    expect(effective).toBe(38348);
    expect(serialToIso(effective)).toBe("2004-12-27");
  });

  test("BORROWING_BASE(5000000, 4000000, 250000) = 5150000.00", () => {
    expect(cents(borrowingBase(5000000, 4000000, 250000))).toBe("5150000.00");
  });

  test("BORROWING_BASE(5000000, 12000000) = 7500000.00 (inventory cap)", () => {
    expect(cents(borrowingBase(5000000, 12000000))).toBe("7500000.00");
  });

  test("MIN_TNW(2006-12-31, {2004,2005,2006}, {1200000,-300000,800000}) = 11000000.00", () => {
    expect(
      cents(minTnw(serial("2006-12-31"), [2004, 2005, 2006], [1200000, -300000, 800000]))
    ).toBe("11000000.00");
  });

  test("NET_INCOME_TEST(2004-09-30, -5) = NOT TESTED", () => {
    expect(value(netIncomeTest(serial("2004-09-30"), -5))).toBe("NOT TESTED");
  });
});
