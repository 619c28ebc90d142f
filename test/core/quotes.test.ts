/**
 * Every `quoted(clause, words)` in src is the agreement's own words: found verbatim (spacing and
 * case aside) in the text of that clause or a paragraph inside it. The figure scans skip these
 * quotes, so this test is what keeps a figure from hiding in one.
 */
import * as ts from "typescript";
import { fullText } from "../../src/core/clauses";
import { isQuote, parseFile, tsFiles } from "./source";

const normal = (text: string) => text.replace(/\s+/g, " ").trim().toLowerCase();

function quotesIn(file: string): { clause: string; words: string; line: number }[] {
  const source = parseFile(file);
  const found: { clause: string; words: string; line: number }[] = [];
  const visit = (node: ts.Node): void => {
    if (isQuote(node)) {
      const [clause, words] = node.arguments;
      if (!clause || !words || !ts.isStringLiteral(clause) || !ts.isStringLiteral(words))
        throw new Error(`${file}: quoted() takes two string literals`);
      found.push({
        clause: clause.text,
        words: words.text,
        line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1,
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const QUOTES = tsFiles("src").flatMap((file) =>
  quotesIn(file).map((quote) => ({ file, ...quote }))
);

test("the scan finds the quotes of the explanations", () => {
  expect(QUOTES.map((q) => q.clause)).toEqual(
    expect.arrayContaining(["SEP 4(c)(i)", "SEP 3(c)(iii)(B)", "SEP 3(a)"])
  );
});

test.each(QUOTES.map((q) => [`${q.file}:${q.line} ${q.clause}`, q] as const))(
  "%s quotes the clause verbatim",
  (_label, quote) => {
    expect(normal(fullText(quote.clause) ?? "")).toContain(normal(quote.words));
  }
);
