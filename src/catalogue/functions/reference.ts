/** The functions that look the agreements up: a figure by its term id, a clause's text by its id. */
import * as core from "../../core";
import { termDate } from "../../core";
import type { FunctionDefinition } from "../definition";
import { asOf, param } from "../params";
import { optNum, str } from "./values";

export const REFERENCE: readonly FunctionDefinition[] = [
  {
    name: "TERM",
    group: "Terms and text",
    summary:
      'Looks up any figure of the two agreements by its id, exactly as the functions use it, such as "loan.inventory_cap" (FA 1(b)) or "consulting.annual_fee" (SEP 3(a)).',
    params: [
      param(
        "term_id",
        "text",
        'Id of the figure, such as "loan.commitment", "sep.discount_rate" or "loan.tnw_base"; the function reference lists them all.',
        {
          suggestions: () => core.TERMS.map((term) => term.id),
          cites: (id) => core.findTerm(id)?.clause,
        }
      ),
      asOf(
        `Date that picks the version of a term the First Amendment changed on ${termDate("loan.amendment_date")}; blank means the amended value.`
      ),
    ],
    result: "number",
    returns: "The figure: dollars, a rate as a fraction, a count, or a date serial.",
    clauses: [],
    run: ([id, d]) => core.termValue(str(id)!, optNum(d)),
    native: (a, native) => {
      const id = a.value(0);
      if (typeof id !== "string") return native.notNative("the term id is not known text");
      return native.versioned(a, 1, (at) => native.termExpression(id, at));
    },
    examples: [{ args: ["loan.inventory_cap"], shows: "3500000", cell: 3500000 }],
  },
  {
    name: "CLAUSE",
    group: "Terms and text",
    summary:
      'Shows the verbatim text of a paragraph of the agreements by its clause id, such as "SEP 4(c)(i)" or "FA 1(b)".',
    params: [
      param(
        "clause_id",
        "text",
        'Document prefix (SEP, FA, ALLONGE, SA or LMA) and the paragraph as printed, such as "SEP 4(c)(i)", "FA 1(h)-tnw" or "LMA II.A".',
        {
          cites: (id) => id,
        }
      ),
    ],
    result: "text",
    returns: "The clause text with its sub-paragraphs.",
    clauses: [],
    needsClauses: true,
    run: ([id], context) => context.clauses!.clauseFunction(str(id)!),
    native: { none: "the text of the agreement, not a calculation" },
    // LMA II.A is the one-time transaction fee paragraph.
    examples: [{ args: ["LMA II.A"], shows: "the text of LMA II.A, the transaction fee" }],
  },
];
