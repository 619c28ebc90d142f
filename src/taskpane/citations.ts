/**
 * Which functions and terms cite a clause, and which clauses a BTU call depends on: the catalogue's
 * `clauses`, the clause of a term read by BTU.TERM, the clause quoted by BTU.CLAUSE.
 */
import { BtuCall, CATALOGUE, FunctionDefinition, findFunction } from "../catalogue";
import { TERMS, Term } from "../core";
import { clauseById, normalizeClauseId } from "../core/clauses";
import { classifyArgument } from "./arguments";

/** Whether `cited` is `clause` itself or a paragraph inside it (a citation of 4(c)(i) is one of 4(c)). */
export function isWithin(cited: string, clause: string): boolean {
  const target = normalizeClauseId(clause);
  let current = clauseById(cited);
  if (!current) return normalizeClauseId(cited) === target;
  while (current) {
    if (current.id === target) return true;
    current = current.parent === null ? undefined : clauseById(current.parent);
  }
  return false;
}

export interface FunctionCitation {
  spec: FunctionDefinition;
  /** The clause ids the function cites that fall within the clause asked about. */
  cited: string[];
}

export function functionsCiting(clause: string): FunctionCitation[] {
  return CATALOGUE.map((spec) => ({
    spec,
    cited: spec.clauses.filter((id) => isWithin(id, clause)),
  })).filter((c) => c.cited.length > 0);
}

export function termsCiting(clause: string): Term[] {
  return TERMS.filter((term) => isWithin(term.clause, clause));
}

function textArgument(call: BtuCall, index: number): string | undefined {
  const source = classifyArgument(call.args[index] ?? "");
  return source.kind === "constant" && typeof source.value === "string" ? source.value : undefined;
}

/** Every clause a call depends on. */
export function clausesOfCall(call: BtuCall): string[] {
  const spec = findFunction(call.name);
  if (!spec) return [];
  const clauses = [...spec.clauses];
  spec.params.forEach((param, i) => {
    const value = param.cites ? textArgument(call, i) : undefined;
    const cited = value === undefined ? undefined : param.cites!(value);
    if (cited) clauses.push(normalizeClauseId(cited));
  });
  return clauses;
}

export function callCites(call: BtuCall, clause: string): boolean {
  return clausesOfCall(call).some((id) => isWithin(id, clause));
}
