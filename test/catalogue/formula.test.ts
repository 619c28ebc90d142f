import {
  NOT_LITERAL,
  SheetError,
  SETTING_KEYS,
  findBtuCalls,
  literalValue,
  normalizeStoredFormula,
  parseReference,
  readSettings,
  referencesOf,
  sheetPrefix,
  shiftFormula,
  storedFormula,
  tokenize,
} from "../../src/catalogue";

describe("findBtuCalls", () => {
  test("finds nested calls, outer first, with their argument texts", () => {
    const calls = findBtuCalls("=BTU.AVAILABILITY(BTU.BORROWING_BASE(A1:A3,B1,C1),D1)");
    expect(calls.map((c) => c.name)).toEqual(["AVAILABILITY", "BORROWING_BASE"]);
    expect(calls[0].args).toEqual(["BTU.BORROWING_BASE(A1:A3,B1,C1)", "D1"]);
    expect(calls[1].args).toEqual(["A1:A3", "B1", "C1"]);
  });

  test("commas and parentheses inside strings and array constants do not split arguments", () => {
    const [call] = findBtuCalls('=BTU.MIN_TNW(DATE(2006,12,31),{2004,2005},{1,2},"per_year")');
    expect(call.args).toEqual(["DATE(2006,12,31)", "{2004,2005}", "{1,2}", '"per_year"']);
    expect(findBtuCalls('="BTU.TERM(x)"')).toEqual([]);
    const [quoted] = findBtuCalls('=BTU.CLAUSE("a "",) b")');
    expect(quoted.args).toEqual(['"a "",) b"']);
  });

  test("omitted arguments stay as empty texts; a call with no arguments has none", () => {
    expect(findBtuCalls("=BTU.FEE_SCHEDULE(,DATE(2004,1,1))")[0].args).toEqual([
      "",
      "DATE(2004,1,1)",
    ]);
    expect(findBtuCalls("=BTU.LEVERAGE_MAX()")[0].args).toEqual([]);
  });

  test("recognises the stored add-in forms and ignores look-alike names", () => {
    expect(findBtuCalls('=_xldudf_BTU_TERM("loan.commitment")')[0].name).toBe("TERM");
    expect(findBtuCalls("=XBTU.TERM(1)+MYBTU.TERM(2)")).toEqual([]);
  });
});

describe("normalizeStoredFormula", () => {
  test("rewrites Excel's stored prefixes but leaves string contents alone", () => {
    expect(
      normalizeStoredFormula(
        '=_xldudf_BTU_TERM("_xlfn.x")+_xlfn.XLOOKUP(1,A:A,B:B)+_xldudf_BTU.CONTRACT_YEAR(A1)'
      )
    ).toBe('=BTU.TERM("_xlfn.x")+XLOOKUP(1,A:A,B:B)+BTU.CONTRACT_YEAR(A1)');
  });
});

describe("readSettings", () => {
  test("keeps well-formed values and drops the rest", () => {
    const store: Record<string, unknown> = {
      [SETTING_KEYS.discountMethod]: "pv",
      [SETTING_KEYS.extraHolidays]: [38348, "x", null],
    };
    expect(readSettings((key) => store[key])).toEqual({
      discountMethod: "pv",
      extraHolidays: [38348],
    });
    expect(readSettings(() => undefined)).toEqual({});
  });
});

describe("literalValue", () => {
  test("reads constants as Excel passes them", () => {
    // DATE(2005,3,31) = serial 38442 (TERMS.md); 35% = 0.35.
    expect(literalValue("DATE(2005,3,31)")).toBe(38442);
    expect(literalValue(" 35% ")).toBe(0.35);
    expect(literalValue('"say ""hi"""')).toBe('say "hi"');
    expect(literalValue("true")).toBe(true);
    expect(literalValue("")).toBeUndefined();
    expect(literalValue("#N/A")).toEqual(new SheetError("#N/A"));
  });

  test("array constants split rows and columns outside strings only", () => {
    expect(literalValue('{2004,"a,b";2005,"c;d"}')).toEqual([
      [2004, "a,b"],
      [2005, "c;d"],
    ]);
  });

  test("references, nested calls, expressions and impossible dates are not literals", () => {
    for (const text of [
      "B2",
      "Sheet1!B2:B4",
      'BTU.TERM("loan.commitment")',
      "B1+1",
      "DATE(2005,2,30)",
      "{1,B2}",
    ]) {
      expect(literalValue(text)).toBe(NOT_LITERAL);
    }
  });
});

describe("the formula tokenizer", () => {
  test("quoted sheet names holding commas, parentheses and braces are one reference", () => {
    const refs = referencesOf("=SUM('Q1, 2005 (draft)'!A1:B2)+'Plan {A}'!C3+'It''s'!D4");
    expect(refs.map((r) => [r.sheet, r.area])).toEqual([
      ["Q1, 2005 (draft)", "A1:B2"],
      ["Plan {A}", "C3"],
      ["It's", "D4"],
    ]);
  });

  test("sheet names are quoted unless Excel could read them plainly", () => {
    expect(
      ["Termination", "v1.2", "2005", "Fee schedule", "A1", "R1C1", "TRUE", "It's"].map(sheetPrefix)
    ).toEqual([
      "Termination!",
      "'v1.2'!",
      "'2005'!",
      "'Fee schedule'!",
      "'A1'!",
      "'R1C1'!",
      "'TRUE'!",
      "'It''s'!",
    ]);
  });

  test("functions added since 2007 get the prefix a file stores them with", () => {
    expect(
      storedFormula('XLOOKUP(1,A:A,B:B)+FILTER(A1:A3,B1:B3)+SUM(A1)+_xlfn.IFS(TRUE,1)+"XLOOKUP(1)"')
    ).toBe(
      '_xlfn.XLOOKUP(1,A:A,B:B)+_xlfn._xlws.FILTER(A1:A3,B1:B3)+SUM(A1)+_xlfn.IFS(TRUE,1)+"XLOOKUP(1)"'
    );
  });

  test("a shared formula moves its relative references and keeps the absolute ones", () => {
    expect(shiftFormula("A1+$B$1+C$1+$D1+Sheet2!E5+SUM(F:F)", 2, 1)).toBe(
      "B3+$B$1+D$1+$D3+Sheet2!F7+SUM(G:G)"
    );
    expect(shiftFormula("A1", -1, 0)).toBe("#REF!");
  });

  test("structured references, 3-D references and nesting beyond Excel's 64 levels", () => {
    expect(tokenize("Fees[[#This Row],[Amount]]*2")[0]).toMatchObject({
      type: "structured",
      text: "Fees[[#This Row],[Amount]]",
    });
    expect(parseReference(tokenize("SUM(Jan:Mar!B2)")[2].text)).toEqual({
      sheet: "Jan",
      lastSheet: "Mar",
      book: undefined,
      area: "B2",
    });
    const kinds = (formula: string) => tokenize(formula).map((t) => [t.type, t.text]);
    // Digits are a number only where nothing after them makes a row range, a sheet or a decimal.
    expect(kinds("SUM(1:3)+2005!A1+1.5e3+7%-DATE(2004,6,30)*-2<=10")).toEqual([
      ["function", "SUM"],
      ["open", "("],
      ["ref", "1:3"],
      ["close", ")"],
      ["operator", "+"],
      ["ref", "2005!A1"],
      ["operator", "+"],
      ["number", "1.5e3"],
      ["operator", "+"],
      ["number", "7"],
      ["operator", "%"],
      ["operator", "-"],
      ["function", "DATE"],
      ["open", "("],
      ["number", "2004"],
      ["comma", ","],
      ["number", "6"],
      ["comma", ","],
      ["number", "30"],
      ["close", ")"],
      ["operator", "*"],
      ["operator", "-"],
      ["number", "2"],
      ["operator", "<="],
      ["number", "10"],
    ]);
    expect(kinds("{1;2}<>3 ")).toEqual([
      ["arrayOpen", "{"],
      ["number", "1"],
      ["semicolon", ";"],
      ["number", "2"],
      ["arrayClose", "}"],
      ["operator", "<>"],
      ["number", "3"],
      ["space", " "],
    ]);
    expect(() => tokenize(`${"(".repeat(65)}1${")".repeat(65)}`)).toThrow(
      /nested more than 64 levels/
    );
    expect(tokenize(`${"(".repeat(64)}1${")".repeat(64)}`)).toHaveLength(129);
  });
});
