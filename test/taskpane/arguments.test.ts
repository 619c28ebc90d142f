/** Reading argument texts as Excel passes them, and the formula builder's rules. */
import { CATALOGUE, SheetError, findBtuCalls, findFunction } from "../../src/catalogue";
import { classifyArgument, parseReference, qualifiedAddress } from "../../src/taskpane/arguments";
import { argumentText, buildFormula, choicesFor } from "../../src/taskpane/builder";
import { callCites, functionsCiting, isWithin, termsCiting } from "../../src/taskpane/citations";

describe("classifyArgument", () => {
  it.each([
    ["42", 42],
    ["-1.5e3", -1500],
    ["35%", 0.35],
    ['"voluntary"', "voluntary"],
    ['"say ""hi"""', 'say "hi"'],
    ["TRUE", true],
    ["false", false],
    ["DATE(2005,3,31)", 38442], // TERMS.md: serial 38442 = 2005-03-31
    ["DATE(1900,3,1)", 61], // TERMS.md: serials below 61 carry Excel's 1900 leap-year quirk
    [
      "{2004,2005;-300000,800000}",
      [
        [2004, 2005],
        [-300000, 800000],
      ],
    ],
    ['{"a",TRUE}', [["a", true]]],
  ])("%s is the constant Excel passes", (text, value) => {
    expect(classifyArgument(text)).toEqual({ kind: "constant", value });
  });

  it("reads error literals as errors that pass through", () => {
    expect(classifyArgument("#N/A")).toEqual({ kind: "constant", value: new SheetError("#N/A") });
  });

  it("reads references, sheet-qualified and quoted too", () => {
    expect(classifyArgument("$B$2")).toEqual({
      kind: "reference",
      ref: { sheet: undefined, address: "B2" },
    });
    expect(parseReference("Inputs!a1:b3")).toEqual({ sheet: "Inputs", address: "A1:B3" });
    expect(parseReference("'Fee schedule ''04'!C7")).toEqual({
      sheet: "Fee schedule '04",
      address: "C7",
    });
  });

  it("leaves omitted arguments, nested calls and expressions apart", () => {
    expect(classifyArgument("  ").kind).toBe("omitted");
    expect(classifyArgument("BTU.BORROWING_BASE(B1,B2)").kind).toBe("call");
    expect(classifyArgument("B1+1").kind).toBe("expression");
    expect(classifyArgument("DATE(2005,2,30)").kind).toBe("expression"); // no 30 February: left to Excel
    expect(classifyArgument("TODAY()").kind).toBe("expression");
  });

  it("quotes sheet names that a formula must quote", () => {
    expect(qualifiedAddress("Loan", "B2")).toBe("Loan!B2");
    expect(qualifiedAddress("Lump sums", "B2")).toBe("'Lump sums'!B2");
    expect(qualifiedAddress("AB12", "B2")).toBe("'AB12'!B2");
  });
});

describe("the formula builder", () => {
  const lump = findFunction("CONSULTING_LUMP")!;

  it("turns dates into DATE(), keywords into quoted text and amounts into numbers", () => {
    const [date, type] = lump.params;
    expect(argumentText(date, "2005-03-31")).toEqual({ text: "DATE(2005,3,31)" });
    expect(argumentText(type, 'say "x"')).toEqual({ text: '"say ""x"""' });
    const base = findFunction("BORROWING_BASE")!;
    expect(argumentText(base.params[0], "$5,000,000")).toEqual({ text: "5000000" });
    expect(argumentText(base.params[0], "Inputs!B2:B9")).toEqual({ text: "Inputs!B2:B9" });
    expect(argumentText(base.params[0], "five")).toHaveProperty("error");
  });

  it("leaves trailing omitted optionals out and waits for required ones", () => {
    expect(buildFormula(lump, { termination_date: "2005-03-31", type: "voluntary" }).formula).toBe(
      '=BTU.CONSULTING_LUMP(DATE(2005,3,31),"voluntary")'
    );
    const waiting = buildFormula(lump, { type: "voluntary" });
    expect(waiting.formula).toBeUndefined();
    expect(waiting.missing).toEqual(["termination_date"]);
    const availability = findFunction("AVAILABILITY")!;
    expect(
      buildFormula(availability, {
        borrowing_base: "5150000",
        loans_outstanding: "3000000",
        lc_exposure: "B4",
      }).formula
    ).toBe("=BTU.AVAILABILITY(5150000,3000000,,B4)");
  });

  it("offers the term ids for BTU.TERM and the keywords for keyword parameters", () => {
    expect(choicesFor(findFunction("TERM")!.params[0])).toContain("loan.inventory_cap");
    expect(choicesFor(lump.params[1])).toContain("voluntary");
    expect(choicesFor(lump.params[0])).toEqual([]);
  });
});

describe("citations", () => {
  it("counts a citation of a sub-paragraph as one of the paragraph", () => {
    expect(isWithin("SEP 4(c)(i)", "SEP 4(c)")).toBe(true);
    expect(isWithin("SEP 4", "SEP 4(c)")).toBe(false);
    expect(isWithin("FA 1(h)-tnw", "FA 1")).toBe(true);
  });

  it("lists the functions and terms that cite a clause", () => {
    expect(functionsCiting("FA 1(b)").map((c) => c.spec.name)).toEqual(
      CATALOGUE.filter((s) => s.clauses.includes("FA 1(b)")).map((s) => s.name)
    );
    expect(termsCiting("FA 1(b)").map((t) => t.id)).toEqual(
      expect.arrayContaining(["loan.inventory_cap", "loan.receivables_rate", "loan.inventory_rate"])
    );
  });

  it("knows the clause behind BTU.TERM and BTU.CLAUSE calls", () => {
    const [term] = findBtuCalls('=BTU.TERM("loan.inventory_cap")');
    expect(callCites(term, "FA 1(b)")).toBe(true);
    const [clause] = findBtuCalls('=BTU.CLAUSE("sa 21(b)")');
    expect(callCites(clause, "SA 21")).toBe(true);
    expect(callCites(clause, "SA 13")).toBe(false);
  });
});
