import {
  CATALOGUE,
  RawArgument,
  SheetError,
  clauseLibrary,
  evaluate,
  exampleArguments,
  findFunction,
} from "../../src/catalogue";
import * as clauses from "../../src/core/clauses";
import { readFileSync } from "fs";
import * as path from "path";

const TERMS_MD = path.join(__dirname, "..", "..", "..", "shared", "spec", "TERMS.md");

// Serials worked from Excel's 1900 system: 38442 = 2005-03-31 (TERMS.md), 39082 = 2006-12-31.
const MARCH_31_2005 = 38442;
const DEC_31_2006 = 39082;

describe("evaluate: the one adapter every front end calls", () => {
  test("worked example through raw arguments: BORROWING_BASE(5000000, 4000000, 250000) = 5,150,000.00", () => {
    expect(evaluate("BORROWING_BASE", [5000000, 4000000, 250000]).result).toEqual({
      ok: true,
      value: 5150000,
    });
  });

  test("the namespace is optional and case does not matter", () => {
    expect(evaluate("btu.consulting_lump", [MARCH_31_2005, "voluntary"]).result).toEqual({
      ok: true,
      value: 427896.63,
    });
  });

  test("a range of amounts is summed and its empty cells count as 0", () => {
    // 80% × (3,000,000 + 2,000,000) + 35% × 4,000,000 − 250,000 = 5,150,000 (same as the worked example).
    const receivables = [[3000000], [null], [""], [2000000]];
    expect(evaluate("BORROWING_BASE", [receivables, [[4000000]], 250000]).result).toEqual({
      ok: true,
      value: 5150000,
    });
  });

  test("text in an amount range is #VALUE! naming the clause", () => {
    const result = evaluate("BORROWING_BASE", [[[5000000], ["n/a"]], 4000000]).result;
    expect(result).toMatchObject({ ok: false, code: "#VALUE!" });
    expect(!result.ok && result.message).toMatch(/^FA 1\(b\): eligible_receivables .*"n\/a"/);
  });

  test("a boolean where an amount belongs is #VALUE!", () => {
    expect(evaluate("INVENTORY_ADVANCE", [true]).result).toMatchObject({
      ok: false,
      code: "#VALUE!",
    });
  });

  test("omitted optionals arrive as null, undefined or blank text and take their defaults", () => {
    // Blank method = simple discount (TERMS.md default): 427,896.63.
    for (const blank of [null, undefined, ""]) {
      expect(evaluate("CONSULTING_LUMP", [MARCH_31_2005, "voluntary", blank]).result).toEqual({
        ok: true,
        value: 427896.63,
      });
    }
  });

  test("a required argument left blank is #VALUE! that says it is required", () => {
    const result = evaluate("CONSULTING_LUMP", [null, "board"]).result;
    expect(result).toMatchObject({ ok: false, code: "#VALUE!" });
    expect(!result.ok && result.message).toMatch(/termination_date is required/);
  });

  test("an error value in an input cell passes through unchanged", () => {
    expect(evaluate("BORROWING_BASE", [new SheetError("#DIV/0!"), 1]).result).toEqual({
      ok: false,
      code: "#DIV/0!",
      message: "",
    });
    expect(evaluate("BORROWING_BASE", [[[1], [new SheetError("#REF!")]], 1]).result).toMatchObject({
      code: "#REF!",
    });
  });

  test("too many arguments is #VALUE! listing the parameters", () => {
    const result = evaluate("CONTRACT_YEAR", [MARCH_31_2005, 1]).result;
    expect(!result.ok && result.message).toMatch(/at most 1 arguments \(date\)/);
  });

  test("an unknown function is #NAME?", () => {
    expect(evaluate("NOPE", []).result).toMatchObject({ ok: false, code: "#NAME?" });
  });

  test("an unexpected exception in the core becomes #VALUE!, never escapes", () => {
    const spec = findFunction("TERM")!;
    const original = spec.run;
    spec.run = () => {
      throw new TypeError("boom");
    };
    try {
      expect(evaluate("TERM", ["loan.commitment"]).result).toMatchObject({
        ok: false,
        code: "#VALUE!",
        message: expect.stringContaining("boom"),
      });
    } finally {
      spec.run = original;
    }
  });

  test("parallel columns keep their blanks so years and incomes stay paired", () => {
    // MIN_TNW worked example: 10,000,000 + 50% × (1,200,000 + 800,000) = 11,000,000.
    const years = [[2004], [null], [2005], [2006]];
    const incomes = [[1200000], [null], [-300000], [800000]];
    expect(evaluate("MIN_TNW", [DEC_31_2006, years, incomes]).result).toEqual({
      ok: true,
      value: 11000000,
    });
  });

  test("spills come back as rows of plain numbers", () => {
    const result = evaluate("FEE_SCHEDULE", ["consulting"]).result;
    expect(result.ok && Array.isArray(result.value) && result.value.length).toBe(105);
    expect(result.ok && (result.value as number[][])[0]).toEqual([37816, 7803.28]); // 2003-07-14 = serial 37816
  });

  test("CLAUSE needs the clause library and returns the verbatim text", () => {
    const result = evaluate("CLAUSE", ["fa 1(b)"], { clauses: clauseLibrary(clauses) }).result;
    expect(result.ok && result.value).toEqual(
      expect.stringContaining("Three Million Five Hundred Thousand ($3,500,000.00) Dollars")
    );
    expect(evaluate("CLAUSE", ["FA 99"], { clauses: clauseLibrary(clauses) }).result).toMatchObject(
      { ok: false, code: "#VALUE!" }
    );
  });

  test("workbook settings: the default discount method and extra holidays", () => {
    // TERMS.md: CONSULTING_LUMP(2006-06-30, "voluntary", "pv") = 201,006.35; serial 38898 = 2006-06-30.
    expect(
      evaluate("CONSULTING_LUMP", [38898, "voluntary"], { settings: { discountMethod: "pv" } })
        .result
    ).toEqual({ ok: true, value: 201006.35 });
    // A cell's own method still wins over the workbook's default.
    expect(
      evaluate("CONSULTING_LUMP", [38898, "voluntary", "simple"], {
        settings: { discountMethod: "pv" },
      }).result
    ).toEqual({ ok: true, value: 197880 });
    // Courier on Thu 2004-12-23 is effective Mon 2004-12-27 (TERMS.md); a workbook closure on the 27th moves it to Tue the 28th (38349).
    expect(
      evaluate("NOTICE_EFFECTIVE", [38344, "courier"], { settings: { extraHolidays: [38348] } })
        .result
    ).toEqual({ ok: true, value: 38349 });
  });

  test("the catalogue is TERMS.md's function table: its names, in its order, with its parameter names", () => {
    // Each row of the table reads "| `BTU.NAME(param, [optional], …)` | …".
    const text = readFileSync(TERMS_MD, "utf8");
    const start = text.indexOf("## The function catalogue");
    const section = text.slice(start, text.indexOf("\n## ", start + 1));
    const table = section.matchAll(/^\| `BTU\.([A-Z_]+)\(([^)]*)\)`/gm);
    const specified = [...table].map(([, name, params]) => ({
      name,
      params: params
        .split(",")
        .map((p) => p.replace(/[[\]\s]/g, ""))
        .filter(Boolean),
    }));
    expect(CATALOGUE.map((spec) => spec.name)).toEqual(specified.map((s) => s.name));
    for (const spec of CATALOGUE) {
      const params = spec.params.map((param) => param.name);
      expect(params).toEqual(specified.find((s) => s.name === spec.name)!.params);
      for (const name of params) expect(name).toMatch(/^[a-z][a-z0-9_]*$/);
    }
  });
});

/**
 * TERMS.md, Ranges: every dollar parameter takes one number or a range whose numbers are summed, with
 * empty cells as 0, and a text cell in the range is an error naming where it is. Checked on each
 * definition's own worked example (values from TERMS.md or worked by hand there): splitting each
 * dollar argument X into the range {X; blank; 0} must give the same result.
 */
describe("the range rule for every dollar parameter", () => {
  const cases = CATALOGUE.flatMap((definition) =>
    definition.params.flatMap((param, index) => {
      const example = definition.examples.find(
        (e) => e.cell !== undefined && typeof e.args[index] === "number"
      );
      return param.kind === "money" && example
        ? [
            [
              `${definition.name}(${param.name})`,
              definition.name,
              index,
              exampleArguments(example),
            ] as const,
          ]
        : [];
    })
  );

  test("covers the dollar parameters the issue names", () => {
    const names = cases.map(([label]) => label);
    for (const wanted of [
      "DURESS_SHARES(amount)",
      "LEVERAGE_TEST(total_liabilities)",
      "LEVERAGE_TEST(tangible_net_worth)",
      "TNW_HEADROOM(tangible_net_worth)",
      "SPLIT_DOLLAR_COMPANY_INTEREST(cash_value)",
      "SPLIT_DOLLAR_BUYOUT(company_interest)",
      "AVAILABILITY(borrowing_base)",
      "OVERADVANCE(borrowing_base)",
    ]) {
      expect(names).toContain(wanted);
    }
  });

  test.each(cases)(
    "%s: a range with a blank and a 0 gives the single number's result",
    (_label, name, index, args) => {
      const single = evaluate(name, args).result;
      expect(single.ok).toBe(true);
      const ranged = args.map((arg, i) =>
        i === index ? [[arg as number], [null], [0]] : arg
      ) as RawArgument[];
      expect(evaluate(name, ranged).result).toEqual(single);
    }
  );

  test.each(cases)(
    "%s: text in the range is #VALUE! naming its cell",
    (_label, name, index, args) => {
      const ranged = args.map((arg, i) =>
        i === index ? [[arg as number], ["n/a"]] : arg
      ) as RawArgument[];
      const result = evaluate(name, ranged).result;
      expect(result).toMatchObject({ ok: false, code: "#VALUE!" });
      expect(!result.ok && result.message).toContain('cell 2 of the range holds the text "n/a"');
    }
  );

  test("a split amount is summed exactly: DURESS_SHARES({458000.27; 860}, 3.17) = 144750, as for 458,860.27", () => {
    expect(evaluate("DURESS_SHARES", [[[458000.27], [860]], 3.17]).result).toEqual({
      ok: true,
      value: 144750,
    });
  });
});
