/**
 * The core knows its inputs by what they are, not by the spreadsheet's parameter names: those belong
 * to the definitions (src/catalogue/functions), which name a parameter in their own messages. A
 * parameter name with an underscore written in any string or template of src/core fails here.
 */
import { CATALOGUE } from "../../src/catalogue";
import { parseFile, textPieces, tsFiles } from "./source";

const NAMES = [
  ...new Set(CATALOGUE.flatMap((definition) => definition.params.map((param) => param.name))),
].filter((name) => name.includes("_"));
/** Term ids ("loan.termination_date") and keywords ("good_reason") are the core's own words. */
const OWN_WORD = /[a-z]\.[a-z_]+|"[a-z_]+"/g;

test("the scan knows the parameter names", () => {
  expect(NAMES).toEqual(
    expect.arrayContaining(["termination_date", "eligible_receivables", "lc_exposure", "as_of"])
  );
});

test("no string of src/core names a spreadsheet parameter", () => {
  const hits = tsFiles("src/core", /^src\/core\/clauses$/).flatMap((file) =>
    textPieces(parseFile(file))
      .filter((piece) =>
        NAMES.some((name) => new RegExp(`\\b${name}\\b`).test(piece.value.replace(OWN_WORD, "")))
      )
      .map((piece) => `${piece.file}:${piece.line} ${piece.text}`)
  );
  expect(hits).toEqual([]);
});
