/**
 * The auditor's copy of the sample model: no BTU formula left anywhere, every BTU cell replaced by
 * its value with its style, and the whole copy recomputed by a SECOND HyperFormula engine that does
 * not have the BTU functions: no error in any cell and every check TRUE.
 */
import { promises as fs } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { DetailedCellError } from "hyperformula";
import { AUDIT_FIRST_ROW, AUDIT_HEADERS } from "../../src/audit";
import { createPlainEngine } from "../../src/headless/engine";
import { layoutWorkbook } from "../../src/headless/workbook";
import { btu } from "../cli/btu";
import { SAMPLE, copySample, readWorkbook, tempDir } from "../headless/fixtures";

let dir: string;
let copy: ExcelJS.Workbook;
let sample: ExcelJS.Workbook;
let stdout: string;

beforeAll(async () => {
  dir = await tempDir();
  const file = await copySample(dir, "model.xlsx");
  const run = btu(["audit", file]);
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  stdout = run.stdout;
  copy = await readWorkbook(path.join(dir, "model.audit.xlsx"));
  sample = await readWorkbook(SAMPLE);
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

test("no BTU formula is left; each BTU cell holds the value the sample cached, with its number format", () => {
  const layout = layoutWorkbook(copy);
  expect(layout.formulas.filter((f) => f.btu)).toEqual([]);
  const before = layoutWorkbook(sample).formulas.filter((f) => f.btu);
  expect(before.length).toBeGreaterThan(100);
  for (const formula of before) {
    const cell = copy.getWorksheet(formula.sheet)!.getCell(formula.address);
    expect([formula.address, cell.type === ExcelJS.ValueType.Formula]).toEqual([formula.address, false]);
    expect([formula.address, cell.numFmt]).toEqual([formula.address, formula.cell.numFmt]);
  }
  // TERMS.md worked example, now a plain value.
  expect(copy.getWorksheet("Termination")!.getCell("D6").value).toBe(458860.27);
  expect(copy.getWorksheet("Termination")!.getCell("H16").formula).toBe("D16+F16");
});

test("a second engine WITHOUT the BTU plugin recomputes the copy with no error and every check TRUE", () => {
  const layout = layoutWorkbook(copy);
  const engine = createPlainEngine(layout.sheets, layout.names);
  const errors = layout.formulas.map((f) => [`${f.sheet}!${f.address}`, engine.getCellValue({ sheet: f.sheetIndex, row: f.row, col: f.col })]).filter(([, v]) => v instanceof DetailedCellError);
  expect(errors).toEqual([]);
  const audit = layout.sheetNames.indexOf("Audit");
  const check = AUDIT_HEADERS.indexOf("Check");
  const checks = layout.formulas.filter((f) => f.sheetIndex === audit && f.col === check);
  expect(checks.length).toBeGreaterThan(100);
  for (const f of checks) expect([f.address, engine.getCellValue({ sheet: audit, row: f.row, col: f.col })]).toEqual([f.address, true]);
  // The file opens with those results already cached.
  for (const f of checks) expect([f.address, f.cell.result]).toEqual([f.address, true]);
  engine.destroy();
});

test("the Audit sheet lists each BTU cell with formula, inputs, clauses and steps, and the settings used", () => {
  const sheet = copy.getWorksheet("Audit")!;
  expect(sheet.getRow(AUDIT_FIRST_ROW - 1).values).toEqual([undefined, ...AUDIT_HEADERS]);
  expect(String(sheet.getCell(2, 2).value)).toMatch(/btu\.discountMethod/);
  const rows = layoutWorkbook(sample).formulas.filter((f) => f.btu).length;
  expect(sheet.getCell(AUDIT_FIRST_ROW + rows - 1, 1).value).toBeTruthy();
  expect(sheet.getCell(AUDIT_FIRST_ROW + rows, 1).value).toBeNull();
  const first = sheet.getRow(AUDIT_FIRST_ROW);
  expect(first.getCell(1).value).toBe("Termination");
  expect(first.getCell(3).value).toBe('=BTU.CONSULTING_LUMP($C$4,"board")');
  expect(first.getCell(5).value).toMatch(/SEP 4\(b\)\(i\)/);
  expect(String(first.getCell(9).value)).toMatch(/^Termination date: 2005-03-31 — SEP 4\(b\)\(i\) — /);
  expect(stdout).toMatch(/Checks: all \d+ TRUE/);
});
