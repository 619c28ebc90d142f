/**
 * The selection handler against office-addin-mock: it reads the active cell, the cells its BTU
 * calls refer to (on its own sheet and on others), and produces the explanation model.
 * Figures are TERMS.md's worked examples unless a comment works them by hand.
 */
import { SheetError, recordInvocation } from "../../src/catalogue";
import { explainSelection } from "../../src/taskpane/selection";
import { FakeWorkbook } from "./fakeExcel";

const model = {
  Inputs: {
    B1: { value: 5000000 },
    B2: { value: 4000000 },
    B3: { value: 250000 },
  },
  Model: {
    A1: { value: "Termination date" },
    B1: { value: 38442 }, // 2005-03-31 (TERMS.md: serial 38442)
    B2: { value: "voluntary" },
    B4: { formula: "=BTU.CONSULTING_LUMP(B1,B2)", value: 427896.63 },
    B5: { formula: '=BTU.CONSULTING_LUMP(DATE(2006,6,30),"voluntary")', value: 197880 },
    B6: { value: 3000000 },
    B7: {
      formula: "=BTU.AVAILABILITY(BTU.BORROWING_BASE(Inputs!B1,Inputs!B2,Inputs!B3),B6)",
      value: 2150000,
    },
    B8: { value: "#DIV/0!", type: "Error" as const },
    B9: { formula: '=BTU.CONSULTING_LUMP(B8,"board")', value: "#DIV/0!", type: "Error" as const },
    B10: { value: "<img src=x onerror=alert(1)>" },
    B11: { formula: '=BTU.CONSULTING_LUMP(B1+1,"board")', value: 458860.27 },
    B12: {
      formula: '=BTU.CONSULTING_LUMP(Missing!B1,"board")',
      value: "#REF!",
      type: "Error" as const,
    },
    B13: {
      formula: '=BTU.CONSULTING_LUMP(DATE(2003,6,30),"death")',
      value: "#N/A",
      type: "Error" as const,
    },
    B14: { value: 38432 }, // 2005-03-21
    B15: { formula: '=BTU.CONSULTING_LUMP(EOMONTH(B14,0),"voluntary")', value: 427896.63 },
    B16: { formula: "=SUM(B4:B5)+B6", value: 3625776.63 },
    B17: { value: 36980 }, // 2005-03-31 in the 1904 date system: 38442 − 1462
    B18: { formula: '=BTU.CONSULTING_LUMP(B17,"voluntary")', value: 427896.63 },
  },
};

/** Polls for a recording without waiting: the fake's "Excel" records synchronously or never. */
const noWait = async () => undefined;

async function select(
  address: string,
  fake = new FakeWorkbook(model, { active: `Model!${address}` })
) {
  return explainSelection(fake.context as unknown as Excel.RequestContext, {}, { wait: noWait });
}

describe("explainSelection", () => {
  it("reads the selected cell and its precedents and explains the call with the core's steps", async () => {
    const { cell, calls } = await select("B4");
    expect(cell).toEqual({
      sheet: "Model",
      address: "B4",
      formula: "=BTU.CONSULTING_LUMP(B1,B2)",
      value: 427896.63,
    });
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call.args.map((a) => [a.param?.name, a.source, a.ref, a.value])).toEqual([
      ["termination_date", "reference", "Model!B1", [[38442]]],
      ["type", "reference", "Model!B2", [["voluntary"]]],
    ]);
    expect(call.evaluation?.result).toEqual({ ok: true, value: 427896.63 });
    const outcome = call.evaluation?.outcome;
    if (!outcome?.ok) throw new Error("expected an explanation");
    expect(outcome.explanation.steps.map((s) => s.clause)).toContain("SEP 4(c)(i)");
  });

  it("evaluates DATE() and text constants and shows both discount readings", async () => {
    const [call] = (await select("B5")).calls;
    expect(call.args.map((a) => [a.source, a.value])).toEqual([
      ["constant", 38898], // DATE(2006,6,30): 38442 + 456 days (2005-03-31 → 2006-06-30, 275 + 181)
      ["constant", "voluntary"],
    ]);
    expect(call.evaluation?.result).toEqual({ ok: true, value: 197880 });
    const outcome = call.evaluation?.outcome;
    if (!outcome?.ok) throw new Error("expected an explanation");
    expect(outcome.explanation.alternatives.map((a) => a.figure)).toContain("$201,006.35");
  });

  it("evaluates a nested call first and reads sheet-qualified references", async () => {
    const { calls } = await select("B7");
    expect(calls.map((c) => c.name)).toEqual(["AVAILABILITY", "BORROWING_BASE"]);
    const [availability, base] = calls;
    expect(base.nestedIn).toBe(0);
    expect(base.args.map((a) => a.ref)).toEqual(["Inputs!B1", "Inputs!B2", "Inputs!B3"]);
    expect(base.evaluation?.result).toEqual({ ok: true, value: 5150000 });
    expect(availability.args[0]).toMatchObject({ source: "call", value: 5150000 });
    // min(14,000,000 commitment, 5,150,000 base) − 3,000,000 loans
    expect(availability.evaluation?.result).toEqual({ ok: true, value: 2150000 });
  });

  it("passes an error in an input cell through, as Excel does", async () => {
    const [call] = (await select("B9")).calls;
    expect(call.args[0].value).toEqual([[new SheetError("#DIV/0!")]]);
    expect(call.evaluation?.result).toMatchObject({ ok: false, code: "#DIV/0!" });
  });

  it("explains the core's error with its clause", async () => {
    const [call] = (await select("B13")).calls;
    expect(call.evaluation?.result).toMatchObject({ ok: false, code: "#N/A" });
    expect(call.evaluation?.outcome).toMatchObject({ ok: false, clause: "SEP 4(g)" });
  });

  it("explains an expression argument from what Excel passed when it calculated the cell", async () => {
    const fake = new FakeWorkbook(model, { active: "Model!B15" });
    // Excel evaluates EOMONTH(2005-03-21, 0) = 2005-03-31 (38442) and calls the function with it.
    fake.onRangeCalculate = (address) =>
      recordInvocation("CONSULTING_LUMP", [38442, "voluntary"], address, ["", ""]);
    const [call] = (await select("B15", fake)).calls;
    expect(fake.calculatedRanges).toEqual(["Model!B15"]);
    expect(call.recorded).toBe(true);
    expect(call.args.map((a) => [a.source, a.value])).toEqual([
      ["expression", 38442],
      ["constant", "voluntary"],
    ]);
    expect(call.evaluation?.result).toEqual({ ok: true, value: 427896.63 }); // TERMS.md
    // Recorded once, explained without asking Excel again.
    const again = new FakeWorkbook(model, { active: "Model!B15" });
    expect((await select("B15", again)).calls[0].recorded).toBe(true);
    expect(again.calculatedRanges).toEqual([]);
  });

  it("leads from a formula without BTU calls to the BTU cells it reads", async () => {
    const { calls, feeders } = await select("B16");
    expect(calls).toEqual([]);
    expect(feeders.map((c) => [c.address, c.value])).toEqual([
      ["B4", 427896.63],
      ["B5", 197880],
    ]);
  });

  it("reads dates in the workbook's 1904 date system", async () => {
    const fake = new FakeWorkbook(model, { active: "Model!B18" });
    const { calls } = await explainSelection(
      fake.context as unknown as Excel.RequestContext,
      { date1904: true },
      { wait: noWait }
    );
    expect(calls[0].evaluation?.result).toEqual({ ok: true, value: 427896.63 });
  });

  it("does not evaluate what it cannot read and Excel did not pass: expressions and missing sheets", async () => {
    const fake = new FakeWorkbook(model, { active: "Model!B11" });
    const [expression] = (await select("B11", fake)).calls;
    expect(fake.calculatedRanges).toEqual(["Model!B11"]);
    expect(expression.unreadable).toEqual(["B1+1"]);
    expect(expression.evaluation).toBeUndefined();
    const [missing] = (await select("B12")).calls;
    expect(missing.unreadable).toEqual(["Missing!B1"]);
  });

  it("reports a cell without a formula as such, with its text unchanged", async () => {
    const { cell, calls } = await select("B10");
    expect(cell.formula).toBe("");
    expect(cell.value).toBe("<img src=x onerror=alert(1)>");
    expect(calls).toEqual([]);
  });
});
