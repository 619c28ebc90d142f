/**
 * Contract figures live once, in src/core/terms.ts. Calculation code must read them from there, so
 * a literal copy of one (204000, 0.35, 2007, …) anywhere else fails this test.
 *
 * The rule, applied to code only (comments are skipped; string literals count only when the whole
 * string is a number or an ISO date):
 *  - forbidden: every numeric value of a term that is not an integer or is 13 or more, the year of
 *    every date term, and the ISO date of every date term;
 *  - allowed: integers 0..12. They are months, small counts and indexes that code needs everywhere
 *    (12 months a year, 3 months' notice, a ratio of 2, $1), and a scanner cannot tell them apart;
 *  - allowed in the two calendar modules only: 30 and 365, which there are calendar facts (days in
 *    a month, days in a common year), not the 30-day cure period or the 365-day discount year.
 */
import * as ts from "typescript";
import { TERMS } from "../../src/core";
import { Found, describeFound, numericLiterals, parseFile, parseText, stringLiterals, tsFiles } from "./source";

const GENERIC_LIMIT = 13;
const CALENDAR_MODULES = new Set(["src/core/dates.ts", "src/core/calendar.ts"]);
const CALENDAR_FACTS = new Set([30, 365]);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const NUMBER_TEXT = /^\s*[-+]?(\d[\d_]*(\.\d*)?|\.\d+)(e[-+]?\d+)?\s*$/i;

/** Each forbidden figure with the term it belongs to, for the failure message. */
function forbiddenFigures(): { numbers: Map<number, string>; dates: Map<string, string> } {
  const numbers = new Map<number, string>();
  const dates = new Map<string, string>();
  for (const term of TERMS) {
    for (const { value } of term.history) {
      if (typeof value === "number" && (!Number.isInteger(value) || Math.abs(value) >= GENERIC_LIMIT)) numbers.set(value, term.id);
      if (typeof value === "string" && ISO_DATE.test(value)) {
        dates.set(value, term.id);
        numbers.set(Number(value.slice(0, 4)), `${term.id} (its year)`);
      }
    }
  }
  return { numbers, dates };
}

const FORBIDDEN = forbiddenFigures();

type Hit = Found & { term: string };

/** The contract figures written as literals in one source file. */
function contractLiterals(source: ts.SourceFile): Hit[] {
  const allowed = (value: number) => CALENDAR_MODULES.has(source.fileName) && CALENDAR_FACTS.has(value);
  const hits: Hit[] = [];
  for (const literal of numericLiterals(source)) {
    const term = FORBIDDEN.numbers.get(literal.value);
    if (term && !allowed(literal.value)) hits.push({ ...literal, term });
  }
  for (const literal of stringLiterals(source)) {
    const asNumber = NUMBER_TEXT.test(literal.value) ? FORBIDDEN.numbers.get(Number(literal.value.replace(/_/g, ""))) : undefined;
    const term = asNumber ?? FORBIDDEN.dates.get(literal.value.trim());
    if (term) hits.push({ ...literal, term });
  }
  return hits;
}

const describeHits = (hits: Hit[]) => describeFound(hits).map((line, i) => `${line} (${hits[i].term})`);

describe("the scanner", () => {
  test("knows the figures of TERMS.md", () => {
    for (const figure of [204000, 100000, 0.03, 0.6, 232000, 14000000, 0.8, 0.35, 3500000, 10000000, 20000000, 0.5, 0.75, 50000, 20000, 600, 2003, 2004, 2007]) {
      expect(FORBIDDEN.numbers.has(figure)).toBe(true);
    }
    expect(FORBIDDEN.dates.has("2007-06-30")).toBe(true);
    for (const generic of [0, 1, 2, 3, 12]) expect(FORBIDDEN.numbers.has(generic)).toBe(false);
  });

  test("catches 204000 or 0.35 written into src/core/separation/fees.ts, in any spelling", () => {
    const source = parseText(
      `
      const annual = new Decimal(204000);
      const rate = inventory.times(0.35);
      const cap = -3_500_000;
      const also = 2.04e5;
      const text = new Decimal("0.35");
      const end = isoToSerial("2007-06-30");
      const year = 2007;
      `,
      "src/core/separation/fees.ts",
    );
    expect(contractLiterals(source).map((h) => h.text)).toEqual(["204000", "0.35", "3_500_000", "2.04e5", "2007", '"0.35"', '"2007-06-30"']);
  });

  test("ignores comments, prose in strings, and generic small integers", () => {
    const source = parseText(
      `
      // The Consulting Fee is 204000 a year; 0.35 of inventory.
      /* 3500000 cap */
      const note = "Consulting Fee $204,000 a year, through 2007-06-30";
      const months = 12 * 3 + 2 - 1 + 0;
      `,
      "src/core/separation/fees.ts",
    );
    expect(contractLiterals(source)).toEqual([]);
  });

  test("lets the calendar modules use 30 and 365 as calendar facts, and nothing else", () => {
    const code = "const days = [31, 30, 31]; const year = 365; const fee = 204000;";
    expect(contractLiterals(parseText(code, "src/core/dates.ts")).map((h) => h.text)).toEqual(["204000"]);
    expect(contractLiterals(parseText(code, "src/core/separation/fees.ts")).map((h) => h.text)).toEqual(["30", "365", "204000"]);
  });
});

test("no contract figure is written as a literal in src/core (outside terms.ts and the clause library) or src/catalogue", () => {
  const files = [...tsFiles("src/core", /^src\/core\/(terms\.ts|clauses)$/), ...tsFiles("src/catalogue")];
  expect(files).toContain("src/core/separation/fees.ts");
  expect(files).not.toContain("src/core/terms.ts");
  expect(describeHits(files.flatMap((file) => contractLiterals(parseFile(file))))).toEqual([]);
});
