/**
 * The auditor's copy of the sample model: no BTU formula left anywhere, every BTU cell replaced by
 * its value with its style, the parts it had no reason to touch byte for byte as they were, and the
 * copy recomputed by engines that do not have the BTU functions (HyperFormula without the plugin,
 * and LibreOffice) with no error and every check TRUE.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { DetailedCellError } from "hyperformula";
import { AUDIT_FIRST_ROW, AUDIT_HEADERS } from "../../src/audit";
import { cellAddress } from "../../src/catalogue";
import { createPlainEngine } from "../../src/headless/engine";
import { loadWorkbook } from "../../src/headless/workbook";
import { btu, serial } from "../cli/btu";
import { readBook, Book } from "../headless/book";
import { SAMPLE, copySample, libreOfficeConvert, readParts, tempDir } from "../headless/fixtures";

let dir: string;
let copy: Book;
let sample: Book;
let stdout: string;
let copyFile: string;
const CHECK = cellAddress(0, AUDIT_HEADERS.indexOf("Check")).replace(/[0-9]+$/, "");
/**
 * One check per BTU cell (145), and one per re-performed cell of each spill: the two fee schedules
 * have 105 pay dates of 2 columns each, the TNW ledger 3 fiscal years of 4 columns; the covenant
 * certificate 14 figures and statuses (5 for TNW, 4 for net income, which has no share, 5 for
 * leverage), the borrowing-base certificate its 13 amounts; the three events' deadlines 2 + 1 + 2.
 */
const CHECK_CELLS = 145 + 2 * 105 * 2 + 3 * 4 + 14 + 13 + 5;
/** US federal holidays as observed in 2004 and 2005 (5 U.S.C. 6103), worked from a calendar. */
const HOLIDAYS_2004_2005 = [
  [2004, 1, 1],
  [2004, 1, 19],
  [2004, 2, 16],
  [2004, 5, 31],
  [2004, 7, 5],
  [2004, 9, 6],
  [2004, 10, 11],
  [2004, 11, 11],
  [2004, 11, 25],
  [2004, 12, 24],
  // New Year's Day 2005 fell on a Saturday and was observed on Friday 31 December 2004.
  [2004, 12, 31],
  [2005, 1, 17],
  [2005, 2, 21],
  [2005, 5, 30],
  [2005, 7, 4],
  [2005, 9, 5],
  [2005, 10, 10],
  [2005, 11, 11],
  [2005, 11, 24],
  [2005, 12, 26],
];

beforeAll(async () => {
  dir = await tempDir();
  const file = await copySample(dir, "model.xlsx");
  const run = btu(["audit", file]);
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  stdout = run.stdout;
  copyFile = path.join(dir, "model.audit.xlsx");
  copy = await readBook(copyFile);
  sample = await readBook(SAMPLE);
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

test("no BTU formula is left; each BTU cell holds the value the sample cached, with its style", async () => {
  const before = (await loadWorkbook(SAMPLE)).formulas.filter((f) => f.btu);
  expect(before.length).toBe(145);
  for (const formula of before) {
    const cell = copy.cell(formula.sheet, formula.address)!;
    const original = sample.cell(formula.sheet, formula.address)!;
    expect([formula.address, cell.formula, cell.style, cell.value]).toEqual([
      formula.address,
      undefined,
      original.style,
      original.value,
    ]);
  }
  for (const name of copy.sheetNames)
    for (const [, cell] of copy.cells(name)) expect(cell.formula ?? "").not.toMatch(/BTU/);
  // TERMS.md worked example, now a plain value.
  expect(copy.cell("Termination", "D6")!.value).toBe(458860.27);
  expect(copy.cell("Termination", "H16")!.formula).toBe("D16+F16");
});

test("parts the audit has no reason to change are byte for byte the sample's; the Audit sheet is a new part", async () => {
  const before = await readParts(SAMPLE);
  const after = await readParts(copyFile);
  const changed = new Set([
    "[Content_Types].xml",
    "xl/workbook.xml",
    "xl/_rels/workbook.xml.rels",
    "xl/styles.xml",
    "xl/calcChain.xml",
  ]);
  for (const sheet of ["sheet1", "sheet2", "sheet3", "sheet4", "sheet5"])
    changed.add(`xl/worksheets/${sheet}.xml`);
  for (const [name, data] of before) {
    if (changed.has(name)) continue;
    expect([
      name,
      after.has(name) && Buffer.from(after.get(name)!).equals(Buffer.from(data)),
    ]).toEqual([name, true]);
  }
  expect([...after.keys()].filter((name) => !before.has(name))).toEqual([
    "xl/worksheets/sheet6.xml",
  ]);
  expect(copy.sheetNames).toEqual([...sample.sheetNames, "Audit"]);
});

test("a second engine WITHOUT the BTU plugin recomputes the copy with no error and every check TRUE, as cached", async () => {
  const loaded = await loadWorkbook(copyFile);
  const engine = createPlainEngine(loaded.sheets, { names: loaded.names });
  const at = (f: { sheet: string; row: number; col: number }) => ({
    sheet: engine.getSheetId(f.sheet)!,
    row: f.row,
    col: f.col,
  });
  const errors = loaded.formulas
    .map((f) => [`${f.sheet}!${f.address}`, engine.getCellValue(at(f))])
    .filter(([, v]) => v instanceof DetailedCellError);
  expect(errors).toEqual([]);
  const checks = loaded.formulas.filter(
    (f) => f.sheet === "Audit" && f.address.startsWith(CHECK) && f.row >= AUDIT_FIRST_ROW - 1
  );
  expect(checks.length).toBe(CHECK_CELLS);
  for (const f of checks)
    expect([f.address, engine.getCellValue(at(f)), f.cached]).toEqual([f.address, true, true]);
  engine.destroy();
});

test("LibreOffice, recalculating the copy on load, finds no error and every check TRUE", async () => {
  const [recalculated] = libreOfficeConvert([copyFile], path.join(dir, "lo"));
  const book = await readBook(recalculated);
  const checks = [...book.cells("Audit")].filter(
    ([address, cell]) => address.startsWith(CHECK) && cell.formula !== undefined
  );
  expect(checks.length).toBe(CHECK_CELLS);
  for (const [address, cell] of checks) expect([address, cell.value]).toEqual([address, true]);
  for (const name of book.sheetNames) {
    for (const [address, cell] of book.cells(name))
      if (cell.formula !== undefined)
        expect([name, address, typeof cell.value === "object" && cell.value !== null]).toEqual([
          name,
          address,
          false,
        ]);
  }
});

test("the election deadline is re-performed by WORKDAY over a written table of the federal holidays it can meet", () => {
  const rows = [...copy.cells("Audit")].filter(([address]) => /^G[0-9]+$/.test(address));
  const deadline = rows.find(([, cell]) =>
    /^WORKDAY\(Termination!C35,21,/.test(cell.formula ?? "")
  );
  expect(deadline).toBeDefined();
  const [, first, last] = /,\$G\$([0-9]+):\$G\$([0-9]+)\)$/
    .exec(deadline![1].formula!)!
    .map(Number);
  const table = [];
  for (let r = first; r <= last; r++) table.push(copy.cell("Audit", `G${r}`)!.value);
  expect(table).toEqual(HOLIDAYS_2004_2005.map(([y, m, d]) => serial(y, m, d)));
});

test("the Audit sheet lists each BTU cell with formula, inputs, clauses and steps, and the settings used", () => {
  const row = (r: number) =>
    AUDIT_HEADERS.map((_, c) => copy.cell("Audit", cellAddress(r - 1, c))?.value ?? null);
  expect(row(AUDIT_FIRST_ROW - 1)).toEqual([...AUDIT_HEADERS]);
  expect(String(copy.cell("Audit", "B2")!.value)).toMatch(/btu\.discountMethod/);
  const listed = [...copy.cells("Audit")].filter(
    ([address, cell]) =>
      /^A[0-9]+$/.test(address) && Number(address.slice(1)) >= AUDIT_FIRST_ROW && cell.value
  );
  // Two holiday tables of 2004 and 2005: ELECTION_DEADLINE's and the duress notification's deadlines.
  expect(listed.length).toBe(CHECK_CELLS + 2 * HOLIDAYS_2004_2005.length);
  const first = row(AUDIT_FIRST_ROW);
  expect(first[0]).toBe("Termination");
  expect(first[2]).toBe('=BTU.CONSULTING_LUMP($C$4,"board")');
  expect(first[4]).toMatch(/SEP 4\(b\)\(i\)/);
  expect(String(first[8])).toMatch(/^Termination date: 2005-03-31 — SEP 4\(b\)\(i\) — /);
  expect(stdout).toMatch(/Checks: all 145 TRUE/);
});
