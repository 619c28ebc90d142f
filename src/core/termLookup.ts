/** BTU.TERM: any contract figure by id, in the version in force on an optional date. */
import { serialToIso } from "./dates";
import { dateArg } from "./inputs";
import { Outcome, Trace, calculate } from "./outcome";
import { findTerm, termNumber, termVersion, termClause } from "./terms";

export function termValue(termId: string, asOf?: number): Outcome<number> {
  return calculate(() => {
    const date = asOf === undefined ? undefined : dateArg(asOf, "BTU.TERM", "the as of");
    const value = termNumber(termId, date);
    const term = findTerm(termId)!;
    const version = termVersion(termId, date);
    const shown = term.unit === "date" ? serialToIso(value) : `${value} (${term.unit})`;
    return new Trace()
      .step(term.description, shown, termClause(termId), () =>
        version.from
          ? `In force from ${version.from}.`
          : term.history.length > 1
            ? "The original figure, recited by the First Amendment."
            : "Unchanged by these documents."
      )
      .done(value);
  });
}
