/**
 * Writes and scans against office-addin-mock: inserting a formula, selecting a cell, finding the
 * cells that depend on a clause, the Audit sheet and the values-only copies.
 */
import { AUDIT_FIRST_ROW, AUDIT_HEADERS, buildAuditRows } from "../../src/audit";
import {
  collectAuditCells,
  createAuditSheet,
  createValuesCopies,
  writeAuditSheet,
} from "../../src/taskpane/audit";
import { findCellsCiting } from "../../src/taskpane/find";
import {
  insertFormula,
  scanBtuCells,
  readDate1904,
  selectCell,
  watchWorkbook,
} from "../../src/taskpane/workbook";
import { FakeWorkbook, FakeSheets } from "./fakeExcel";

const sheets: FakeSheets = {
  Inputs: {
    A1: { value: "Eligible receivables" },
    B1: { value: 5000000 },
    B2: { value: 4000000 },
    B3: { value: 250000 },
  },
  "Lump sums": {
    B1: { value: 38442 }, // 2005-03-31
    B4: { formula: '=BTU.CONSULTING_LUMP(B1,"voluntary")', value: 427896.63 },
    C4: { formula: "=B4*2", value: 855793.26 },
    // Text that merely looks like a formula (a constant, so Office.js reports it under `formulas` too).
    D4: { value: "=BTU.CONSULTING_LUMP(B1)" },
  },
  Loan: {
    B2: { formula: "=BTU.BORROWING_BASE(Inputs!B1,Inputs!B2,Inputs!B3)", value: 5150000 },
    B3: { formula: '=BTU.TERM("loan.inventory_cap")', value: 3500000 },
    B4: { formula: "=BTU.FEE_SCHEDULE()", value: 37816 },
  },
};

function context(fake: FakeWorkbook): Excel.RequestContext {
  return fake.context as unknown as Excel.RequestContext;
}

describe("workbook interactions", () => {
  it("inserts a formula into the active cell", async () => {
    const fake = new FakeWorkbook(sheets, { active: "Loan!D9" });
    const where = await insertFormula(context(fake), "=BTU.BORROWING_BASE(5000000,12000000)");
    expect(where).toMatchObject({ sheet: "Loan", address: "D9" });
    expect(fake.range("Loan", "D9").formulas).toEqual([["=BTU.BORROWING_BASE(5000000,12000000)"]]);
  });

  it("selects a cell on its sheet", async () => {
    const fake = new FakeWorkbook(sheets);
    await selectCell(context(fake), "Lump sums", "B4");
    expect(fake.activated).toEqual(["Lump sums"]);
    expect(fake.selected).toEqual(["Lump sums!B4"]);
  });

  it("registers one handler for a new selection, an edit and a recalculation", async () => {
    const fake = new FakeWorkbook(sheets);
    const changed = jest.fn();
    await watchWorkbook(context(fake), changed);
    await fake.selectionHandler?.();
    expect(changed).toHaveBeenCalledTimes(1);
    expect(fake.changeHandlers).toHaveLength(2);
    for (const handler of fake.changeHandlers) await handler();
    expect(changed).toHaveBeenCalledTimes(3);
  });

  it("reads the date system from Excel's own DATE(1904,1,1)", async () => {
    expect(await readDate1904(context(new FakeWorkbook(sheets)))).toBe(false);
    expect(await readDate1904(context(new FakeWorkbook(sheets, { date1904: true })))).toBe(true);
  });

  it("scans every sheet for BTU formulas and ignores text that only looks like one", async () => {
    const fake = new FakeWorkbook(sheets);
    const found = await scanBtuCells(context(fake));
    expect(found.map((c) => `${c.sheet}!${c.address}`)).toEqual([
      "Lump sums!B4",
      "Loan!B2",
      "Loan!B3",
      "Loan!B4",
    ]);
    expect(found[0]).toMatchObject({
      formula: '=BTU.CONSULTING_LUMP(B1,"voluntary")',
      value: 427896.63,
    });
  });

  it("finds the cells whose formulas depend on a clause, through BTU.TERM too", async () => {
    const fake = new FakeWorkbook(sheets);
    const found = await findCellsCiting(context(fake), "FA 1(b)");
    // BORROWING_BASE applies FA 1(b); loan.inventory_cap is a term of FA 1(b).
    expect(found.map((f) => [`${f.cell.sheet}!${f.cell.address}`, f.functions])).toEqual([
      ["Loan!B2", ["BORROWING_BASE"]],
      ["Loan!B3", ["TERM"]],
    ]);
    const voluntary = await findCellsCiting(context(fake), "SEP 4(c)");
    expect(voluntary.map((f) => f.cell.address)).toEqual(["B4"]);
    await selectCell(context(fake), voluntary[0].cell.sheet, voluntary[0].cell.address);
    expect(fake.selected).toEqual(["Lump sums!B4"]);
  });
});

describe("the Audit sheet", () => {
  const spills = {
    // FEE_SCHEDULE's first two rows (TERMS.md: first 2003-07-14, 7803.28); the rest left out here.
    "Loan!B4": {
      address: "Loan!B4:C5",
      values: [
        [37816, 7803.28],
        [37830, 7803.28],
      ],
    },
  };

  it("collects each BTU cell with the inputs it reads", async () => {
    const fake = new FakeWorkbook(sheets, { spills });
    const scan = await collectAuditCells(context(fake), { settings: { discountMethod: "pv" } });
    expect(scan.audit.map((c) => `${c.sheet}!${c.address}`)).toEqual([
      "Lump sums!B4",
      "Loan!B2",
      "Loan!B3",
      "Loan!B4",
    ]);
    expect(scan.audit[1].inputs).toEqual([
      { ref: "Inputs!B1", value: 5000000 },
      { ref: "Inputs!B2", value: 4000000 },
      { ref: "Inputs!B3", value: 250000 },
    ]);
    expect(scan.audit[1].callArgs).toEqual([[[[5000000]], [[4000000]], [[250000]]]]);
    expect(scan.audit[3].value).toEqual(spills["Loan!B4"].values);
    expect(scan.audit[0].settings).toEqual({ discountMethod: "pv" });
  });

  it("writes headers, rows, native formulas and checks on a new sheet, leaving the user's Audit sheet as it was", async () => {
    const fake = new FakeWorkbook({ ...sheets, Audit: { A1: { value: "old" } } }, { spills });
    const ctx = context(fake);
    const scan = await collectAuditCells(ctx, {});
    const rows = buildAuditRows(scan.audit);
    const address = await writeAuditSheet(ctx, rows, { extraHolidays: [38630] });

    // One row per BTU cell, and below the FEE_SCHEDULE spill one per re-performed cell: 2 rows × 2 columns.
    const lastRow = AUDIT_FIRST_ROW + rows.length + 2 * 2 - 1;
    expect(address).toBe(`'Audit (2)'!A1:L${lastRow}`);
    const theirs = fake.range("Audit", "A1");
    theirs.load("values");
    await ctx.sync();
    expect(theirs.values).toEqual([["old"]]);
    const written = fake.range("Audit (2)", `A1:L${lastRow}`);
    const formulas: unknown[][] = written.formulas;
    expect(formulas).toHaveLength(lastRow);
    expect(formulas[AUDIT_FIRST_ROW - 2]).toEqual([...AUDIT_HEADERS]);
    expect(formulas[1][1]).toContain("2005-10-05"); // serial 38630, shown as a date

    const lump = formulas[AUDIT_FIRST_ROW - 1];
    expect(lump.slice(0, 3)).toEqual(["Lump sums", "B4", '=BTU.CONSULTING_LUMP(B1,"voluntary")']);
    expect(lump[5]).toBe(427896.63);
    expect(String(lump[6])).toMatch(/^=ROUND\(/);
    expect(String(lump[6])).toContain("'Lump sums'!B1");
    expect(lump[7]).toBe(`=ROUND(F${AUDIT_FIRST_ROW}-G${AUDIT_FIRST_ROW},2)=0`);

    // The original formula is written as text, so it cannot become a live formula on the Audit sheet.
    expect(written.numberFormat[AUDIT_FIRST_ROW - 1][2]).toBe("@");
    expect(written.numberFormat[AUDIT_FIRST_ROW - 1][5]).toBe("#,##0.00");
    const header = fake.range("Audit (2)", `A${AUDIT_FIRST_ROW - 1}:L${AUDIT_FIRST_ROW - 1}`);
    expect(header.format.font.bold).toBe(true);
    expect(fake.frozenRows["Audit (2)"]).toBe(AUDIT_FIRST_ROW - 1);
    expect(fake.range("Audit (2)", "C:C").format.columnWidth).toBeGreaterThan(
      fake.range("Audit (2)", "B:B").format.columnWidth
    );
    expect(fake.activated).toContain("Audit (2)");
  });

  it("copies the sheets with BTU cells as values, spills included", async () => {
    const fake = new FakeWorkbook(sheets, { spills });
    const ctx = context(fake);
    const scan = await collectAuditCells(ctx, {});
    const names = await createValuesCopies(ctx, scan);
    expect(names).toEqual(["Lump sums (values)", "Loan (values)"]);
  });

  it("numbers a values copy whose name is taken, and leaves the sheet that has it alone", async () => {
    const fake = new FakeWorkbook(
      { ...sheets, "Loan (values)": { A1: { value: "mine" } } },
      { spills }
    );
    const ctx = context(fake);
    const names = await createValuesCopies(ctx, await collectAuditCells(ctx, {}));
    expect(names).toEqual(["Lump sums (values)", "Loan (values) (2)"]);
    const theirs = fake.range("Loan (values)", "A1");
    theirs.load("values");
    await ctx.sync();
    expect(theirs.values).toEqual([["mine"]]);
    expect(fake.range("Loan (values) (2)", "B2").values).toEqual([[5150000]]);
  });

  it("copies the sheets as values: the first run's names", async () => {
    const fake = new FakeWorkbook(sheets, { spills });
    const ctx = context(fake);
    const names = await createValuesCopies(ctx, await collectAuditCells(ctx, {}));
    expect(fake.sheetNames()).toEqual(expect.arrayContaining(names));
    expect(fake.range("Lump sums (values)", "B4").values).toEqual([[427896.63]]);
    expect(fake.range("Loan (values)", "B2").values).toEqual([[5150000]]);
    expect(fake.range("Loan (values)", "B4:C5").values).toEqual(spills["Loan!B4"].values);
  });

  it("still writes the Audit sheet where the host cannot copy sheets, and says so", async () => {
    const fake = new FakeWorkbook(sheets, { spills });
    fake.sheet("Lump sums")!.copy = () => {
      throw new Error("This host cannot copy worksheets.");
    };
    const summary = await createAuditSheet(context(fake), {}, { valuesCopies: true });
    expect(summary).toMatchObject({
      cells: 4,
      copies: [],
      copyError: "This host cannot copy worksheets.",
    });
    expect(fake.sheetNames()).toContain("Audit");
  });
});
