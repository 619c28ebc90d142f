/**
 * The BTU functions inside HyperFormula: arguments arrive as the catalogue expects them (ranges,
 * blanks, errors), spills get their size, the workbook's settings reach the functions, and an engine
 * built without the plugin does not know them.
 */
import { DetailedCellError } from "hyperformula";
import { createEngine, createPlainEngine } from "../../src/headless/engine";
import { headlessContext } from "../../src/headless/context";
import { toEngineFormula } from "../../src/headless/formulas";

const values = (sheet: (string | number | boolean | null)[][], settings = {}) => {
  const engine = createEngine({ S: sheet }, headlessContext(settings));
  const out = engine.getSheetValues(0);
  engine.destroy();
  return out;
};

test("ranges are summed with blanks as 0 (FA 1(b): 80% of 5,000,000 + 35% of 4,000,000 − 250,000 = 5,150,000 by hand)", () => {
  const out = values([
    [3000000, 4000000, 250000, "=BTU.BORROWING_BASE(A1:A3,B1,C1)"],
    [2000000],
    [null],
  ]);
  expect(out[0][3]).toBe(5150000);
});

test("an error in an input cell passes through with its own code", () => {
  const out = values([
    ["=1/0", 5, "=BTU.BORROWING_BASE(A1,B1)", "=BTU.BORROWING_BASE(A2:A3,B1)"],
    ["=NA()"],
    [1],
  ]);
  expect((out[0][2] as DetailedCellError).value).toBe("#DIV/0!");
  expect((out[0][3] as DetailedCellError).value).toBe("#N/A");
});

test("a missing required argument is the catalogue's #VALUE!, not the engine's own message", () => {
  const [[cell]] = values([["=BTU.CONSULTING_LUMP(38442)"]]);
  expect(cell).toBeInstanceOf(DetailedCellError);
  expect((cell as DetailedCellError).value).toBe("#VALUE!");
  expect((cell as DetailedCellError).message).toMatch(/type is required/);
});

test("FEE_SCHEDULE spills its 105 rows into the sheet; TNW_LEDGER over a 3-cell range spills 3 rows", () => {
  const out = values([
    [
      '=BTU.FEE_SCHEDULE("consulting")',
      null,
      "=BTU.TNW_LEDGER(H1:H3,I1:I3)",
      null,
      null,
      null,
      null,
      2004,
      1200000,
    ],
    [null, null, null, null, null, null, null, 2005, -300000],
    [null, null, null, null, null, null, null, 2006, 800000],
  ]);
  expect(out.filter((row) => typeof row[1] === "number")).toHaveLength(105);
  // TERMS.md: 10,000,000 + 50% of 1,200,000; the FY2005 loss adds nothing; then + 50% of 800,000.
  expect(out.slice(0, 3).map((row) => row.slice(2, 6))).toEqual([
    [2004, 1200000, 600000, 10600000],
    [2005, -300000, 0, 10600000],
    [2006, 800000, 400000, 11000000],
  ]);
});

test("a schedule filtered by dates held in cells spills inside its 105-row bound", () => {
  const out = values([['=BTU.FEE_SCHEDULE("consulting",C1,D1)', null, 37816, 37830]]);
  expect(out[0][0]).toBe(37816);
  expect(out[1][0]).toBe(37830);
  expect(out).toHaveLength(2);
});

test("the workbook's discount method applies where a formula gives none (TERMS.md: 201,006.35 by present value)", () => {
  const formula = '=BTU.CONSULTING_LUMP(DATE(2006,6,30),"voluntary")';
  expect(values([[formula]])[0][0]).toBe(197880);
  expect(values([[formula]], { discountMethod: "pv" })[0][0]).toBe(201006.35);
});

test("Excel's stored forms are read: _xldudf_ prefixes, _xlfn., bare TRUE/FALSE", () => {
  expect(toEngineFormula("_xldudf_BTU_BORROWING_BASE(A1,B1)")).toBe("=BTU.BORROWING_BASE(A1,B1)");
  expect(toEngineFormula('=IF(TRUE,"TRUE",FALSE)')).toBe('=IF(TRUE(),"TRUE",FALSE())');
  // TERMS.md: BORROWING_BASE(5000000, 12000000) = 7,500,000 (inventory cap).
  const [row] = values([
    [
      5000000,
      12000000,
      toEngineFormula("_xldudf_BTU_BORROWING_BASE(A1,B1)"),
      toEngineFormula("_xlfn.XOR(TRUE,FALSE)"),
    ],
  ]);
  expect(row.slice(2)).toEqual([7500000, true]);
});

test("Excel's strings with a quote (doubled) or a backslash, which HyperFormula's strings cannot hold, are read", () => {
  expect(toEngineFormula('=LEN("a""b")')).toBe('=LEN(("a"&CHAR(34)&"b"))');
  expect(toEngineFormula('="C:\\"&"x"')).toBe('=("C:"&CHAR(92))&"x"');
  // An array constant holds constants only: left for HyperFormula to refuse (Excel's value is kept).
  expect(toEngineFormula('={"a""b"}')).toBe('={"a""b"}');
  const [row] = values([
    [
      toEngineFormula('=LEN("a""b")'),
      toEngineFormula('="C:\\"&"x"'),
      toEngineFormula('=SUBSTITUTE("say ""hi""","""","\'")'),
      toEngineFormula('=""&"x"'),
    ],
  ]);
  // By hand: a"b is three characters; C:\x; say 'hi'; x.
  expect(row).toEqual([3, "C:\\x", "say 'hi'", "x"]);
});

test("numbers in exponent form, which HyperFormula's parser cannot read, are written out digit for digit", () => {
  expect(toEngineFormula("=3E6+1.5E-7")).toBe("=3000000+0.00000015");
  expect(toEngineFormula("=.5e3*2.5E+3-00012E1")).toBe("=500*2500-120");
  // Past any double's exponent: left for HyperFormula to refuse.
  expect(toEngineFormula("=1E-400")).toBe("=1E-400");
  // By hand: 3,000,000 + 1; 1.5 × 10^-7 × 10^7; 0.5 × 10^3.
  expect(
    values([
      [toEngineFormula("=3E6+1"), toEngineFormula("=1.5E-7*1E7"), toEngineFormula("=.5E3")],
    ])[0]
  ).toEqual([3000001, 1.5, 500]);
});

test("an engine without the plugin answers #NAME? for BTU functions, and the plugin is back afterwards", () => {
  const plain = createPlainEngine({ S: [['=BTU.TERM("loan.commitment")', "=1+1"]] });
  const [[btu, native]] = plain.getSheetValues(0);
  expect((btu as DetailedCellError).value).toBe("#NAME?");
  expect(native).toBe(2);
  expect(values([['=BTU.TERM("loan.commitment")']])[0][0]).toBe(14000000);
});

test("BTU.CLAUSE loads the agreements' text on first use", () => {
  const [[text]] = values([['=BTU.CLAUSE("SEP 4(a)")']]);
  expect(String(text)).toMatch(/FOR CAUSE/);
});
