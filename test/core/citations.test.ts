/**
 * Every clause id the code cites must exist in the clause library, in its canonical spelling, so
 * that an explanation or an error never points at a paragraph a reader cannot open.
 */
import { TERMS } from "../../src/core";
import { clauseById } from "../../src/core/clauses";
import { describeFound, parseFile, stringLiterals, tsFiles } from "./source";

const CLAUSE_ID = /^(SEP|FA|SA|LMA|ALLONGE) /;

/** The core (terms.ts included, the library itself excluded) and the definitions, which list clauses. */
const FILES = [
  ...tsFiles("src/core", /^src\/core\/clauses$/),
  ...tsFiles("src/catalogue/functions"),
];
const citations = FILES.flatMap((file) =>
  stringLiterals(parseFile(file)).filter((literal) => CLAUSE_ID.test(literal.value))
);

const known = (id: string) => clauseById(id)?.id === id;

test("the scan finds the citations (a broken scanner must not pass silently)", () => {
  const ids = new Set(citations.map((c) => c.value));
  for (const id of [
    "SEP 4(c)(i)",
    "SEP 3(c)(iv)(A)",
    "FA 1(h)-tnw",
    "FA 1(c)",
    "SA 21(b)",
    "LMA I.A",
    "ALLONGE 1",
  ])
    expect(ids).toContain(id);
  expect(citations.some((c) => c.file === "src/catalogue/functions/loan.ts")).toBe(true);
  expect(citations.some((c) => c.file === "src/core/terms.ts")).toBe(true);
});

test("every clause id cited in src/core and the catalogue is in the clause library", () => {
  expect(describeFound(citations.filter((c) => !known(c.value)))).toEqual([]);
});

test("every term's clause is in the clause library", () => {
  expect(
    TERMS.filter((term) => !known(term.clause)).map((term) => `${term.id}: ${term.clause}`)
  ).toEqual([]);
});
