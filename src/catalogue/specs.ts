/**
 * The function catalogue of TERMS.md, in its order: every definition, and lookup by name. Excel
 * (through the generated wrappers), HyperFormula, the CLI, the audit and the taskpane read this list.
 */
import type { FunctionDefinition } from "./definition";
import { LOAN } from "./functions/loan";
import { QUARTERLY } from "./functions/quarterly";
import { REFERENCE } from "./functions/reference";
import { SEPARATION } from "./functions/separation";

export * from "./definition";

export const CATALOGUE: readonly FunctionDefinition[] = [
  ...SEPARATION,
  ...LOAN,
  ...QUARTERLY,
  ...REFERENCE,
];

const BY_NAME = new Map(CATALOGUE.map((definition) => [definition.name, definition]));

/** Looks a function up by name, with or without the `BTU.` namespace. */
export function findFunction(name: string): FunctionDefinition | undefined {
  // The adapters pass the name as defined; only typed text needs the trimming.
  return (
    BY_NAME.get(name) ??
    BY_NAME.get(
      name
        .trim()
        .toUpperCase()
        .replace(/^BTU\./, "")
    )
  );
}
