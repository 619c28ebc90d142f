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
import {
  Found,
  describeFound,
  numericLiterals,
  parseFile,
  parseText,
  stringLiterals,
  textPieces,
  tsFiles,
} from "./source";

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
      if (
        typeof value === "number" &&
        (!Number.isInteger(value) || Math.abs(value) >= GENERIC_LIMIT)
      )
        numbers.set(value, term.id);
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
  const allowed = (value: number) =>
    CALENDAR_MODULES.has(source.fileName) && CALENDAR_FACTS.has(value);
  const hits: Hit[] = [];
  for (const literal of numericLiterals(source)) {
    const term = FORBIDDEN.numbers.get(literal.value);
    if (term && !allowed(literal.value)) hits.push({ ...literal, term });
  }
  for (const literal of stringLiterals(source)) {
    const asNumber = NUMBER_TEXT.test(literal.value)
      ? FORBIDDEN.numbers.get(Number(literal.value.replace(/_/g, "")))
      : undefined;
    const term = asNumber ?? FORBIDDEN.dates.get(literal.value.trim());
    if (term) hits.push({ ...literal, term });
  }
  return hits;
}

const describeHits = (hits: Hit[]) =>
  describeFound(hits).map((line, i) => `${line} (${hits[i].term})`);

describe("the scanner", () => {
  test("knows the figures of TERMS.md", () => {
    for (const figure of [
      204000, 100000, 0.03, 0.6, 232000, 14000000, 0.8, 0.35, 3500000, 10000000, 20000000, 0.5,
      0.75, 50000, 20000, 600, 2003, 2004, 2007,
    ]) {
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
      "src/core/separation/fees.ts"
    );
    expect(contractLiterals(source).map((h) => h.text)).toEqual([
      "204000",
      "0.35",
      "3_500_000",
      "2.04e5",
      "2007",
      '"0.35"',
      '"2007-06-30"',
    ]);
  });

  test("ignores comments, prose in strings, and generic small integers", () => {
    const source = parseText(
      `
      // The Consulting Fee is 204000 a year; 0.35 of inventory.
      /* 3500000 cap */
      const note = "Consulting Fee $204,000 a year, through 2007-06-30";
      const months = 12 * 3 + 2 - 1 + 0;
      `,
      "src/core/separation/fees.ts"
    );
    expect(contractLiterals(source)).toEqual([]);
  });

  test("lets the calendar modules use 30 and 365 as calendar facts, and nothing else", () => {
    const code = "const days = [31, 30, 31]; const year = 365; const fee = 204000;";
    expect(contractLiterals(parseText(code, "src/core/dates.ts")).map((h) => h.text)).toEqual([
      "204000",
    ]);
    expect(
      contractLiterals(parseText(code, "src/core/separation/fees.ts")).map((h) => h.text)
    ).toEqual(["30", "365", "204000"]);
  });
});

const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const NUMBER_WORDS: Record<number, string> = {
  10: "ten",
  14: "fourteen",
  21: "twenty-one",
  30: "thirty",
  90: "ninety",
  120: "one hundred twenty",
  365: "three hundred sixty-five",
  600: "six hundred",
};
const SMALL_WORDS = [
  "zero",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
];
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const grouped = (value: number) => value.toLocaleString("en-US", { maximumFractionDigits: 2 });

/**
 * How each figure of the terms reads when written as prose: dollars with their commas, a rate as a
 * percentage, a date in ISO, long and US order, a count of days or months in digits or words.
 */
function prosePatterns(): { pattern: RegExp; term: string }[] {
  const patterns: { pattern: RegExp; term: string }[] = [];
  const add = (source: string, term: string) =>
    patterns.push({ pattern: new RegExp(source, "i"), term });
  for (const term of TERMS) {
    for (const { value } of term.history) {
      if (typeof value === "number" && term.unit === "usd" && value >= 1000)
        add(`\\$?${escape(grouped(value))}(?![\\d,])`, term.id);
      if (typeof value === "number" && term.unit === "rate")
        add(`(?<![\\d.])${escape(String(Number((value * 100).toPrecision(12))))}\\s?%`, term.id);
      if (
        typeof value === "number" &&
        (term.unit === "days" ||
          term.unit === "business days" ||
          term.unit === "months" ||
          term.unit === "hours")
      ) {
        const words = [String(value), NUMBER_WORDS[value] ?? SMALL_WORDS[value]]
          .filter(Boolean)
          .map(escape)
          .join("|");
        const unit =
          term.unit === "hours"
            ? "hours"
            : term.unit === "months"
              ? "months?'?"
              : "(?:consecutive |calendar |business )?days?'?";
        add(`(?<![\\w.])(?:${words})[- ]${unit}\\b`, term.id);
      }
      if (typeof value === "string" && ISO_DATE.test(value)) {
        const [y, m, d] = value.split("-").map(Number);
        add(
          `${value}|\\b${d} ${MONTH_NAMES[m - 1]},? ${y}\\b|\\b${MONTH_NAMES[m - 1]} ${d},? ${y}\\b`,
          term.id
        );
      }
    }
  }
  return patterns;
}

const PROSE = prosePatterns();

/** Contract figures written out in the text of strings and templates. */
function proseFigures(source: ts.SourceFile): Hit[] {
  return textPieces(source).flatMap((piece) =>
    PROSE.filter(({ pattern }) => pattern.test(piece.value)).map(({ term }) => ({ ...piece, term }))
  );
}

describe("the prose scanner", () => {
  test("finds figures written as words in messages and help", () => {
    const source = parseText(
      [
        "const a = `at most $3,500,000 of inventory`;",
        "const b = 'three months\\' notice';",
        "const c = `${x} within ninety days`;",
        "const d = 'ends on 30 June 2007';",
        "const e = 'before June 30, 2003';",
        "const f = 'a discount of 3% a year';",
        "const g = `21 business days after ${x}`;",
      ].join("\n"),
      "src/taskpane/x.ts"
    );
    expect(proseFigures(source).map((hit) => hit.term)).toEqual(
      expect.arrayContaining([
        "loan.inventory_cap",
        "sep.notice_months",
        "sep.option_post_vest_days",
        "sep.fee_end",
        "sep.death_pivot_date",
        "sep.discount_rate",
        "sep.election_business_days",
      ])
    );
  });

  test("leaves alone what is not a contract figure", () => {
    const source = parseText(
      "const a = `${termDollars('loan.inventory_cap')} cap, 12 columns, 2 rows, 100% of the remainder`;",
      "src/taskpane/x.ts"
    );
    expect(proseFigures(source)).toEqual([]);
  });
});

/** Folders whose text is the terms themselves, or is written from them. */
const TERMS_DATA = /^src\/core\/(terms\.ts|clauses)$|^src\/functions\/functions\.ts$/;
/**
 * Where numbers are calculations with contract figures. Elsewhere a bare number is layout (column
 * widths, font sizes), a file format's byte offsets (zip headers) or an engine setting, and 30 or 90
 * there is not a notice period; prose is scanned in every folder.
 */
const CALCULATIONS = /^src\/(core|catalogue|audit)\//;

test("no contract figure is written as a literal in the calculations, or as prose anywhere in src (the terms data and the generated wrappers aside)", () => {
  const files = tsFiles("src", TERMS_DATA);
  expect(files).toEqual(
    expect.arrayContaining([
      "src/taskpane/views/callCard.ts",
      "src/catalogue/functions/loan.ts",
      "src/audit/native.ts",
      "src/core/separation/fees.ts",
    ])
  );
  expect(files).not.toContain("src/functions/functions.ts");
  const hits = files.flatMap((file) => {
    const source = parseFile(file);
    return [...(CALCULATIONS.test(file) ? contractLiterals(source) : []), ...proseFigures(source)];
  });
  expect(describeHits(hits)).toEqual([]);
});
