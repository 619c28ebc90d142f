/**
 * BTU.CLAUSE over the clause library. The library is passed in rather than imported, so Excel's
 * functions.js can load the agreements' text lazily in its own chunk.
 */
import { Outcome, Trace, calculate, invalid } from "../core";
import type * as ClausesModule from "../core/clauses";

export interface ClauseLibrary {
  clauseFunction(id: string): Outcome<string>;
}

/** Excel's limit on the text of one cell. */
const CELL_TEXT_LIMIT = 32767;

export function clauseLibrary(clauses: typeof ClausesModule): ClauseLibrary {
  return {
    clauseFunction: (id) =>
      calculate(() => {
        const clause = clauses.clauseById(id);
        if (!clause)
          invalid(
            "BTU.CLAUSE",
            `there is no clause "${id}" in the agreements; ids look like "SEP 4(c)(i)", "FA 1(b)" or "SA 21(a)" (search the Clauses tab).`
          );
        const full = clauses.fullText(clause.id) ?? clause.text;
        const text = full.length <= CELL_TEXT_LIMIT ? full : clause.text;
        return new Trace()
          .step(
            clause.title,
            clause.id,
            clause.id,
            "The verbatim text of the clause, with its sub-paragraphs."
          )
          .done(text);
      }),
  };
}
