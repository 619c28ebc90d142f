/**
 * `btu eval`: formulas evaluated by one engine (built once, so thousands of formulas from standard
 * input stay fast), each on its own so an error in one cannot affect another.
 */
import { DetailedCellError, HyperFormula } from "hyperformula";
import { headlessContext } from "../headless/context";
import { createEngine } from "../headless/engine";
import { toEngineFormula } from "../headless/formulas";

type JsonScalar = number | string | boolean | null;

export interface EvalResult {
  formula: string;
  value: JsonScalar | JsonScalar[][];
  error: string | null;
  message: string;
}

function scalar(value: unknown): JsonScalar {
  if (value instanceof DetailedCellError) return value.value;
  return (value ?? null) as JsonScalar;
}

export class Evaluator {
  private readonly engine: HyperFormula;
  private readonly sheet: number;

  constructor() {
    this.engine = createEngine({ Eval: [] }, headlessContext());
    this.sheet = this.engine.getSheetId("Eval")!;
  }

  evaluate(formula: string): EvalResult {
    const text = formula.trim();
    let value: unknown;
    try {
      value = this.engine.calculateFormula(toEngineFormula(text), this.sheet);
    } catch (error) {
      return {
        formula: text,
        value: null,
        error: "#ERROR!",
        message: error instanceof Error ? error.message : String(error),
      };
    }
    if (value instanceof DetailedCellError)
      return { formula: text, value: null, error: value.value, message: value.message ?? "" };
    if (Array.isArray(value))
      return {
        formula: text,
        value: value.map((row) => row.map(scalar)),
        error: null,
        message: "",
      };
    return { formula: text, value: scalar(value), error: null, message: "" };
  }
}

function plainScalar(value: JsonScalar): string {
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return value === null ? "" : String(value);
}

/** The value as a cell shows it; rows of a spill tab-separated; an error as its code and message. */
export function plainText(result: EvalResult): string {
  if (result.error) return result.message ? `${result.error} ${result.message}` : result.error;
  if (Array.isArray(result.value))
    return result.value.map((row) => row.map(plainScalar).join("\t")).join("\n");
  return plainScalar(result.value);
}

export function jsonLine(result: EvalResult): string {
  return JSON.stringify({
    formula: result.formula,
    value: result.value,
    error: result.error,
    message: result.message,
  });
}

/** The formulas of standard input: one a line, blank lines skipped. */
export function formulasFromText(text: string): string[] {
  return text.split(/\r?\n/).filter((line) => line.trim() !== "");
}
