/**
 * "Insert certificate" against office-addin-mock: a new sheet under a free name, labelled inputs
 * prefilled with the definition's worked example (TERMS.md), the spilled function reading them,
 * status formatting, the clauses and a signature block. The user's own sheets stay as they were.
 */
import { evaluate } from "../../src/catalogue";
import { certificateLayout, insertCertificate } from "../../src/taskpane/certificates";
import { FakeWorkbook } from "./fakeExcel";

const context = (fake: FakeWorkbook) => fake.context as unknown as Excel.RequestContext;

describe("certificate layouts, from the definitions", () => {
  test("the covenant certificate: one input row per parameter, the function over them", () => {
    const layout = certificateLayout("COMPLIANCE");
    expect(layout.inputs.map((i) => i.label)).toEqual([
      "Test date",
      "Tangible net worth",
      "Fiscal years",
      "Net incomes",
      "Quarter net income",
      "Total liabilities",
      "Watch share (optional)",
      "Method (optional)",
    ]);
    // Rows 4–11 hold the inputs; the fiscal years and incomes run across B..D; optionals left blank stay out.
    expect(layout.formula).toBe("=BTU.COMPLIANCE(B4,B5,B6:D6,B7:D7,B8,B9)");
    expect(layout.rows).toBe(3);
    expect(layout.headings[6]).toBe("Status");
    expect(layout.statusColumn).toBe(6);
  });

  test("prefilled with TERMS.md's example, the inputs give its figures (headroom 500,000.00, WATCH)", () => {
    const layout = certificateLayout("COMPLIANCE");
    const value = (cells: (number | string)[]) =>
      cells.length > 1 ? [cells as number[]] : cells[0];
    const date = 39082; // =DATE(2006,12,31) in the sheet
    expect(layout.inputs[0].cells).toEqual(["=DATE(2006,12,31)"]);
    const args = [date, ...layout.inputs.slice(1, 6).map((i) => value(i.cells))];
    const result = evaluate("COMPLIANCE", args as never).result;
    if (!result.ok || !Array.isArray(result.value)) throw new Error("expected rows");
    expect(result.value[0][4]).toBe(500000);
    expect(result.value[0][6]).toBe("WATCH");
  });

  test("the borrowing-base certificate: thirteen lines, no status", () => {
    const layout = certificateLayout("BORROWING_BASE_CERTIFICATE");
    expect(layout.formula).toBe("=BTU.BORROWING_BASE_CERTIFICATE(B4,B5,B6,B7)");
    expect(layout.rows).toBe(13);
    expect(layout.statusColumn).toBeUndefined();
  });
});

describe("insertCertificate", () => {
  test("writes a new sheet beside a user's sheet of the same name, with formatting and clauses", async () => {
    const fake = new FakeWorkbook({
      "Covenant certificate": { A1: { value: "Our own notes" } },
    });
    const where = await insertCertificate(context(fake), "COMPLIANCE");
    expect(where).toEqual({
      sheet: "Covenant certificate (2)",
      address: "'Covenant certificate (2)'!A1",
    });
    expect(fake.sheetNames()).toEqual(["Covenant certificate", "Covenant certificate (2)"]);
    const theirs = fake.range("Covenant certificate", "A1");
    theirs.load("values");
    await context(fake).sync();
    expect(theirs.values).toEqual([["Our own notes"]]);

    const sheet = "Covenant certificate (2)";
    expect(fake.range(sheet, "A4").values).toEqual([["Test date"]]);
    expect(fake.range(sheet, "B4").formulas).toEqual([["=DATE(2006,12,31)"]]);
    expect(fake.range(sheet, "B4").numberFormat).toEqual([["d mmm yyyy"]]);
    expect(fake.range(sheet, "B6:D6").formulas).toEqual([[2004, 2005, 2006]]);
    expect(fake.range(sheet, "B5").format.fill.color).toBe("#FFF2CC");
    expect(fake.range(sheet, "A14").formulas).toEqual([
      ["=BTU.COMPLIANCE(B4,B5,B6:D6,B7:D7,B8,B9)"],
    ]);
    expect(fake.range(sheet, "A13:G13").values[0][6]).toBe("Status");
    // Status colours on G14:G16, one rule per status.
    expect(
      fake.conditionalFormats.map((f) => [f.range, f.type, (f.rule() as { text: string }).text])
    ).toEqual([
      [`${sheet}!G14:G16`, "ContainsText", "FAIL"],
      [`${sheet}!G14:G16`, "ContainsText", "WATCH"],
      [`${sheet}!G14:G16`, "ContainsText", "PASS"],
    ]);
    expect(fake.range(sheet, "A19:B21").values).toEqual([
      ["FA 1(h)-tnw", expect.any(String)],
      ["FA 1(i)", expect.any(String)],
      ["FA 1(j)", expect.any(String)],
    ]);
    expect(fake.range(sheet, "A23:A25").values[0][0]).toMatch(/^Signed:/);
    expect(fake.activated).toContain(sheet);
  });
});
