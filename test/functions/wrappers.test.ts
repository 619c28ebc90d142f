/**
 * The BTU.* functions as Excel calls them, with a CustomFunctions shim and no Office: arguments
 * exactly as Excel passes them (null for an omitted optional and for an empty cell on new builds,
 * "" for an empty string, 2-D arrays for ranges, serial numbers for dates), results as cells.
 * Expected figures come from the worked examples of TERMS.md or are worked by hand as noted.
 */
import * as evaluateModule from "../../src/catalogue/evaluate";
import { SETTING_KEYS } from "../../src/catalogue";
import { isoToSerial } from "../../src/core";
import * as generated from "../../src/functions/functions";

/** The wrappers as Excel calls them: any text for a keyword (its enum only guides AutoComplete), a number for a range. */
const BTU = generated as unknown as Record<keyof typeof generated, (...args: unknown[]) => unknown>;

/** Records what Excel would receive: the error code and the message shown on the cell. */
class ShimError {
  constructor(
    readonly code: string,
    readonly message?: string
  ) {}
}

const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

beforeAll(() => {
  Object.assign(globalThis, { CustomFunctions: { Error: ShimError, ErrorCode } });
});

afterEach(() => {
  jest.restoreAllMocks();
  delete (globalThis as { Office?: unknown }).Office;
});

const d = isoToSerial;
/** What Excel passes for an omitted optional argument and for an empty cell (typed away from the signature). */
const OMITTED = null as never;

function expectError(result: unknown, code: string, ...mentions: string[]): void {
  expect(result).toBeInstanceOf(ShimError);
  const error = result as ShimError;
  expect(error.code).toBe(code);
  for (const text of mentions) expect(error.message).toContain(text);
}

describe("values", () => {
  test("TERMS.md worked examples come through the wrapper unchanged", () => {
    expect(BTU.consultingLump(d("2005-03-31"), "voluntary", OMITTED)).toBe(427896.63);
    expect(BTU.borrowingBase([[5000000]], [[4000000]], [[250000]], OMITTED, OMITTED)).toBe(5150000);
    expect(BTU.electionDeadline(d("2004-12-20"), OMITTED)).toBe(38373);
    expect(BTU.netIncomeTest(d("2004-09-30"), -5)).toBe("NOT TESTED");
  });

  test("omitted optionals (Excel passes null) take their defaults", () => {
    // TERMS.md: BORROWING_BASE(5000000, 12000000) = 7500000.00, the inventory cap applying.
    expect(BTU.borrowingBase([[5000000]], [[12000000]], OMITTED, OMITTED, OMITTED)).toBe(7500000);
    // By hand: min($14,000,000 commitment, 5,150,000 base) − 4,000,000 loans = 1,150,000.
    expect(BTU.availability(5150000, [[4000000]], OMITTED, OMITTED)).toBe(1150000);
    expect(BTU.remainingFees(d("2004-06-30"), OMITTED)).toBe(612000);
  });

  test('ranges with empty cells (null and "") count them as 0', () => {
    // Receivables 3,000,000 + 2,000,000 = 5,000,000 spread over a column with gaps: TERMS.md's 5150000.00.
    expect(
      BTU.borrowingBase(
        [[3000000], [null], [""], [2000000]],
        [[4000000, null]],
        [[250000], [""]],
        [[null]],
        OMITTED
      )
    ).toBe(5150000);
  });

  test("a parallel TRUE/FALSE range leaves disputed amounts out of the cross default", () => {
    // By hand: 30,000 + 25,000 = 55,000 > 50,000; with the 25,000 disputed, 30,000 is not.
    expect(BTU.crossDefault([[30000], [null], [""], [25000]], OMITTED)).toBe(true);
    expect(
      BTU.crossDefault([[30000], [null], [""], [25000]], [[false], [null], [""], [true]])
    ).toBe(false);
  });

  test("extra holidays in a range push a deadline; empty cells in it are ignored", () => {
    // By hand: 2005-01-03 (a Monday) closed moves the 21st business day from Fri 2005-01-21 to Mon 2005-01-24.
    expect(BTU.electionDeadline(d("2004-12-20"), [[d("2005-01-03")], [null], [""]])).toBe(
      d("2005-01-24")
    );
  });

  test("FEE_SCHEDULE spills 105 rows of pay date and amount", () => {
    const rows = BTU.feeSchedule(OMITTED, OMITTED, OMITTED) as number[][];
    expect(rows).toHaveLength(105);
    for (const row of rows) expect(row).toHaveLength(2);
    // TERMS.md: first 2003-07-14 7803.28; last 2007-06-30 2794.52; total 816000.00.
    expect(rows[0]).toEqual([d("2003-07-14"), 7803.28]);
    expect(rows[104]).toEqual([d("2007-06-30"), 2794.52]);
    expect(rows.reduce((cents, [, amount]) => cents + Math.round(amount * 100), 0)).toBe(81600000);
  });

  test("TNW_LEDGER spills one row per year: year, income, step-up, minimum", () => {
    // By hand from FA 1(h): 10,000,000 + 50% of 1,200,000; the 2005 loss adds nothing; + 50% of 800,000.
    expect(
      BTU.tnwLedger([[2004], [2005], [2006]], [[1200000], [-300000], [800000]], OMITTED)
    ).toEqual([
      [2004, 1200000, 600000, 10600000],
      [2005, -300000, 0, 10600000],
      [2006, 800000, 400000, 11000000],
    ]);
  });

  test("TERM reads a contract figure by id", () => {
    expect(BTU.term("loan.inventory_cap", OMITTED)).toBe(3500000);
  });

  test("CLAUSE loads the agreements lazily and returns FA 1(b) verbatim", async () => {
    const text = await BTU.clause("FA 1(b)");
    expect(typeof text).toBe("string");
    expect(text).toContain("Borrowing Base");
    expect(text).toContain("$3,500,000.00");
  });
});

describe("errors carry the spec's code and a message naming the clause", () => {
  test("a blank required argument", () => {
    expectError(
      BTU.consultingLump(OMITTED, "board", OMITTED),
      "#VALUE!",
      "SEP 4",
      "termination_date"
    );
    expectError(BTU.consultingLump(d("2005-03-31"), "", OMITTED), "#VALUE!", "SEP 4", "type");
  });

  test("text in an amount range", () => {
    expectError(
      BTU.borrowingBase([[5000000], ["n/a"]], [[4000000]], OMITTED, OMITTED, OMITTED),
      "#VALUE!",
      "FA 1(b)",
      "eligible_receivables",
      "n/a"
    );
  });

  test("an unknown keyword", () => {
    expectError(
      BTU.consultingLump(d("2005-03-31"), "quit", OMITTED),
      "#VALUE!",
      "SEP 4",
      "quit",
      "voluntary"
    );
    expectError(
      BTU.noticeEffective(d("2004-12-23"), "pigeon", OMITTED),
      "#VALUE!",
      "SA 21",
      "fax",
      "courier"
    );
  });

  test("dates outside the agreement or outside a window", () => {
    expectError(
      BTU.consultingLump(d("2008-01-01"), "board", OMITTED),
      "#VALUE!",
      "SEP 4",
      "2007-06-30"
    );
    // SEP 4(b)(i): notice from 2004-07-01 plus three months, so a board termination cannot precede 2004-10-01.
    expectError(
      BTU.consultingLump(d("2004-09-30"), "board", OMITTED),
      "#VALUE!",
      "SEP 4(b)(i)",
      "2004-10-01"
    );
    expectError(BTU.contractYear(d("2003-06-30")), "#VALUE!", "SEP 3(b)");
  });

  test("where the agreement gives no answer: #N/A", () => {
    // TERMS.md: CONSULTING_LUMP(2003-06-30, "death") is #N/A, the gap in 4(g).
    expectError(BTU.consultingLump(d("2003-06-30"), "death", OMITTED), "#N/A", "SEP 4(g)");
    expectError(
      BTU.borrowingBase([[5000000]], [[4000000]], OMITTED, OMITTED, d("2004-01-01")),
      "#N/A",
      "FA 1(c)"
    );
  });

  test("an unknown clause id", async () => {
    expectError(await BTU.clause("FA 99(z)"), "#VALUE!", "FA 99(z)");
  });

  test("an error value in a cell passes through with its own code", () => {
    const inCell = new ShimError("#DIV/0!");
    const result = BTU.borrowingBase([[5000000], [inCell]], [[4000000]], OMITTED, OMITTED, OMITTED);
    expectError(result, "#DIV/0!");
    expect((result as ShimError).message).toBeUndefined();
  });

  test("an input error a custom function cannot return (#REF!) becomes #VALUE! that says so", () => {
    expectError(BTU.inventoryAdvance([[new ShimError("#REF!")]]), "#VALUE!", "#REF!");
  });
});

describe("nothing thrown reaches Excel", () => {
  test("an exception inside the calculation comes back as #VALUE! with a message", () => {
    jest.spyOn(evaluateModule, "evaluate").mockImplementation(() => {
      throw new Error("core exploded");
    });
    expectError(
      BTU.consultingLump(d("2005-03-31"), "board", OMITTED),
      "#VALUE!",
      "BTU.CONSULTING_LUMP",
      "core exploded"
    );
    expectError(BTU.feeSchedule(OMITTED, OMITTED, OMITTED), "#VALUE!", "BTU.FEE_SCHEDULE");
  });

  test("the async CLAUSE resolves to an error instead of rejecting", async () => {
    jest.spyOn(evaluateModule, "evaluate").mockImplementation(() => {
      throw "not even an Error";
    });
    expectError(await BTU.clause("FA 1(b)"), "#VALUE!", "BTU.CLAUSE", "not even an Error");
  });
});

describe("workbook settings from Office document settings", () => {
  function officeWithSettings(values: Record<string, unknown>): void {
    Object.assign(globalThis, {
      Office: {
        context: { document: { settings: { get: (key: string) => values[key] ?? null } } },
      },
    });
  }

  test("the workbook's discount method applies when the cell gives none", () => {
    officeWithSettings({ [SETTING_KEYS.discountMethod]: "pv" });
    // TERMS.md: CONSULTING_LUMP(2006-06-30, "voluntary", "pv") = 201006.35; "simple" gives 197880.00.
    expect(BTU.consultingLump(d("2006-06-30"), "voluntary", OMITTED)).toBe(201006.35);
    expect(BTU.consultingLump(d("2006-06-30"), "voluntary", "simple")).toBe(197880);
  });

  test("the workbook's extra holidays apply to every deadline", () => {
    officeWithSettings({ [SETTING_KEYS.extraHolidays]: [d("2005-01-03")] });
    expect(BTU.electionDeadline(d("2004-12-20"), OMITTED)).toBe(d("2005-01-24"));
  });

  test("Office present but not ready (context throws) falls back to no settings", () => {
    Object.assign(globalThis, {
      Office: {
        get context(): never {
          throw new Error("Office.context is not available yet");
        },
      },
    });
    expect(BTU.consultingLump(d("2006-06-30"), "voluntary", OMITTED)).toBe(197880);
  });
});
