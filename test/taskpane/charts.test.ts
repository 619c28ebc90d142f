/**
 * The pictures of "This cell" as data, and "Insert as Excel chart" against office-addin-mock.
 * Figures are TERMS.md's worked examples or worked by hand in the comments.
 */
import { evaluate } from "../../src/catalogue";
import { chartFor, chartTable } from "../../src/taskpane/charts";
import { explainFormula } from "../../src/taskpane/explain";
import { insertChartTable } from "../../src/taskpane/workbook";
import { FakeWorkbook } from "./fakeExcel";

const noCells = async () => new Map();
const explainOne = async (formula: string) => (await explainFormula(formula, "Sheet1", noCells))[0];

test("a lump sum across its window, both readings, the cell's own point marked", async () => {
  const call = await explainOne('=BTU.CONSULTING_LUMP(DATE(2005,3,31),"voluntary")');
  const chart = chartFor(call, {})!;
  expect(chart.kind).toBe("line");
  expect(chart.series.map((s) => s.name)).toEqual(["simple reading", "pv reading"]);
  expect(chart.marker).toEqual([38442, 427896.63]); // TERMS.md
  // "voluntary" may end the Consulting Period from 2004-10-01 (serial 38261): the chart starts
  // there (37659 + 43 × 14 = 38261, the agreement's date plus 43 steps) and has a figure throughout.
  const [simple] = chart.series;
  expect(simple.points[0][0]).toBe(38261);
  expect(simple.points.every(([, y]) => y !== null)).toBe(true);
  // On the last day, 2007-06-30 (39263), nothing remains to be paid.
  expect(simple.points[simple.points.length - 1]).toEqual([39263, 0]);
  // Every point is the function's own figure on that date.
  for (const [x, y] of simple.points.filter(([, v]) => v !== null).slice(0, 5))
    expect(evaluate("CONSULTING_LUMP", [x, "voluntary", "simple"]).result).toEqual({
      ok: true,
      value: y,
    });
  expect(chart.summary).toContain("from 2004-10-01 to 2007-06-30");
  expect(chart.summary).toContain("this cell: $427,896.63 on 2005-03-31");
});

test("the minimum TNW staircase by fiscal year end", async () => {
  const call = await explainOne(
    "=BTU.MIN_TNW(DATE(2006,12,31),{2004,2005,2006},{1200000,-300000,800000})"
  );
  const chart = chartFor(call, {})!;
  // 10,000,000 + 50% of 1,200,000; the 2005 loss adds nothing; + 50% of 800,000 = 11,000,000 (TERMS.md).
  expect(chart.labels).toEqual(["FY2004", "FY2005", "FY2006"]);
  expect(chart.series[0].points.map(([, y]) => y)).toEqual([10600000, 10600000, 11000000]);
});

test("the borrowing base as bars: advances, deductions, base", async () => {
  const call = await explainOne("=BTU.BORROWING_BASE(5000000,4000000,250000)");
  const chart = chartFor(call, {})!;
  // TERMS.md: 80% × 5,000,000 + 35% × 4,000,000 − 250,000 = 5,150,000.
  expect(chart.series[0].points.map(([, y]) => y)).toEqual([4000000, 1400000, -250000, 0, 5150000]);
  expect(chartTable(chart).rows[4]).toEqual(["Borrowing Base", 5150000]);
});

test("Insert as Excel chart: the table two columns right of the cell, a native chart beside it", async () => {
  const call = await explainOne(
    "=BTU.MIN_TNW(DATE(2006,12,31),{2004,2005,2006},{1200000,-300000,800000})"
  );
  const table = chartTable(chartFor(call, {})!);
  const fake = new FakeWorkbook({ Model: { B4: { value: 1 } } }, { active: "Model!B4" });
  const where = await insertChartTable(fake.context as unknown as Excel.RequestContext, table);
  expect(where).toBe("Model!D4:E7");
  expect(fake.range("Model", "D4:E7").values).toEqual([
    ["Fiscal year", "Minimum"],
    ["FY2004", 10600000],
    ["FY2005", 10600000],
    ["FY2006", 11000000],
  ]);
  expect(fake.charts).toEqual([
    {
      sheet: "Model",
      type: "Line",
      source: "Model!D4:E7",
      title: { text: "Minimum tangible net worth after each fiscal year end" },
      at: "G4",
    },
  ]);
});
