/**
 * The size report's check that the agreements' text stays out of functions.js must be able to
 * fail: it has to recognise clause text the way a bundle embeds it (JSON inside a JS string).
 */
import clausesData from "../../src/core/clauses/clauses.json";
import { clauseTextsIn } from "../../scripts/size-report";

test("finds the clause texts in a bundle that embeds clauses.json as webpack does", () => {
  const literal = JSON.stringify(clausesData).replace(/\\/g, "\\\\").replace(/'/g, "\\'");
  const bundle = `var e=JSON.parse('${literal}');`;
  expect(clauseTextsIn(bundle).length).toBeGreaterThan(100);
});

test("finds none in code that only names clause ids", () => {
  expect(
    clauseTextsIn(`throw new Error("FA 1(b): eligible_receivables must be an amount")`)
  ).toEqual([]);
});
