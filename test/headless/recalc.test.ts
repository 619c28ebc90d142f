/**
 * `btu recalc` on the sample model and on small workbooks: fresh values equal the core's, everything
 * the recalculation did not compute is left as it was, stored formula forms and the add-in's settings
 * survive, and differences from Excel's cached values are reported.
 */
import { promises as fs } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { evaluate } from "../../src/catalogue";
import { recalcFile } from "../../src/headless/recalc";
import { serial } from "../cli/btu";
import { SAMPLE, copySample, readWorkbook, smallWorkbook, tempDir, withSettings } from "./fixtures";

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("the sample model, recalculated", () => {
  let input: ExcelJS.Workbook;
  let output: ExcelJS.Workbook;
  let summary: Awaited<ReturnType<typeof recalcFile>>;

  beforeAll(async () => {
    const file = await copySample(dir, "sample.xlsx");
    summary = await recalcFile(file, {}, path.join(dir, "sample.recalc.xlsx"));
    input = await readWorkbook(SAMPLE);
    output = await readWorkbook(path.join(dir, "sample.recalc.xlsx"));
  });

  test("every formula recomputed, no errors, and no difference from the values cached by the generator", () => {
    expect(summary.errors).toEqual([]);
    expect(summary.notRecomputed).toEqual([]);
    expect(summary.differences).toEqual([]);
    expect(summary.btuCells).toBeGreaterThan(100);
    expect(summary.formulas).toBeGreaterThan(summary.btuCells);
  });

  test("BTU values equal the core's (TERMS.md worked examples and evaluate on the same inputs)", () => {
    const termination = output.getWorksheet("Termination")!;
    expect(termination.getCell("D6").result).toBe(458860.27);
    expect(termination.getCell("D7").result).toBe(427896.63);
    const base = evaluate("BORROWING_BASE", [[[3200000], [1450000], [350000]], [[2600000], [900000], [1500000]], 250000, 0, serial(2004, 12, 31)]);
    // By hand: 80% × 5,000,000 + min(35% × 5,000,000, 3,500,000) − 250,000 = 5,500,000.
    expect(base.result).toEqual({ ok: true, value: 5500000 });
    expect(output.getWorksheet("Borrowing base")!.getCell("C19").result).toBe(5500000);
    // TERMS.md: MIN_TNW(2006-12-31, {2004,2005,2006}, {1200000,-300000,800000}) = 11,000,000.
    expect(output.getWorksheet("Covenants")!.getCell("E7").result).toBe(11000000);
    const schedule = output.getWorksheet("Fee schedule")!;
    // ExcelJS reads a date-formatted result back as a UTC Date.
    expect([schedule.getCell("A7").result, schedule.getCell("B7").value]).toEqual([new Date(Date.UTC(2003, 6, 14)), 7803.28]);
    expect(schedule.getCell("B111").value).toBe(2794.52);
  });

  test("values, styles, number formats, widths, views and formula forms are preserved", () => {
    expect(output.worksheets.map((s) => s.name)).toEqual(input.worksheets.map((s) => s.name));
    for (const before of input.worksheets) {
      const after = output.getWorksheet(before.name)!;
      expect(after.columns.map((c) => c.width)).toEqual(before.columns.map((c) => c.width));
      expect(after.views).toEqual(before.views);
      before.eachRow({ includeEmpty: true }, (row) => {
        row.eachCell({ includeEmpty: true }, (cell) => {
          const other = after.getCell(cell.address);
          const where = `${before.name}!${cell.address}`;
          expect([where, other.numFmt, other.style.fill, other.style.font]).toEqual([where, cell.numFmt, cell.style.fill, cell.style.font]);
          if (cell.type === ExcelJS.ValueType.Formula) {
            expect([where, other.formula, other.formulaType]).toEqual([where, cell.formula, cell.formulaType]);
          } else {
            expect([where, other.value]).toEqual([where, cell.value]);
          }
        });
      });
    }
    const shared = output.getWorksheet("Termination")!.getCell("D15").value as ExcelJS.CellSharedFormulaValue;
    expect(shared.sharedFormula).toBe("D14");
    const array = output.getWorksheet("Fee schedule")!.getCell("A7").value as { shareType?: string; ref?: string };
    expect(array).toMatchObject({ shareType: "array", ref: "A7:B111" });
  });
});

test("a cached value that is wrong is reported as a difference and replaced, with exit status still fine", async () => {
  const file = await copySample(dir, "tampered.xlsx");
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
  expect(xml).toContain("<v>458860.27</v>");
  zip.file("xl/worksheets/sheet1.xml", xml.replace("<v>458860.27</v>", "<v>1</v>"));
  await fs.writeFile(file, await zip.generateAsync({ type: "nodebuffer" }));
  const summary = await recalcFile(file, {}, path.join(dir, "tampered.recalc.xlsx"));
  expect(summary.differences).toEqual([{ cell: "Termination!D6", cached: 1, value: 458860.27 }]);
  expect((await readWorkbook(path.join(dir, "tampered.recalc.xlsx"))).getWorksheet("Termination")!.getCell("D6").result).toBe(458860.27);
});

test("Excel's stored add-in forms (_xldudf_) and _xlfn. prefixes compute and are written back as stored", async () => {
  const file = path.join(dir, "stored.xlsx");
  await smallWorkbook(file, {
    A1: 5000000,
    B1: 12000000,
    C1: { formula: "_xldudf_BTU_BORROWING_BASE(A1,B1)", result: 0 } as ExcelJS.CellFormulaValue,
    D1: { formula: "_xlfn.XOR(TRUE,FALSE)", result: false } as ExcelJS.CellFormulaValue,
    E1: { formula: "BTU.BORROWING_BASE(A1,B1)+1", result: 0 } as ExcelJS.CellFormulaValue,
  });
  const out = path.join(dir, "stored.recalc.xlsx");
  const summary = await recalcFile(file, {}, out);
  expect(summary.btuCells).toBe(2);
  const sheet = (await readWorkbook(out)).getWorksheet("Model")!;
  // TERMS.md: BORROWING_BASE(5000000, 12000000) = 7,500,000.
  expect([sheet.getCell("C1").formula, sheet.getCell("C1").result]).toEqual(["_xldudf_BTU_BORROWING_BASE(A1,B1)", 7500000]);
  expect([sheet.getCell("D1").formula, sheet.getCell("D1").result]).toEqual(["_xlfn.XOR(TRUE,FALSE)", true]);
  expect(sheet.getCell("E1").result).toBe(7500001);
});

test("the add-in's document settings are read, applied, reported, and kept in the output", async () => {
  const file = path.join(dir, "settings.xlsx");
  await smallWorkbook(file, {
    A1: { formula: 'BTU.CONSULTING_LUMP(DATE(2006,6,30),"voluntary")', result: 197880 } as ExcelJS.CellFormulaValue,
    A2: { formula: "BTU.ELECTION_DEADLINE(DATE(2004,12,20))", result: 38373 } as ExcelJS.CellFormulaValue,
  });
  await withSettings(file, { "btu.discountMethod": "pv", "btu.extraHolidays": [serial(2005, 1, 3)] });
  const out = path.join(dir, "settings.recalc.xlsx");
  const summary = await recalcFile(file, {}, out);
  expect(summary.settings).toEqual({ discountMethod: "pv", extraHolidays: [serial(2005, 1, 3)] });
  // TERMS.md: 201,006.35 by present value. The deadline (TERMS.md: 2005-01-21) moves one business day
  // for the extra closure on Monday 2005-01-03: Friday the 21st becomes Monday 2005-01-24.
  expect(summary.differences).toEqual([
    { cell: "Model!A1", cached: 197880, value: 201006.35 },
    { cell: "Model!A2", cached: 38373, value: serial(2005, 1, 24) },
  ]);
  const zip = await JSZip.loadAsync(await fs.readFile(out));
  expect(await zip.file("xl/webextensions/webextension1.xml")?.async("string")).toContain("btu.discountMethod");
  expect(await zip.file("[Content_Types].xml")!.async("string")).toContain("/xl/webextensions/webextension1.xml");
  expect(await zip.file("_rels/.rels")!.async("string")).toContain("xl/webextensions/taskpanes.xml");
  expect((await readWorkbook(out)).getWorksheet("Model")!.getCell("A1").result).toBe(201006.35);
});
