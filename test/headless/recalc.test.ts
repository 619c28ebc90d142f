/**
 * `btu recalc` on the sample model and on small workbooks: fresh values equal the core's, every part
 * the recalculation did not change is byte for byte as it was, stored formula forms and the add-in's
 * settings survive, and differences from Excel's cached values are reported.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { strFromU8 } from "fflate";
import { evaluate } from "../../src/catalogue";
import { recalcFile } from "../../src/headless/recalc";
import { serial } from "../cli/btu";
import { readBook } from "./book";
import {
  SAMPLE,
  copySample,
  editParts,
  makeBook,
  partText,
  readParts,
  setPart,
  tempDir,
  withSettings,
} from "./fixtures";

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("the sample model, recalculated", () => {
  let summary: Awaited<ReturnType<typeof recalcFile>>;
  let out: string;

  beforeAll(async () => {
    const file = await copySample(dir, "sample.xlsx");
    out = path.join(dir, "sample.recalc.xlsx");
    summary = await recalcFile(file, {}, out);
  });

  test("every formula recomputed, no errors, and no difference from the values cached by the generator", () => {
    expect(summary.errors).toEqual([]);
    expect(summary.notRecomputed).toEqual([]);
    expect(summary.differences).toEqual([]);
    expect(summary.btuCells).toBe(145);
    expect(summary.formulas).toBeGreaterThan(summary.btuCells);
  });

  test("BTU values equal the core's (TERMS.md worked examples and evaluate on the same inputs)", async () => {
    const book = await readBook(out);
    expect(book.cell("Termination", "D6")!.value).toBe(458860.27);
    expect(book.cell("Termination", "D7")!.value).toBe(427896.63);
    const base = evaluate("BORROWING_BASE", [
      [[3200000], [1450000], [350000]],
      [[2600000], [900000], [1500000]],
      250000,
      0,
      serial(2004, 12, 31),
    ]);
    // By hand: 80% × 5,000,000 + min(35% × 5,000,000, 3,500,000) − 250,000 = 5,500,000.
    expect(base.result).toEqual({ ok: true, value: 5500000 });
    expect(book.cell("Borrowing base", "C19")!.value).toBe(5500000);
    // TERMS.md: MIN_TNW(2006-12-31, {2004,2005,2006}, {1200000,-300000,800000}) = 11,000,000.
    expect(book.cell("Covenants", "E7")!.value).toBe(11000000);
    expect([
      book.cell("Fee schedule", "A7")!.value,
      book.cell("Fee schedule", "B7")!.value,
    ]).toEqual([serial(2003, 7, 14), 7803.28]);
    expect(book.cell("Fee schedule", "B111")!.value).toBe(2794.52);
  });

  test("with nothing to change, every part of the output is byte for byte the input's, formula forms included", async () => {
    const before = await readParts(SAMPLE);
    const after = await readParts(out);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [name, data] of before)
      expect([name, Buffer.from(after.get(name)!).equals(Buffer.from(data))]).toEqual([name, true]);
    const book = await readBook(out);
    expect(book.cell("Termination", "D15")).toMatchObject({ formulaKind: "shared" });
    expect(book.cell("Fee schedule", "A7")).toMatchObject({ formulaKind: "array", ref: "A7:B111" });
  });
});

test("a cached value that is wrong is reported and replaced; nothing else in the sheet changes", async () => {
  const file = await copySample(dir, "tampered.xlsx");
  let original = "";
  await editParts(file, (parts) => {
    original = partText(parts, "xl/worksheets/sheet1.xml");
    expect(original).toContain("<v>458860.27</v>");
    setPart(parts, "xl/worksheets/sheet1.xml", original.replace("<v>458860.27</v>", "<v>1</v>"));
  });
  const out = path.join(dir, "tampered.recalc.xlsx");
  const summary = await recalcFile(file, {}, out);
  expect(summary.differences).toEqual([{ cell: "Termination!D6", cached: 1, value: 458860.27 }]);
  expect(strFromU8((await readParts(out)).get("xl/worksheets/sheet1.xml")!)).toBe(original);
});

test("Excel's stored add-in forms (_xldudf_) and _xlfn. prefixes compute and are written back as stored", async () => {
  const file = await makeBook(path.join(dir, "stored.xlsx"), {
    sheets: [
      {
        name: "Model",
        cells: {
          A1: 5000000,
          B1: 12000000,
          C1: { f: "_xldudf_BTU_BORROWING_BASE(A1,B1)", v: 0 },
          D1: { f: "_xlfn.XOR(TRUE,FALSE)", v: false },
          E1: { f: "BTU.BORROWING_BASE(A1,B1)+1", v: 0 },
        },
      },
    ],
  });
  const out = path.join(dir, "stored.recalc.xlsx");
  const summary = await recalcFile(file, {}, out);
  expect(summary.btuCells).toBe(2);
  const book = await readBook(out);
  // TERMS.md: BORROWING_BASE(5000000, 12000000) = 7,500,000.
  expect(book.cell("Model", "C1")).toMatchObject({
    formula: "_xldudf_BTU_BORROWING_BASE(A1,B1)",
    value: 7500000,
  });
  expect(book.cell("Model", "D1")).toMatchObject({ formula: "_xlfn.XOR(TRUE,FALSE)", value: true });
  expect(book.cell("Model", "E1")!.value).toBe(7500001);
});

test("the add-in's document settings are read, applied, reported, and kept in the output", async () => {
  const file = await makeBook(path.join(dir, "settings.xlsx"), {
    sheets: [
      {
        name: "Model",
        cells: {
          A1: { f: 'BTU.CONSULTING_LUMP(DATE(2006,6,30),"voluntary")', v: 197880 },
          A2: { f: "BTU.ELECTION_DEADLINE(DATE(2004,12,20))", v: 38373 },
        },
      },
    ],
  });
  await withSettings(file, {
    "btu.discountMethod": "pv",
    "btu.extraHolidays": [serial(2005, 1, 3)],
  });
  const out = path.join(dir, "settings.recalc.xlsx");
  const summary = await recalcFile(file, {}, out);
  expect(summary.settings).toEqual({ discountMethod: "pv", extraHolidays: [serial(2005, 1, 3)] });
  // TERMS.md: 201,006.35 by present value. The deadline (TERMS.md: 2005-01-21) moves one business day
  // for the extra closure on Monday 2005-01-03: Friday the 21st becomes Monday 2005-01-24.
  expect(summary.differences).toEqual([
    { cell: "Model!A1", cached: 197880, value: 201006.35 },
    { cell: "Model!A2", cached: 38373, value: serial(2005, 1, 24) },
  ]);
  const parts = await readParts(out);
  expect(partText(parts, "xl/webextensions/webextension1.xml")).toContain("btu.discountMethod");
  expect((await readBook(out)).cell("Model", "A1")!.value).toBe(201006.35);
});
