/** The run context of a headless engine: workbook settings, and the clause texts loaded only when BTU.CLAUSE needs them. */
import { ClauseLibrary, RunContext, WorkbookSettings, clauseLibrary } from "../catalogue";

let library: ClauseLibrary | undefined;

/** The agreements' text is large: it is read on the first BTU.CLAUSE call, not at start-up. */
const lazyClauses: ClauseLibrary = {
  clauseFunction(id) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    library ??= clauseLibrary(require("../core/clauses") as typeof import("../core/clauses"));
    return library.clauseFunction(id);
  },
};

export function headlessContext(settings: WorkbookSettings = {}): RunContext {
  return { clauses: lazyClauses, settings };
}
