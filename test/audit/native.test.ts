/**
 * Native formulas of the audit: their text for the brief's example, the reasons given where Excel
 * cannot re-perform a call, and a cross-check over a grid of inputs: each native formula, computed by
 * an engine WITHOUT the BTU functions, gives the core's figure (to the cent) or the same text/boolean.
 */
import { HyperFormula, DetailedCellError } from "hyperformula";
import { findBtuCalls } from "../../src/catalogue";
import { explainNative, nativeFormula, qualifyReferences } from "../../src/audit";
import { createEngine, createPlainEngine } from "../../src/headless/engine";
import { headlessContext } from "../../src/headless/context";
import { toEngineFormula } from "../../src/headless/formulas";
import { serial } from "../cli/btu";

const call = (formula: string) => findBtuCalls(formula)[0];

test("the borrowing base re-performed with FA 1(b)'s figures, references qualified with their sheet", () => {
  const formula = nativeFormula(call("=BTU.BORROWING_BASE(B3,B4,B5,B6)"), (text) =>
    qualifyReferences(text, "Sheet1")
  );
  // FA 1(b) as TERMS.md states it: 80% of receivables + min(35% of inventory, $3,500,000) − letters of
  // credit, rounded to cents on the amount in cents (binary noise cleared first, see the next test).
  expect(formula).toBe(
    "=ROUND(ROUND(100*(0.8*SUM(Sheet1!B3)+MIN(0.35*SUM(Sheet1!B4),3500000)-SUM(Sheet1!B5)-SUM(Sheet1!B6)),4),0)/100"
  );
});

test("half-cent ties round up as the core rounds them, though binary floats hold them just below", () => {
  // FA 1(h)-tnw: 10,000,000 + 50% × 333,333.33 = 10,166,666.665 exactly, 10,166,666.67 half away from
  // zero (TERMS.md); a float holds 10,166,666.66499999…, so a bare ROUND gives .66.
  const plain = createPlainEngine({ S: [] });
  expect(plain.calculateFormula("=ROUND(10000000+0.5*333333.33,2)", 0)).toBe(10166666.66);
  const native = nativeFormula(call("BTU.MIN_TNW(DATE(2004,12,31),{2004},{333333.33})"))!;
  expect(plain.calculateFormula(toEngineFormula(native), 0)).toBe(10166666.67);
  plain.destroy();
});

test("sheet names that need quotes are quoted, and references already qualified are left alone", () => {
  expect(qualifyReferences("SUM(B3:B5)+'Fee schedule'!A1+Other!C2", "Borrowing base")).toBe(
    "SUM('Borrowing base'!B3:B5)+'Fee schedule'!A1+Other!C2"
  );
});

test.each([
  ['BTU.FEE_SCHEDULE("consulting")', /spilled rows are not known/],
  ["BTU.ELECTION_DEADLINE(A1)", /start date is not a known value/],
  ['BTU.MIN_TNW(A1,B1:B3,C1:C3,"running_total")', /fiscal years are not known values/],
  ["BTU.CONSULTING_LUMP(A1,B1)", /not a known keyword/],
])("%s is not re-performable, with the reason", (formula, reason) => {
  const result = explainNative(call(formula));
  expect(result.formula).toBeUndefined();
  expect(result.note).toMatch(/^not re-performable in native Excel: /);
  expect(result.note).toMatch(reason);
});

test("a keyword held in a cell is used when its value is known, and the note says so", () => {
  const result = explainNative(call("BTU.CONSULTING_LUMP(A1,B1)"), (t) => t, {
    lookupValue: (text) => (text === "B1" ? "board" : 38442),
  });
  expect(result.formula).toMatch(/^=ROUND\(/);
  expect(result.note).toMatch(/B1 holds "board"/);
});

/** Literal calls over a grid of inputs, for every function with a native form. */
function grid(): string[] {
  const formulas: string[] = [];
  const dates: number[] = [];
  for (let d = serial(2003, 2, 7); d <= serial(2007, 6, 30); d += 29) dates.push(d);
  dates.push(
    serial(2003, 6, 29),
    serial(2003, 6, 30),
    serial(2003, 7, 1),
    serial(2004, 6, 30),
    serial(2004, 7, 1),
    serial(2004, 10, 1),
    serial(2005, 10, 1),
    serial(2007, 6, 29),
    serial(2007, 6, 30)
  );
  const types = [
    "cause",
    "board",
    "good_reason",
    "change_of_control",
    "not_elected",
    "death",
    "disability",
    "4(b)",
  ];
  for (const d of dates) {
    for (const part of ["CONSULTING_LUMP", "CHAIRMAN_LUMP"]) {
      for (const type of types) formulas.push(`BTU.${part}(${d},"${type}")`);
      formulas.push(`BTU.${part}(${d},"voluntary","simple")`, `BTU.${part}(${d},"voluntary","pv")`);
    }
    for (const stream of ["consulting", "chairman", "both"]) {
      formulas.push(
        `BTU.REMAINING_FEES(${d},"${stream}")`,
        `BTU.FEES_EARNED(${d},${d + 200},"${stream}")`
      );
    }
    formulas.push(
      `BTU.CONTRACT_YEAR(${d})`,
      `BTU.DISABILITY_NOTICE_DATE(${d})`,
      `BTU.TERMINATION_DATE(${d},"board")`,
      `BTU.TERMINATION_DATE(${d},"death")`
    );
    formulas.push(
      `BTU.OPTION_EXPIRY(${d},"board",${d + 100})`,
      `BTU.OPTION_EXPIRY(${d},"voluntary")`,
      `BTU.OPTION_EXPIRY(${d},"good_reason",${d + 400})`
    );
    formulas.push(
      `BTU.FACILITY_TERMINATION_DATE(${d})`,
      `BTU.LEVERAGE_MAX(${d})`,
      `BTU.TERM("loan.tnw_base",${d})`,
      `BTU.TERM("loan.termination_date",${d})`
    );
    formulas.push(
      `BTU.NOTICE_EFFECTIVE(${d},"fax")`,
      `BTU.BORROWING_BASE(4000000,9000000,0,0,${d})`
    );
    formulas.push(
      `BTU.NOTICE_EFFECTIVE(${d},"courier")`,
      `BTU.ELECTION_DEADLINE(${d})`,
      `BTU.SHARE_TRANSFER_DEADLINE(${d},{${d + 3},${d + 4}})`,
      `BTU.WORKDAY(${d},-45.7)`,
      `BTU.WORKDAY(${d},300)`
    );
    for (const [liabilities, tnw] of [
      [20000000, 10000000],
      [20000001, 10000000],
      [7500000, 10000000],
      [1, -5],
    ])
      formulas.push(`BTU.LEVERAGE_TEST(${liabilities},${tnw},${d})`);
  }
  const quarterEnds = [
    serial(2004, 3, 31),
    serial(2004, 9, 30),
    serial(2004, 12, 31),
    serial(2005, 6, 30),
    serial(2006, 12, 31),
  ];
  for (const q of quarterEnds)
    for (const income of [-5, 0, 0.99, 1, 250000])
      formulas.push(`BTU.NET_INCOME_TEST(${q},${income})`);
  const incomes = ["{1200000,-300000,800000}", "{-1,-2,-3}", "{333333.33,0,1000000.01}", "{5,7,9}"];
  const years = ["{2004,2005,2006}", "{2002,2003,2004}", "{2006,2004,2005}"];
  for (const y of years) {
    for (const inc of incomes) {
      for (const t of [
        serial(2003, 12, 31),
        serial(2004, 12, 30),
        serial(2004, 12, 31),
        serial(2005, 12, 31),
        serial(2006, 12, 31),
        serial(2010, 1, 1),
      ]) {
        formulas.push(
          `BTU.MIN_TNW(${t},${y},${inc})`,
          `BTU.TNW_HEADROOM(11000000.5,${t},${y},${inc},"per_year")`
        );
        formulas.push(
          `BTU.MIN_TNW(${t},${y},${inc},"running_total")`,
          `BTU.TNW_HEADROOM(11000000.5,${t},${y},${inc},"running_total")`
        );
      }
    }
  }
  const amounts = [0, 1, 1.1, 333333.33, 1234567.89, 5000000, 9999999.99, 12000000, 30000000];
  for (const ar of amounts) {
    for (const inv of amounts) {
      formulas.push(
        `BTU.BORROWING_BASE(${ar},${inv})`,
        `BTU.BORROWING_BASE({${ar},1.01},${inv},250000,333.33)`,
        `BTU.INVENTORY_ADVANCE(${inv})`
      );
      formulas.push(
        `BTU.AVAILABILITY(${ar},${inv})`,
        `BTU.OVERADVANCE(${ar},${inv})`,
        `BTU.AVAILABILITY(${ar},${inv},10000000,250000)`,
        `BTU.OVERADVANCE(${ar},{${inv},5},,100)`
      );
    }
  }
  formulas.push(
    "BTU.CROSS_DEFAULT({30000,20000.01})",
    "BTU.CROSS_DEFAULT({30000,20000})",
    "BTU.CROSS_DEFAULT({30000,20000.01,5},{FALSE,TRUE,FALSE})",
    "BTU.CROSS_DEFAULT({60000;1},{FALSE;TRUE})"
  );
  for (const fraction of [0, 0.5, 0.500001, 1]) formulas.push(`BTU.CHANGE_OF_CONTROL(${fraction})`);
  for (const [amount, price, portion] of [
    [427896.63, 2.37, 1],
    [0.3, 0.1, 1],
    [100000, 3, 0.5],
    [458860.27, 4.1, 0.25],
  ])
    formulas.push(`BTU.DURESS_SHARES(${amount},${price},${portion})`);
  for (const [cv, base, inc] of [
    [300000, 400000, 0],
    [512345.67, 464000, 10000],
  ])
    formulas.push(`BTU.SPLIT_DOLLAR_COMPANY_INTEREST(${cv},${base},${inc})`);
  for (const n of [0, 1, 7.5, 20, 33])
    formulas.push(
      `BTU.SPLIT_DOLLAR_BUYOUT(250000,${n})`,
      `BTU.SPLIT_DOLLAR_BUYOUT(250000,${n},"simple")`
    );
  return formulas;
}

describe("native formulas agree with the core over a grid of inputs", () => {
  let withPlugin: HyperFormula;
  let plain: HyperFormula;
  beforeAll(() => {
    withPlugin = createEngine({ S: [] }, headlessContext());
    plain = createPlainEngine({ S: [] });
  });
  afterAll(() => {
    withPlugin.destroy();
    plain.destroy();
  });

  test("every call the core answers is re-performed to the cent (or the same text/boolean) without the add-in", () => {
    let compared = 0;
    const mismatches: string[] = [];
    for (const formula of grid()) {
      const core = withPlugin.calculateFormula(`=${formula}`, 0);
      if (core instanceof DetailedCellError) continue;
      const explained = explainNative(call(formula), (t) => t, { cellValue: core as number });
      if (!explained.formula) {
        mismatches.push(`${formula}: no native formula`);
        continue;
      }
      // Helper parts (a holiday table) stand in as an array of their values.
      const partValues = (explained.parts ?? []).map((part) =>
        plain.calculateFormula(toEngineFormula(`=${part.native}`), 0)
      );
      const native = explained.formula.replace(
        /\{#([0-9]+):#([0-9]+)\}/g,
        (_, a, b) => `{${partValues.slice(Number(a), Number(b) + 1).join(",")}}`
      );
      const value = plain.calculateFormula(toEngineFormula(native), 0);
      const same =
        typeof core === "number" && typeof value === "number"
          ? Math.abs(Math.round((core - value) * 100)) === 0
          : core === value;
      if (!same)
        mismatches.push(
          `${formula}: core ${String(core)}, native ${value instanceof DetailedCellError ? value.value + " " + value.message : String(value)}`
        );
      compared++;
    }
    expect(mismatches).toEqual([]);
    expect(compared).toBeGreaterThan(1500);
  });
});
