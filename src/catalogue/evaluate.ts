/**
 * Calls a catalogue function with raw spreadsheet arguments and returns a cell result: the value
 * a cell shows, or an Excel error code with the core's message. Nothing thrown escapes.
 */
import { ContractError, Decimal, Outcome } from "../core";
import { RawArgument, SheetError, coerce } from "./coerce";
import { FunctionSpec, RunContext, findFunction } from "./specs";

export type CellScalar = number | string | boolean;
export type CellResult = { ok: true; value: CellScalar | CellScalar[][] } | { ok: false; code: string; message: string };

export interface Evaluation {
  spec?: FunctionSpec;
  result: CellResult;
  /** The core's outcome with its explanation, when the call reached the core. */
  outcome?: Outcome<unknown>;
}

function toCell(value: unknown): CellScalar | CellScalar[][] {
  if (value instanceof Decimal) return value.toNumber();
  if (Array.isArray(value)) return value.map((row: unknown[]) => row.map((cell) => toCell(cell) as CellScalar));
  return value as CellScalar;
}

export function evaluate(name: string, args: readonly RawArgument[], context: RunContext = {}): Evaluation {
  const spec = findFunction(name);
  if (!spec) return { result: { ok: false, code: "#NAME?", message: `BTU.${name} is not a function of this add-in.` } };
  try {
    if (args.length > spec.params.length) {
      throw new ContractError("#VALUE!", `BTU.${spec.name}`, `BTU.${spec.name} takes at most ${spec.params.length} arguments (${spec.params.map((p) => p.name).join(", ")}); remove the extra ones.`);
    }
    const clause = spec.clauses[0] ?? `BTU.${spec.name}`;
    const coerced = spec.params.map((param, i) => coerce(args[i], param, clause));
    const outcome = spec.run(coerced, context);
    const result: CellResult = outcome.ok ? { ok: true, value: toCell(outcome.value) } : { ok: false, code: outcome.code, message: outcome.message };
    return { spec, result, outcome };
  } catch (error) {
    if (error instanceof SheetError) return { spec, result: { ok: false, code: error.code, message: error.message } };
    if (error instanceof ContractError) {
      const outcome = error.toFailure();
      return { spec, result: { ok: false, code: outcome.code, message: outcome.message }, outcome };
    }
    const detail = error instanceof Error ? error.message : String(error);
    return { spec, result: { ok: false, code: "#VALUE!", message: `BTU.${spec.name}: unexpected error (${detail}); please report it with the formula.` } };
  }
}
