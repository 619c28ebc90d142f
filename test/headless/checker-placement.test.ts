/**
 * Which native formulas the audit's checker may compute away from the Audit sheet (they have one value
 * wherever they stand), and the memo that answers once for a column's formulas, which differ only in
 * their digits: the memo must answer as reading each formula would.
 */
import fc from "fast-check";
import { sameValueAnywhere, sameValueAnywhereOfColumn } from "../../src/headless/audit";

describe("a formula with one value wherever it stands", () => {
  it.each([
    ["=ROUND(0.8*SUM(Model!A1)+MIN(0.35*SUM(Model!B1),3500000),2)", true],
    ["=MAX(0,DATE(2004,6,30)-MAX('Fee schedule'!D7,DATE(2003,6,30)))/366", true],
    ["=Model!A1+B1", false], // B1 is read on the sheet the formula stands on
    ["=SUM(Model!A1:A3)", false], // a range could spill or intersect
    ["=ROW(Model!A1)", false],
    ["=Audit!A1", false],
    ["=AdvanceRate*Model!A1", false],
  ])("%s: %s", (formula, expected) => {
    expect(sameValueAnywhere(formula, "Audit")).toBe(expected);
  });
});

describe("the answer kept for a column's formulas", () => {
  it("answers a formula whose digits differ in number as reading it would", () => {
    const anywhere = sameValueAnywhereOfColumn("Audit");
    // A1 is a cell; with eight digits it is a name, which has no one value.
    expect(anywhere("=Model!A1+Model!A1")).toBe(true);
    expect(anywhere("=Model!A1+Model!A12345678")).toBe(false);
  });

  it("reads every formula where the Audit sheet's name has a digit: a digit may name it", () => {
    const anywhere = sameValueAnywhereOfColumn("Audit (2)");
    expect(anywhere("='Audit (3)'!A1")).toBe(true);
    expect(anywhere("='Audit (2)'!A1")).toBe(false);
  });

  const part = fc.oneof(
    fc
      .constantFrom("Model!", "Sheet2!", "'Q1 2005'!", "")
      .chain((sheet) =>
        fc
          .tuple(fc.constantFrom("A", "D", "XF"), fc.stringMatching(/^[0-9]{1,9}$/))
          .map(([col, row]) => `${sheet}${col}${row}`)
      ),
    fc.stringMatching(/^[0-9]{1,4}(\.[0-9]{1,2})?$/),
    fc.constantFrom("ROW()", "DATE(2004,6,30)", "LOG10(2)", '"x1"', "Rate2", "Model!A1:A2")
  );
  const formula = fc
    .array(part, { minLength: 1, maxLength: 5 })
    .map((parts) => `=MAX(${parts.join(",")})`);

  it.each(["Audit", "Sheet2"])(
    "answers every formula as reading it would, the audit sheet named %s",
    (auditSheet) => {
      fc.assert(
        fc.property(fc.array(formula, { minLength: 1, maxLength: 30 }), (formulas) => {
          const anywhere = sameValueAnywhereOfColumn(auditSheet);
          for (const f of formulas) expect(anywhere(f)).toBe(sameValueAnywhere(f, auditSheet));
        }),
        { numRuns: 300 }
      );
    }
  );
});
