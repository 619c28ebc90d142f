/**
 * Explanations an auditor can follow without the code: each step names its base in words and
 * dollars, a discount is shown in dollars beside its rate, no symbol goes undefined, and every
 * other reading has a figure and its difference to the one used, or says what it needs.
 * Figures are TERMS.md's worked examples; the rest is worked by hand in the comments.
 */
import { availability, borrowingBase, consultingLump, minTnw } from "../../src/core";
import { explanationText, ok, serial } from "./support";

const stepNamed = (outcome: Parameters<typeof ok>[0], label: string) => {
  const step = ok(outcome).explanation.steps.find((s) => s.label === label);
  if (!step) throw new Error(`no step "${label}"`);
  return step;
};

describe("the steps name their base in words and dollars", () => {
  const base = borrowingBase(5_000_000, 4_000_000, 250_000);

  test("the inventory advance: 35% of $4,000,000.00 of Eligible Inventory = $1,400,000.00", () => {
    expect(stepNamed(base, "Inventory advance")).toMatchObject({
      figure: "$1,400,000.00",
      rule: "35% of $4,000,000.00 of Eligible Inventory = $1,400,000.00, not to exceed $3,500,000.00.",
    });
  });

  test("the receivables advance: 80% of $5,000,000.00 = $4,000,000.00", () => {
    expect(stepNamed(base, "Receivables advance").rule).toBe(
      "80% of $5,000,000.00 of Eligible Receivables = $4,000,000.00."
    );
  });
});

describe("the voluntary discount (TERMS.md: 2005-03-31 gives $427,896.63)", () => {
  const lump = consultingLump(serial("2005-03-31"), "voluntary", "simple");

  test("is shown in dollars beside its rate", () => {
    // Remainder 204,000 × (2 + 91/365) = 458,860.2739…; simple lump 427,896.6341…;
    // the discount is their difference, 30,963.6398… → $30,963.64.
    expect(stepNamed(lump, "Discount (simple)")).toMatchObject({
      figure: "−$30,963.64",
      rule: "3% per year × 2.249315 remaining years = 6.747945205% of the remainder of $458,860.27.",
    });
  });

  test("uses no undefined symbol: contract years are named with their dates", () => {
    const text = explanationText(lump);
    expect(text).not.toMatch(/\bY\(T\)|\bCY\d/);
    expect(stepNamed(lump, "Remaining fee-years").rule).toContain(
      "91 of the 365 days of contract year 2 (2004-07-01 to 2005-06-30), contract year 3 (2005-07-01 to 2006-06-30) whole, contract year 4 (2006-07-01 to 2007-06-30) whole"
    );
  });

  test("the present-value reading has its figure and its difference to the figure used", () => {
    const [other] = ok(lump).explanation.alternatives;
    // TERMS.md: the pv reading of 2005-03-31 is $443,920.69, $16,024.06 above 427,896.63.
    expect(other).toMatchObject({
      figure: "$443,920.69",
      difference: "$16,024.06 more than the figure used",
    });
  });
});

describe("the letter-of-credit readings of AVAILABILITY", () => {
  test("without the exposure, the other reading says what it needs and shows no figure", () => {
    const [other] = ok(availability(5_150_000, 3_000_000)).explanation.alternatives;
    expect(other).toMatchObject({ figure: "", needs: "the letter-of-credit exposure" });
  });

  test("with it, the other reading and the difference", () => {
    // Line 14,000,000 − 10,000,000 exposure = 4,000,000 < base 5,150,000: 4,000,000 − 1,000,000
    // loans = 3,000,000 used; the full line gives min(14,000,000, 5,150,000) − 1,000,000 = 4,150,000.
    const outcome = availability(5_150_000, 1_000_000, undefined, 10_000_000);
    expect(ok(outcome).value.toNumber()).toBe(3_000_000);
    expect(ok(outcome).explanation.alternatives[0]).toMatchObject({
      figure: "$4,150,000.00",
      difference: "$1,150,000.00 more than the figure used",
    });
  });
});

test("the other TNW reading is a figure with its difference", () => {
  // TERMS.md: MIN_TNW(2006-12-31, {2004,2005,2006}, {1200000,-300000,800000}) = 11,000,000.00
  // (10,000,000 + 50% of 1,200,000 + nothing for the loss + 50% of 800,000). On the running total:
  // 10,000,000 + 50% of 1,700,000 (1,200,000 − 300,000 + 800,000) = 10,850,000, $150,000 less.
  const outcome = minTnw(
    serial("2006-12-31"),
    [2004, 2005, 2006],
    [1_200_000, -300_000, 800_000],
    "per_year"
  );
  expect(ok(outcome).value.toNumber()).toBe(11_000_000);
  expect(ok(outcome).explanation.alternatives[0]).toMatchObject({
    figure: "$10,850,000.00",
    difference: "$150,000.00 less than the figure used",
  });
});
