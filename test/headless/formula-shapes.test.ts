/**
 * Parses shared by shape must be the parses HyperFormula makes itself: every formula, at every
 * address, gets the AST and dependencies HyperFormula's own parser gives it, and copies of one
 * formula share one parse.
 */
import fc from "fast-check";
import { HyperFormula } from "hyperformula";
import { ENGINE_CONFIG } from "../../src/headless/engine";
import { FormulaParser, formulaShape, shareFormulaShapes } from "../../src/headless/formulaShapes";

type Address = { sheet: number; row: number; col: number };
const SHEETS = { Model: [], Other: [], "My 'Q' sheet": [] };

function parserOf(engine: HyperFormula): FormulaParser {
  return (engine as unknown as { _parser: FormulaParser })._parser;
}

// HyperFormula's own parse, taken before this file shares parses by shape.
const hyperFormulaParse = Object.getPrototypeOf(
  parserOf(HyperFormula.buildEmpty({ licenseKey: "gpl-v3" }))
).parse as FormulaParser["parse"];
shareFormulaShapes();

const engines: HyperFormula[] = [];
function newParser(): FormulaParser {
  const engine = HyperFormula.buildFromSheets(SHEETS, ENGINE_CONFIG);
  engines.push(engine);
  return parserOf(engine);
}
afterAll(() => engines.forEach((engine) => engine.destroy()));

const sheetIds = (name: string) =>
  (({ model: 0, other: 1, "my 'q' sheet": 2 }) as Record<string, number>)[name.toLowerCase()];
const at = (row: number, col: number): Address => ({ sheet: 0, row, col });

describe("the shape of a formula", () => {
  it("is one for copies of a formula down a column and across a row", () => {
    const e5 = formulaShape("ROUND(0.8*A5+MIN(0.35*B5,3500000)-C5,2)", at(4, 4), sheetIds);
    const e6 = formulaShape("ROUND(0.8*A6+MIN(0.35*B6,3500000)-C6,2)", at(5, 4), sheetIds);
    const f5 = formulaShape("ROUND(0.8*B5+MIN(0.35*C5,3500000)-D5,2)", at(4, 5), sheetIds);
    expect(e5).toBeDefined();
    expect(e6).toBe(e5);
    expect(f5).toBe(e5);
  });

  it("tells anchored references from relative ones, and the sheets they are on", () => {
    const relative = formulaShape("A1*2", at(0, 1), sheetIds);
    expect(formulaShape("$A1*2", at(0, 1), sheetIds)).not.toBe(relative);
    expect(formulaShape("A$1*2", at(0, 1), sheetIds)).not.toBe(relative);
    expect(formulaShape("Other!A1*2", at(0, 1), sheetIds)).not.toBe(relative);
    expect(formulaShape("'My ''Q'' sheet'!A1*2", at(0, 1), sheetIds)).not.toBe(
      formulaShape("Other!A1*2", at(0, 1), sheetIds)
    );
    // Anchored references are the same shape wherever the formula is.
    expect(formulaShape("$A$1*2", at(7, 3), sheetIds)).toBe(
      formulaShape("$A$1*2", at(0, 1), sheetIds)
    );
  });

  it("keeps strings, numbers, names and functions as written", () => {
    expect(formulaShape('IF(A1>0,"A1 B2",Rate)', at(0, 1), sheetIds)).not.toBe(
      formulaShape('IF(A1>0,"A2 B2",Rate)', at(0, 1), sheetIds)
    );
    // LOG10( is a function, not the cell LOG10: its shape does not move with the formula.
    expect(formulaShape("LOG10(A1)", at(0, 1), sheetIds)).toContain("LOG10(");
    expect(formulaShape("1.5*A1", at(0, 1), sheetIds)).toContain("1.5*");
  });

  it.each([
    ["a whole column", "SUM(A:A)"],
    ["a whole row", "SUM(1:1)"],
    ["a range anchored differently at its two ends", "SUM(A$1:A5)"],
    ["a column past XFD", "XFE1+1"],
    ["a row past 1,048,576", "A1048577+1"],
    ["a name that reads like a cell beyond the grid", "RATE2*A1"],
    ["a sheet the engine does not know", "Nowhere!A1"],
    ["a number with an exponent", "1E5*A1"],
    ["a name HyperFormula does not read", "_xlfn.XLOOKUP(A1,B1:B9,C1:C9)"],
    ["an error literal", "IF(A1,#N/A,1)"],
    ["an array", "SUM({1,2;3,4})"],
    ["a structured reference", "SUM(Table1[Amount])"],
    ["a string holding a line break", '"a\nb"&A1'],
    ["an unclosed string", '"abc'],
    ["a string with a quote in it", '"say ""A1"""&A1'],
    ["a string with a backslash in it", '"a\\"&A1'],
    ["text outside ASCII", "A1&\u00e9t\u00e9"],
  ])("is not taken for %s", (_, text) => {
    expect(formulaShape(text, at(9, 9), sheetIds)).toBeUndefined();
  });
});

/** A formula template: text at any address, its relative references kept at fixed offsets. */
type Template = (address: Address) => string;

const column = (n: number) => {
  let letters = "";
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26))
    letters = String.fromCharCode(65 + ((c - 1) % 26)) + letters;
  return letters;
};

/** A cell reference: anchored or relative in each axis, at an offset that stays inside the grid. */
const reference = fc
  .record({
    col: fc.integer({ min: 0, max: 3 }),
    row: fc.integer({ min: 0, max: 3 }),
    colAnchored: fc.boolean(),
    rowAnchored: fc.boolean(),
  })
  .map(
    ({ col, row, colAnchored, rowAnchored }): ((a: Address) => string) =>
      (a) =>
        `${colAnchored ? "$" : ""}${column(colAnchored ? col + 1 : a.col + col + 1)}${rowAnchored ? "$" : ""}${rowAnchored ? row + 1 : a.row + row + 1}`
  );

const sheetPrefix = fc.constantFrom("", "", "Other!", "'My ''Q'' sheet'!", "model!");

const fixed = (...texts: string[]) =>
  fc.constantFrom(...texts).map(
    (text): Template =>
      () =>
        text
  );

const operand: fc.Arbitrary<Template> = fc.oneof(
  fc.tuple(sheetPrefix, reference).map(
    ([sheet, ref]): Template =>
      (a) =>
        sheet + ref(a)
  ),
  // A range of any two ends, possibly reversed, anchored alike or not.
  fc.tuple(sheetPrefix, reference, reference).map(
    ([sheet, from, to]): Template =>
      (a) =>
        `${sheet}${from(a)}:${to(a)}`
  ),
  // A range with both ends anchored alike.
  fc
    .record({
      sheet: sheetPrefix,
      from: fc.nat(3),
      to: fc.nat(3),
      rows: fc.nat(3),
      anchored: fc.boolean(),
    })
    .map(
      ({ sheet, from, to, rows, anchored }): Template =>
        (a) =>
          anchored
            ? `${sheet}$A$${from + 1}:$C$${to + 1}`
            : `${sheet}${column(a.col + 1)}${a.row + from + 1}:${column(a.col + 3)}${a.row + rows + 1}`
    ),
  fixed("0.8", "3500000", "1.5", ".25", "2"),
  fixed('"voluntary"', '"A1, (b) & c"', '""'),
  fixed("TRUE", "Rate", "AdvanceRate")
);

const template: fc.Arbitrary<Template> = fc.letrec<{ formula: Template }>((tie) => ({
  formula: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    operand,
    fc
      .tuple(
        tie("formula"),
        fc.constantFrom("+", "-", "*", "/", "^", "&", "=", "<>", ">=", " + "),
        tie("formula")
      )
      .map(
        ([l, op, r]): Template =>
          (a) =>
            `${l(a)}${op}${r(a)}`
      ),
    fc
      .tuple(
        fc.constantFrom("SUM", "MIN", "ROUND", "IF", "LOG10", "BTU.BORROWING_BASE"),
        fc.array(tie("formula"), { minLength: 1, maxLength: 3 })
      )
      .map(
        ([name, args]): Template =>
          (a) =>
            `${name}(${args.map((arg) => arg(a)).join(",")})`
      ),
    tie("formula").map(
      (inner): Template =>
        (a) =>
          `(${inner(a)})%`
    )
  ),
})).formula;

const address = fc.record({ row: fc.nat(4), col: fc.nat(4) }).map(({ row, col }) => at(row, col));

describe("parses shared by shape", () => {
  it("are HyperFormula's own parse of each copy, at its own address", () => {
    // One parser for every run, so that shapes from different formulas meet in its cache.
    const shared = newParser();
    const own = newParser();
    fc.assert(
      fc.property(
        template,
        fc.array(address, { minLength: 2, maxLength: 4 }),
        (formula, addresses) => {
          for (const a of addresses) {
            const text = `=${formula(a)}`;
            const expected = hyperFormulaParse.call(own, text, a);
            expect(expected.errors).toEqual([]);
            const actual = shared.parse(text, a);
            expect(actual).toStrictEqual(expected);
          }
        }
      ),
      { numRuns: 1000 }
    );
  });

  it("share one AST between copies of a formula", () => {
    const parser = newParser();
    const first = parser.parse("=ROUND(0.8*A5+MIN(0.35*B5,3500000)-C5,2)", at(4, 4));
    const second = parser.parse("=ROUND(0.8*A9+MIN(0.35*B9,3500000)-C9,2)", at(8, 4));
    expect(second.ast).toBe(first.ast);
  });

  it("are not shared where a range's order depends on the address", () => {
    const parser = newParser();
    const low = parser.parse("=SUM(A$5:A3)", at(0, 1));
    const high = parser.parse("=SUM(A$5:A9)", at(6, 1));
    expect(high.ast).not.toBe(low.ast);
    expect(high).toStrictEqual(hyperFormulaParse.call(newParser(), "=SUM(A$5:A9)", at(6, 1)));
  });

  it("compute what the unshared parses compute, in an engine", () => {
    const rows = Array.from({ length: 50 }, (_, i) => [
      i + 1,
      (i + 1) * 3,
      `=ROUND(A${i + 1}*0.8+MIN(B${i + 1},$A$2)-$A$1,2)`,
    ]);
    const engine = HyperFormula.buildFromSheets({ Model: rows }, ENGINE_CONFIG);
    engines.push(engine);
    const values = engine.getSheetValues(0).map((row) => row[2]);
    // Worked by hand: row r gives 0.8r + min(3r, 2) - 1 = 0.8r + 1, to the cent.
    expect(values).toEqual(rows.map((_, i) => Number((0.8 * (i + 1) + 1).toFixed(2))));
  });
});
