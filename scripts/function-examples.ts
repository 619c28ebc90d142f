/**
 * The worked examples of TERMS.md ("Worked examples" and the term ids), as the function reference
 * prints them. test/functions/reference.test.ts runs each one through the catalogue, so a page
 * that ships with the add-in can never show a figure the functions do not give.
 */
import { isoToSerial } from "../src/core";

/** An argument as written in a formula: a number, text, DATE(y,m,d) or an array constant. */
export type ExampleArgument = number | string | { date: string } | { array: number[] };

export interface FunctionExample {
  name: string;
  args: ExampleArgument[];
  /** The result as TERMS.md states it. */
  shows: string;
  /** What the cell holds (a number, text, an ISO date for a date serial, or an Excel error), where it is one cell. */
  cell?: number | string | { date: string } | { error: "#N/A" | "#VALUE!" };
}

const date = (iso: string) => ({ date: iso });

export const EXAMPLES: readonly FunctionExample[] = [
  { name: "CONSULTING_LUMP", args: [date("2005-03-31"), "board"], shows: "458860.27", cell: 458860.27 },
  { name: "CONSULTING_LUMP", args: [date("2005-03-31"), "voluntary"], shows: "427896.63", cell: 427896.63 },
  { name: "CONSULTING_LUMP", args: [date("2006-06-30"), "voluntary"], shows: "197880.00", cell: 197880 },
  { name: "CONSULTING_LUMP", args: [date("2006-06-30"), "voluntary", "pv"], shows: "201006.35", cell: 201006.35 },
  { name: "CONSULTING_LUMP", args: [date("2003-05-15"), "death"], shows: "816000.00", cell: 816000 },
  { name: "CONSULTING_LUMP", args: [date("2003-06-30"), "death"], shows: "#N/A (gap in 4(g))", cell: { error: "#N/A" } },
  { name: "CHAIRMAN_LUMP", args: [date("2004-06-30"), "good_reason"], shows: "300000.00", cell: 300000 },
  { name: "REMAINING_FEES", args: [date("2004-06-30")], shows: "612000.00", cell: 612000 },
  { name: "FEES_EARNED", args: [date("2003-07-01"), date("2003-12-31"), "both"], shows: "152830.60", cell: 152830.6 },
  { name: "FEE_SCHEDULE", args: ["consulting"], shows: "105 rows; first 2003-07-14 7803.28; last 2007-06-30 2794.52; total 816000.00" },
  { name: "ELECTION_DEADLINE", args: [date("2004-12-20")], shows: "2005-01-21 (serial 38373)", cell: date("2005-01-21") },
  { name: "NOTICE_EFFECTIVE", args: [date("2004-12-23"), "courier"], shows: "2004-12-27 (24 Dec 2004 is the observed Christmas)", cell: date("2004-12-27") },
  { name: "BORROWING_BASE", args: [5000000, 4000000, 250000], shows: "5150000.00", cell: 5150000 },
  { name: "BORROWING_BASE", args: [5000000, 12000000], shows: "7500000.00 (inventory cap)", cell: 7500000 },
  { name: "MIN_TNW", args: [date("2006-12-31"), { array: [2004, 2005, 2006] }, { array: [1200000, -300000, 800000] }], shows: "11000000.00", cell: 11000000 },
  { name: "NET_INCOME_TEST", args: [date("2004-09-30"), -5], shows: "NOT TESTED", cell: "NOT TESTED" },
  { name: "TERM", args: ["loan.inventory_cap"], shows: "3500000", cell: 3500000 },
];

/** The formula a user would type, e.g. =BTU.MIN_TNW(DATE(2006,12,31), {2004,2005,2006}, …). */
export function exampleFormula(example: FunctionExample): string {
  const text = (arg: ExampleArgument): string => {
    if (typeof arg === "number") return String(arg);
    if (typeof arg === "string") return `"${arg}"`;
    if ("date" in arg) {
      const [y, m, d] = arg.date.split("-").map(Number);
      return `DATE(${y},${m},${d})`;
    }
    return `{${arg.array.join(",")}}`;
  };
  return `=BTU.${example.name}(${example.args.map(text).join(", ")})`;
}

/** The arguments as Excel hands them to a custom function: serials for dates, an array constant as a row. */
export function exampleArguments(example: FunctionExample): (number | string | number[][])[] {
  return example.args.map((arg) => {
    if (typeof arg === "number" || typeof arg === "string") return arg;
    if ("date" in arg) return isoToSerial(arg.date);
    return [arg.array];
  });
}
