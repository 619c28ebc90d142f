/**
 * Calls a catalogue function with raw spreadsheet arguments and returns a cell result: the value
 * a cell shows, or an Excel error code with the core's message. Nothing thrown escapes.
 */
import { ContractError, DATE_1904_OFFSET, Exact, Outcome, CellValue, Scalar } from "../core";
import { Coerced, RawArgument, SheetError, coerce } from "./coerce";
import { FunctionDefinition, RunContext, findFunction } from "./specs";

export type CellResult =
  { ok: true; value: CellValue } | { ok: false; code: string; message: string };

export interface Evaluation {
  spec?: FunctionDefinition;
  result: CellResult;
  /** The core's outcome with its explanation, when the call reached the core. */
  outcome?: Outcome<unknown>;
}

function toCell(value: unknown): CellValue {
  if (value instanceof Exact) return value.toNumber();
  if (Array.isArray(value))
    return value.map((row: unknown[]) => row.map((cell) => toCell(cell) as Scalar));
  return value as Scalar;
}

/** Arguments in the core's 1900 serials, from a 1904 workbook's. */
function toCoreDates(spec: FunctionDefinition, coerced: Coerced[]): Coerced[] {
  return coerced.map((value, i) => {
    const kind = spec.params[i].kind;
    if (kind === "date" && typeof value === "number") return value + DATE_1904_OFFSET;
    if (kind === "dates" && Array.isArray(value))
      return (value as number[]).map((d) => d + DATE_1904_OFFSET);
    return value;
  });
}

/** A result in a 1904 workbook's serials: date results, and the date columns of a spill. */
function toWorkbookDates(spec: FunctionDefinition, value: CellValue): CellValue {
  const shift = (v: Scalar) => (typeof v === "number" ? v - DATE_1904_OFFSET : v);
  if (spec.result === "date") return shift(value as Scalar);
  if (Array.isArray(value) && spec.spill) {
    const dateColumns = spec.spill.columns.map((column) => column.kind === "date");
    return value.map((row) => row.map((v, c) => (dateColumns[c] ? shift(v) : v)));
  }
  return value;
}

export function evaluate(
  name: string,
  args: readonly RawArgument[],
  context: RunContext = {}
): Evaluation {
  const spec = findFunction(name);
  if (!spec)
    return {
      result: {
        ok: false,
        code: "#NAME?",
        message: `BTU.${name} is not a function of this add-in.`,
      },
    };
  return evaluateDefinition(spec, args, context);
}

/** `evaluate` for a definition already in hand (the HyperFormula plugin's every cell). */
export function evaluateDefinition(
  spec: FunctionDefinition,
  args: readonly RawArgument[],
  context: RunContext = {}
): Evaluation {
  try {
    if (args.length > spec.params.length) {
      throw new ContractError(
        "#VALUE!",
        `BTU.${spec.name}`,
        `BTU.${spec.name} takes at most ${spec.params.length} arguments (${spec.params.map((p) => p.name).join(", ")}); remove the extra ones.`
      );
    }
    const clause = spec.clauses[0] ?? `BTU.${spec.name}`;
    const params = spec.params;
    const coerced: Coerced[] = new Array(params.length);
    for (let i = 0; i < params.length; i++) coerced[i] = coerce(args[i], params[i], clause);
    const outcome = spec.run(context.date1904 ? toCoreDates(spec, coerced) : coerced, context);
    const value = outcome.ok ? toCell(outcome.value) : undefined;
    const result: CellResult = outcome.ok
      ? { ok: true, value: context.date1904 ? toWorkbookDates(spec, value!) : value! }
      : { ok: false, code: outcome.code, message: outcome.message };
    return { spec, result, outcome };
  } catch (error) {
    if (error instanceof SheetError)
      return { spec, result: { ok: false, code: error.code, message: error.message } };
    if (error instanceof ContractError) {
      const outcome = error.toFailure();
      return { spec, result: { ok: false, code: outcome.code, message: outcome.message }, outcome };
    }
    const detail = error instanceof Error ? error.message : String(error);
    return {
      spec,
      result: {
        ok: false,
        code: "#VALUE!",
        message: `BTU.${spec.name}: unexpected error (${detail}); please report it with the formula.`,
      },
    };
  }
}
