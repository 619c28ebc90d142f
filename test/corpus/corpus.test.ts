/**
 * Workbooks made by tools the project did not write (openpyxl, LibreOffice), holding what real models
 * hold, through `btu recalc` and `btu audit`: every part comes back, byte for byte where nothing had
 * to change; values are what Excel shows (worked by hand below); what the engine cannot compute keeps
 * Excel's value and is reported; and LibreOffice, recalculating each audit copy, finds no error the
 * input did not have and every check TRUE or saying why it is not re-performed.
 */
import { spawn, spawnSync } from "child_process";
import { promises as fs } from "fs";
import * as path from "path";
import { strFromU8 } from "fflate";
import { AUDIT_FIRST_ROW, AUDIT_HEADERS } from "../../src/audit";
import { cellAddress } from "../../src/catalogue";
import { ROOT, btu, serial } from "../cli/btu";
import { Book, readBook } from "../headless/book";
import {
  BookSpec,
  editParts,
  libreOfficeConvert,
  makeBook,
  partText,
  readParts,
  setPart,
  tempDir,
} from "../headless/fixtures";

let dir: string;
const books: Record<string, string> = {};

/** 2005-03-31 in the 1904 date system: its 1900 serial (38442, TERMS.md) less the 1,462 days between the systems. */
const MARCH_31_2005_1904 = 38442 - 1462;

const SPECS: Record<string, BookSpec> = {
  // A sheet named like a whole number sorts first among JavaScript's object keys.
  fiscal: {
    sheets: [
      { name: "Summary", cells: { A1: 5000, B1: { f: "A1*2", v: 10000 } } },
      { name: "2005", cells: { A1: 1000, B1: { f: "BTU.BORROWING_BASE(A1,0)", v: 0 } } },
      {
        name: "2006",
        cells: { A1: 2000, B1: { f: "'2005'!B1+A1", v: 0 }, C1: { f: "Summary!B1", v: 10000 } },
      },
    ],
  },
  billions: {
    sheets: [
      {
        name: "Base",
        cells: {
          A1: 1500000000.05,
          B1: { f: "BTU.BORROWING_BASE(A1,0)", v: 0 },
          C1: { f: "A1*0.8", v: 1200000000.04 },
          D1: { f: "A1+0.01", v: 1500000000.06 },
        },
      },
    ],
  },
  lossless: {
    sheets: [
      {
        name: "Model",
        cells: {
          A1: "Receivables",
          A2: 5000000,
          B2: { f: "AdvanceRate*A2", v: 4000000 },
          C2: { f: "BTU.BORROWING_BASE(A2,0)", v: 0 },
          D2: { f: "Local*2", v: 10000000 },
          A3: "Amount",
          B3: "Double",
          A4: 10,
          B4: { f: "Fees[[#This Row],[Amount]]*2", v: 20 },
          A5: 20,
          B5: { f: "Fees[[#This Row],[Amount]]*2", v: 40 },
        },
        links: { A7: "'Notes v1.2'!A1" },
        password: "secret",
        table: {
          name: "Fees",
          ref: "A3:B5",
          calculated: { Double: "Fees[[#This Row],[Amount]]*2" },
        },
        chart: { data: "A4:A5" },
        styled: ["A2"],
      },
      {
        name: "Notes v1.2",
        cells: { A1: "See Model" },
        table: { name: "Plain", ref: "C1:C3", style: false },
      },
    ],
    names: [
      { name: "AdvanceRate", text: "0.8" },
      { name: "Local", text: "Model!$A$2", sheet: 0 },
    ],
    iterate: true,
    protect_workbook: true,
    vba: true,
    custom_props: { Classification: "Confidential" },
    named_style: true,
    chartsheet: { name: "Chart", sheet: "Model", data: "A4:A5" },
  },
  uncomputable: {
    sheets: [
      {
        name: "Calc",
        cells: {
          A1: { f: "_xlfn.LET(_xlpm.x,5000000,_xlpm.x)", v: 5000000 },
          A2: { f: "_xlfn.LAMBDA(_xlpm.x,_xlpm.x*2)(3)", v: 6 },
          A3: { f: 'INDIRECT("A1")', v: 5000000 },
          // x = 0.5x + 1 settles at x = 2 (and C2 = 1) when Excel iterates.
          C1: { f: "C2+1", v: 2 },
          C2: { f: "C1*0.5", v: 1 },
          D1: { f: "BTU.BORROWING_BASE(A1,0)", v: 0 },
          D2: { f: "BTU.BORROWING_BASE(C1*1000000,0)", v: 0 },
          D3: { f: "BTU.BORROWING_BASE(1000000,0)", v: 0 },
          // A quote inside an array constant, which HyperFormula cannot read: the cells reading it compute.
          B1: { f: 'INDEX({"a""b",3000000},1,2)', v: 3000000 },
          B2: { f: "B1*2", v: 0 },
          D4: { f: "BTU.BORROWING_BASE(B1,0)", v: 0 },
          // A dynamic-array FILTER as Excel stores it: the formula at the anchor, the spilled values below.
          F1: 1,
          F2: 2,
          F3: 3,
          F4: 4,
          G1: { f: "_xlfn._xlws.FILTER(F1:F4,F1:F4>1)", array: "G1:G3", v: 2 },
          G2: 3,
          G3: 4,
          H1: { f: "SUM(G1:G3)", v: 9 },
        },
      },
    ],
    iterate: true,
  },
  quoting: {
    sheets: [
      { name: "Q1, 2005 (draft)", cells: { A1: 5000000 } },
      {
        name: "Plan {A} (v2)",
        cells: { A1: { f: "BTU.BORROWING_BASE('Q1, 2005 (draft)'!A1,0)", v: 0 } },
      },
      { name: "v1.2", cells: { A1: 2000000, B1: { f: "BTU.BORROWING_BASE(A1,0)", v: 0 } } },
      {
        name: "Lookup",
        cells: {
          A1: "AR",
          B1: 5000000,
          A2: "Inv",
          B2: 1000000,
          C1: { f: 'BTU.BORROWING_BASE(_xlfn.MAXIFS(B1:B2,A1:A2,"AR"),0)', v: 0 },
          // Excel's doubled quote inside a string, in an argument of a BTU call.
          A3: 'He said "AR"',
          D1: {
            f: 'BTU.BORROWING_BASE(SUMIFS(B1:B2,A1:A2,"AR")+IF(A3="He said ""AR""",1000000,0),0)',
            v: 0,
          },
        },
      },
    ],
  },
  mac: {
    sheets: [
      {
        name: "Dates",
        cells: {
          A1: MARCH_31_2005_1904,
          B1: { f: 'BTU.CONSULTING_LUMP(A1,"voluntary")', v: 0 },
          C1: { f: "DATE(2005,3,31)", v: MARCH_31_2005_1904 },
          D1: { f: "BTU.ELECTION_DEADLINE(DATE(2004,12,20))", v: 0 },
          E1: { f: "A1+1", v: MARCH_31_2005_1904 + 1 },
        },
        formats: { A1: "yyyy-mm-dd", D1: "yyyy-mm-dd" },
      },
    ],
    date1904: true,
  },
};

let longInputs: BookSpec;

beforeAll(async () => {
  dir = await tempDir();
  const cells: Record<string, number | { f: string; v: number }> = {};
  for (let r = 1; r <= 4000; r++) cells[`A${r}`] = 1234567.89;
  cells.B1 = { f: "BTU.BORROWING_BASE(A1:A4000,0)", v: 0 };
  longInputs = { sheets: [{ name: "Long", cells }] };
  for (const [name, spec] of Object.entries({ ...SPECS, long: longInputs })) {
    books[name] = await makeBook(path.join(dir, `${name}.${spec.vba ? "xlsm" : "xlsx"}`), spec);
  }
}, 120000);
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

function recalc(name: string): {
  out: string;
  summary: Record<string, unknown> & { notRecomputed: { cell: string; message: string }[] };
} {
  const ext = path.extname(books[name]);
  const out = path.join(dir, `${name}.recalc${ext}`);
  const run = btu(["recalc", books[name], "-o", out, "--json"]);
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  return { out, summary: JSON.parse(run.stdout) };
}

function audit(name: string): {
  out: string;
  stdout: string;
  summary: {
    checks: { cell: string; ok: boolean }[];
    notReperformed: { cell: string; reason: string }[];
    provenance: Record<string, string>;
  };
} {
  const ext = path.extname(books[name]);
  const out = path.join(dir, `${name}.audit${ext}`);
  const text = btu(["audit", books[name], "-o", out]);
  expect(text.stderr).toBe("");
  expect(text.status).toBe(0);
  const json = btu(["audit", books[name], "-o", out, "--json"]);
  expect(json.status).toBe(0);
  return { out, stdout: text.stdout, summary: JSON.parse(json.stdout) };
}

/** A sheet part without the cached values of formula cells: what recalc may change. */
function withoutCachedValues(xml: string): string {
  return xml.replace(
    /(<c\b[^>]*?)(?:\s+t="[^"]*")?(\s*>)(<f\b[^>]*(?:\/>|>[^<]*<\/f>))(?:<v>[^<]*<\/v>)?/g,
    "$1$2$3"
  );
}

async function expectOnlyCachedValuesChanged(input: string, output: string): Promise<void> {
  const before = await readParts(input);
  const after = await readParts(output);
  expect([...after.keys()]).toEqual([...before.keys()]);
  for (const [name, data] of before) {
    const same = Buffer.from(after.get(name)!).equals(Buffer.from(data));
    if (same) continue;
    expect([name, /^xl\/worksheets\/sheet[0-9]+\.xml$/.test(name)]).toEqual([name, true]);
    expect(withoutCachedValues(strFromU8(after.get(name)!))).toBe(
      withoutCachedValues(strFromU8(data))
    );
  }
}

describe("btu recalc", () => {
  test("a sheet named 2005 gets its own results, not another sheet's", async () => {
    const { out } = recalc("fiscal");
    const book = await readBook(out);
    // By hand: 80% of 1,000 = 800 on sheet 2005; 800 + 2,000 = 2,800 on 2006; 2 × 5,000 = 10,000 on Summary.
    expect(book.cell("2005", "B1")!.value).toBe(800);
    expect(book.cell("2006", "B1")!.value).toBe(2800);
    expect(book.cell("2006", "C1")!.value).toBe(10000);
    expect(book.cell("Summary", "B1")!.value).toBe(10000);
    await expectOnlyCachedValuesChanged(books.fiscal, out);
  });

  test("cents survive from $1 billion up, in BTU cells and plain formulas alike", async () => {
    const { out, summary } = recalc("billions");
    const book = await readBook(out);
    // By hand: 80% × 1,500,000,000.05 = 1,200,000,000.04.
    expect(book.cell("Base", "B1")!.value).toBe(1200000000.04);
    expect(book.cell("Base", "C1")!.value).toBe(1200000000.04);
    expect(book.cell("Base", "D1")!.value).toBe(1500000000.06);
    expect(summary.differences).toEqual([{ cell: "Base!B1", cached: 0, value: 1200000000.04 }]);
  });

  test("charts, tables, VBA, custom properties, protection, links, names and styles come back byte for byte", async () => {
    const { out, summary } = recalc("lossless");
    expect(path.extname(out)).toBe(".xlsm");
    await expectOnlyCachedValuesChanged(books.lossless, out);
    const parts = await readParts(out);
    for (const part of [
      "xl/vbaProject.bin",
      "docProps/custom.xml",
      "xl/charts/chart1.xml",
      "xl/drawings/drawing1.xml",
      "xl/tables/table1.xml",
      "xl/tables/table2.xml",
      "xl/chartsheets/sheet1.xml",
    ]) {
      expect([part, parts.has(part)]).toEqual([part, true]);
    }
    expect(strFromU8(parts.get("[Content_Types].xml")!)).toContain(
      "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
    );
    const book = await readBook(out);
    // A name holding a constant (AdvanceRate = 0.8) and a sheet-scoped name (Local = Model!A2 = 5,000,000).
    expect(book.cell("Model", "B2")!.value).toBe(4000000);
    expect(book.cell("Model", "D2")!.value).toBe(10000000);
    // TERMS.md: BORROWING_BASE(5,000,000, 0) = 80% of 5,000,000.
    expect(book.cell("Model", "C2")!.value).toBe(4000000);
    // The table's calculated column (structured references) keeps Excel's values and says why.
    expect([book.cell("Model", "B4")!.value, book.cell("Model", "B5")!.value]).toEqual([20, 40]);
    expect(summary.notRecomputed.map((n) => n.cell)).toEqual(["Model!B4", "Model!B5"]);
    expect(summary.notRecomputed[0].message).toMatch(
      /^kept Excel's value: the structured reference Fees\[\[#This Row\],\[Amount\]\]/
    );
  });

  test("what HyperFormula cannot compute keeps Excel's value, reported, and BTU cells compute from it", async () => {
    const { out, summary } = recalc("uncomputable");
    const book = await readBook(out);
    expect(["A1", "A2", "A3", "C1", "C2"].map((a) => book.cell("Calc", a)!.value)).toEqual([
      5000000, 6, 5000000, 2, 1,
    ]);
    // The FILTER spill: the values greater than 1 of 1..4, and their sum, as Excel showed them.
    expect(["G1", "G2", "G3", "H1"].map((a) => book.cell("Calc", a)!.value)).toEqual([2, 3, 4, 9]);
    expect(summary.errors).toEqual([]);
    // By hand: 80% of the LET's 5,000,000; 80% of 2 × 1,000,000 from the iterated C1; 80% of 1,000,000.
    expect(["D1", "D2", "D3"].map((a) => book.cell("Calc", a)!.value)).toEqual([
      4000000, 1600000, 800000,
    ]);
    // From the kept 3,000,000: twice it, and 80% of it.
    expect(["B1", "B2", "D4"].map((a) => book.cell("Calc", a)!.value)).toEqual([
      3000000, 6000000, 2400000,
    ]);
    const kept = Object.fromEntries(summary.notRecomputed.map((n) => [n.cell, n.message]));
    expect(Object.keys(kept).sort()).toEqual([
      "Calc!A1",
      "Calc!A2",
      "Calc!A3",
      "Calc!B1",
      "Calc!C1",
      "Calc!C2",
    ]);
    expect(kept["Calc!B1"]).toMatch(/^kept Excel's value: HyperFormula cannot read this formula/);
    expect(kept["Calc!A1"]).toBe("kept Excel's value: LET is not supported by HyperFormula");
    expect(kept["Calc!A3"]).toBe("kept Excel's value: INDIRECT is not supported by HyperFormula");
    expect(kept["Calc!C1"]).toMatch(/circular reference meant to iterate/);
    await expectOnlyCachedValuesChanged(books.uncomputable, out);
  });

  test("the 1904 date system: dates are not shifted, BTU dates are read and returned in the workbook's system", async () => {
    const { out, summary } = recalc("mac");
    expect(summary.dateSystem).toBe(1904);
    const book = await readBook(out);
    // TERMS.md: CONSULTING_LUMP(2005-03-31, "voluntary") = 427,896.63.
    expect(book.cell("Dates", "B1")!.value).toBe(427896.63);
    expect(book.cell("Dates", "C1")!.value).toBe(MARCH_31_2005_1904);
    // TERMS.md: ELECTION_DEADLINE(2004-12-20) = 2005-01-21, 1900 serial 38373, so 38373 - 1462 in 1904.
    expect(book.cell("Dates", "D1")!.value).toBe(serial(2005, 1, 21) - 1462);
    expect(book.cell("Dates", "E1")!.value).toBe(MARCH_31_2005_1904 + 1);
  });
});

describe("btu audit", () => {
  let recalculated: Record<string, Book> = {};
  let inputsRecalculated: Record<string, Book> = {};
  let audits: Record<string, ReturnType<typeof audit>> = {};

  beforeAll(async () => {
    audits = Object.fromEntries(
      ["fiscal", "billions", "lossless", "uncomputable", "quoting", "mac", "long"].map((name) => [
        name,
        audit(name),
      ])
    );
    const names = Object.keys(audits);
    const copies = libreOfficeConvert(
      names.map((name) => audits[name].out),
      path.join(dir, "lo-audit")
    );
    const inputs = libreOfficeConvert(
      names.map((name) => books[name]),
      path.join(dir, "lo-input")
    );
    recalculated = Object.fromEntries(
      await Promise.all(names.map(async (name, i) => [name, await readBook(copies[i])]))
    );
    inputsRecalculated = Object.fromEntries(
      await Promise.all(names.map(async (name, i) => [name, await readBook(inputs[i])]))
    );
  }, 240000);

  const CHECK = AUDIT_HEADERS.indexOf("Check");

  test("LibreOffice recalculates every copy with no error the input did not have, and every check TRUE or explained", () => {
    for (const [name, book] of Object.entries(recalculated)) {
      const input = inputsRecalculated[name];
      for (const sheet of book.sheetNames) {
        for (const [address, cell] of book.cells(sheet)) {
          const isError = typeof cell.value === "object" && cell.value !== null;
          const hadError = (() => {
            const before = input.cell(sheet, address)?.value;
            return typeof before === "object" && before !== null;
          })();
          if (isError && !hadError)
            throw new Error(
              `${name}: ${sheet}!${address} shows ${JSON.stringify(cell.value)} in LibreOffice`
            );
        }
      }
      const audit = book.sheetNames.find((s) => s.startsWith("Audit"))!;
      for (let r = AUDIT_FIRST_ROW - 1; book.cell(audit, cellAddress(r, 0)); r++) {
        const check = book.cell(audit, cellAddress(r, CHECK));
        if (!check) continue;
        expect([
          name,
          cellAddress(r, CHECK),
          check.value === true || /^not re-performed: /.test(String(check.value)),
        ]).toEqual([name, cellAddress(r, CHECK), true]);
      }
    }
  });

  test("cells resting on a value kept from Excel are not claimed as checked", () => {
    const { summary, stdout } = audits.uncomputable;
    expect(summary.notReperformed.map((n) => n.cell).sort()).toEqual([
      "Calc!D1",
      "Calc!D2",
      "Calc!D4",
    ]);
    expect(summary.notReperformed.find((n) => n.cell === "Calc!D1")!.reason).toBe(
      "its input Calc!A1 kept Excel's value (LET is not supported by HyperFormula)"
    );
    expect(summary.checks.map((c) => [c.cell, c.ok])).toEqual([["Audit!H7", true]]);
    expect(stdout).toMatch(
      /Checks: 1 of 1 TRUE when the copy is recomputed without the add-in; 3 BTU cells not re-performed/
    );
    expect(stdout).not.toMatch(/all \d+ TRUE/);
  });

  test("the Audit sheet lists the values kept as Excel computed them, with the reason", async () => {
    const book = await readBook(audits.uncomputable.out);
    expect(book.cell("Audit", "C3")!.value).toBe("Values kept as Excel computed them (6)");
    expect(String(book.cell("Audit", "D3")!.value).split("\n")).toContain(
      "Calc!A1: kept Excel's value: LET is not supported by HyperFormula"
    );
  });

  test("sheet names with commas, brackets, braces and dots are found and quoted; modern functions keep their prefix", async () => {
    const { out, summary } = audits.quoting;
    const book = await readBook(out);
    expect(book.cell("Plan {A} (v2)", "A1")).toEqual({ value: 4000000 });
    expect(book.cell("v1.2", "B1")!.formula).toBeUndefined();
    const natives = [...book.cells("Audit")]
      .filter(([a]) => a.startsWith("G"))
      .map(([, c]) => c.formula)
      .filter(Boolean);
    expect(natives.some((f) => f!.includes("'Q1, 2005 (draft)'!A1"))).toBe(true);
    expect(natives.some((f) => f!.includes("'v1.2'!A1"))).toBe(true);
    expect(natives.some((f) => f!.includes('_xlfn.MAXIFS(Lookup!B1:B2,Lookup!A1:A2,"AR")'))).toBe(
      true
    );
    // By hand: 80% of (5,000,000 + 1,000,000), the text matched with its quotes.
    expect(book.cell("Lookup", "D1")).toEqual({ value: 4800000 });
    expect(natives.some((f) => f!.includes('IF(Lookup!A3="He said ""AR""",1000000,0)'))).toBe(true);
    expect(summary.checks.every((c) => c.ok)).toBe(true);
    expect(summary.checks).toHaveLength(4);
  });

  test("an audit copy keeps every part of the input, the Audit sheet added as a new part", async () => {
    const before = await readParts(books.lossless);
    const after = await readParts(audits.lossless.out);
    for (const name of before.keys()) expect([name, after.has(name)]).toEqual([name, true]);
    for (const name of [
      "xl/vbaProject.bin",
      "docProps/custom.xml",
      "xl/charts/chart1.xml",
      "xl/tables/table1.xml",
      "xl/tables/table2.xml",
      "xl/theme/theme1.xml",
      "docProps/core.xml",
    ]) {
      expect([name, Buffer.from(after.get(name)!).equals(Buffer.from(before.get(name)!))]).toEqual([
        name,
        true,
      ]);
    }
    expect((await readBook(audits.lossless.out)).sheetNames).toEqual([
      "Model",
      "Notes v1.2",
      "Chart",
      "Audit",
    ]);
  });

  test("Audit text is cut at Excel's 32,767-character limit, with a note", async () => {
    const book = await readBook(audits.long.out);
    const inputs = book.cell(
      "Audit",
      cellAddress(AUDIT_FIRST_ROW - 1, AUDIT_HEADERS.indexOf("Inputs"))
    )!.value as string;
    expect(inputs.length).toBe(32767);
    expect(inputs).toMatch(/cut at Excel's limit of 32,767 characters/);
  });

  test("the 1904 copy re-performs its cells in its own date system", () => {
    expect(audits.mac.summary.checks.every((c) => c.ok)).toBe(true);
    expect(audits.mac.summary.checks.length).toBe(2);
  });

  test("the Audit sheet and --json name the rules that produced the copy", () => {
    const provenance = audits.mac.summary.provenance;
    expect(Object.keys(provenance)).toEqual([
      "addIn",
      "terms",
      "catalogue",
      "engine",
      "dateSystem",
    ]);
    expect(provenance.dateSystem).toBe("1904");
    expect(provenance.terms).toMatch(/^sha256:[0-9a-f]{64}$/);
  });
});

/** A LibreOffice workbook from flat ODF text: a pivot table over its data, the 1904 date system and iteration on. */
const PIVOT_FODS = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:body><office:spreadsheet>
<table:calculation-settings><table:null-date table:date-value="1904-01-01"/><table:iteration table:status="enable" table:steps="100" table:maximum-difference="0.001"/></table:calculation-settings>
<table:table table:name="Receivables">
<table:table-row><table:table-cell office:value-type="string"><text:p>Region</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Amount</text:p></table:table-cell><table:table-cell table:formula="of:=SUM([.B2:.B4])" office:value-type="float" office:value="0"/></table:table-row>
<table:table-row><table:table-cell office:value-type="string"><text:p>East</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="1000000"/><table:table-cell table:formula="of:=DATE(2005;3;31)" office:value-type="float" office:value="0"/></table:table-row>
<table:table-row><table:table-cell office:value-type="string"><text:p>West</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="2500000"/></table:table-row>
<table:table-row><table:table-cell office:value-type="string"><text:p>East</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="500000"/></table:table-row>
</table:table>
<table:data-pilot-tables>
<table:data-pilot-table table:name="ByRegion" table:target-range-address="Receivables.E1:Receivables.F5" table:buttons="Receivables.E1">
<table:source-cell-range table:cell-range-address="Receivables.A1:Receivables.B4"/>
<table:data-pilot-field table:source-field-name="Region" table:orientation="row" table:used-hierarchy="-1"><table:data-pilot-level table:show-empty="false"/></table:data-pilot-field>
<table:data-pilot-field table:source-field-name="Amount" table:orientation="data" table:used-hierarchy="-1" table:function="sum"/>
</table:data-pilot-table>
</table:data-pilot-tables>
</office:spreadsheet></office:body></office:document>`;

describe("workbooks from LibreOffice, and work kept within bounds", () => {
  let pivot: string;

  beforeAll(async () => {
    const fods = path.join(dir, "pivot.fods");
    await fs.writeFile(fods, PIVOT_FODS);
    [pivot] = libreOfficeConvert([fods], path.join(dir, "lo-made"));
  }, 120000);

  test("a LibreOffice workbook with a pivot table and its cache comes back whole", async () => {
    const out = path.join(dir, "pivot.recalc.xlsx");
    const run = btu(["recalc", pivot, "-o", out, "--json"]);
    expect(run.status).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary.dateSystem).toBe(1904);
    expect(summary.differences).toEqual([]);
    await expectOnlyCachedValuesChanged(pivot, out);
    const parts = await readParts(out);
    for (const part of [
      "xl/pivotTables/pivotTable1.xml",
      "xl/pivotCache/pivotCacheDefinition1.xml",
      "xl/pivotCache/pivotCacheRecords1.xml",
    ])
      expect([part, parts.has(part)]).toEqual([part, true]);
    const book = await readBook(out);
    // By hand: 1,000,000 + 2,500,000 + 500,000; DATE(2005,3,31) in the 1904 system is 38442 - 1462.
    expect(book.cell("Receivables", "C1")!.value).toBe(4000000);
    expect(book.cell("Receivables", "C2")!.value).toBe(MARCH_31_2005_1904);
  });

  test("a package whose text cells point at a shared strings part it lacks is refused, exit 2", async () => {
    const broken = path.join(dir, "no-strings.xlsx");
    await fs.copyFile(pivot, broken);
    await editParts(broken, (parts) => parts.delete("xl/sharedStrings.xml"));
    const run = btu(["recalc", broken, "-o", path.join(dir, "no-strings.out.xlsx")]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /no-strings\.xlsx: has text cells \(Receivables!A1\) but no shared strings part xl\/sharedStrings\.xml/
    );
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
  });

  test("a formula nested deeper than Excel's 64 levels is refused with the cell named, exit 2", async () => {
    const deep = await makeBook(path.join(dir, "deep.xlsx"), {
      sheets: [
        { name: "Deep", cells: { A1: { f: `${"(".repeat(150)}1${")".repeat(150)}`, v: 1 } } },
      ],
    });
    const run = btu(["audit", deep, "-o", path.join(dir, "deep.audit.xlsx")]);
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe(
      `btu audit: ${deep}: cell Deep!A1 has a formula Excel cannot hold: it is nested more than 64 levels deep, which Excel does not allow`
    );
  });

  test("one value in the last cell of the grid costs no grid: recalc runs in 256 MB", async () => {
    const far = await makeBook(path.join(dir, "far.xlsx"), {
      sheets: [{ name: "Far", cells: { XFD1048576: 21, A1: { f: "XFD1048576*2", v: 0 } } }],
    });
    const out = path.join(dir, "far.recalc.xlsx");
    const run = spawnSync(
      process.execPath,
      ["--max-old-space-size=256", path.join(ROOT, "bin", "btu.js"), "recalc", far, "-o", out],
      { encoding: "utf8", timeout: 60000 }
    );
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect((await readBook(out)).cell("Far", "A1")!.value).toBe(42);
  });

  test("a cell reference beyond Excel's grid is refused, exit 2", async () => {
    const file = await makeBook(path.join(dir, "beyond.xlsx"), {
      sheets: [{ name: "S", cells: { A1: 1 } }],
    });
    await editParts(file, (parts) =>
      setPart(
        parts,
        "xl/worksheets/sheet1.xml",
        partText(parts, "xl/worksheets/sheet1.xml").replace('r="A1"', 'r="XFE1"')
      )
    );
    const run = btu(["recalc", file, "-o", path.join(dir, "beyond.out.xlsx")]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/has a cell XFE1 beyond Excel's grid \(XFD1048576\)/);
  });

  test("an interrupted write leaves no temporary file, and a killed run's leftover is removed by the next", async () => {
    const target = path.join(dir, "interrupted.xlsx");
    // The write never finishes: the process is stopped while its temporary file exists.
    const script = `require("tsx/cjs"); const fs = require("fs"); const real = fs.promises.writeFile;
      fs.promises.writeFile = async (file, data) => { await real(file, data); process.stdout.write("writing\\n"); setInterval(() => {}, 1000); return new Promise(() => {}); };
      require(${JSON.stringify(path.join(ROOT, "src", "headless", "files.ts"))}).writeAtomically(${JSON.stringify(target)}, Buffer.from("x"));`;
    const child = spawn(process.execPath, ["-e", script], { cwd: ROOT });
    let said = "";
    await new Promise<void>((resolve) =>
      child.stdout.on(
        "data",
        (chunk: Buffer) => (said += chunk.toString()).includes("writing") && resolve()
      )
    );
    const during = (await fs.readdir(dir)).filter((name) =>
      name.startsWith(".interrupted.xlsx.btu-")
    );
    expect(during).toEqual([`.interrupted.xlsx.btu-${child.pid}.tmp`]);
    child.kill("SIGTERM");
    await new Promise((resolve) => child.on("exit", resolve));
    expect((await fs.readdir(dir)).filter((name) => name.includes(".btu-"))).toEqual([]);

    const stale = path.join(dir, ".fiscal.recalc.xlsx.btu-999999999.tmp");
    await fs.writeFile(stale, "left by a run that was killed outright");
    recalc("fiscal");
    expect((await fs.readdir(dir)).filter((name) => name.includes(".btu-"))).toEqual([]);
  });
});
