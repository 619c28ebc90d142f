/**
 * The formula builder's rules: each parameter's input turned into argument text, and the formula.
 * Office-free and DOM-free, so the rules are unit-tested apart from the form.
 */
import { FunctionDefinition, ParamSpec } from "../catalogue";
import { fromSerial } from "../core";
import { classifyArgument } from "./arguments";
import { readDate } from "./format";

export type FieldControl = "date" | "choice" | "text";

/** The values a parameter can take from a list: keywords, or the term ids of BTU.TERM. */
export function choicesFor(param: ParamSpec): readonly string[] {
  if (param.kind === "keyword") return (param.choices ?? []).map((choice) => choice.value);
  return param.suggestions?.() ?? [];
}

export function controlFor(param: ParamSpec): FieldControl {
  if (param.kind === "date") return "date";
  return choicesFor(param).length ? "choice" : "text";
}

/** Argument text for one input, or an error message; "" means omitted. */
export function argumentText(
  param: ParamSpec,
  input: string
): { text: string } | { error: string } {
  const value = input.trim();
  if (value === "") return { text: "" };
  if (param.kind === "date") {
    const serial = readDate(value);
    if (serial === undefined) return { error: "Type a date such as 31 Mar 2005 or 2005-03-31." };
    const { year, month, day } = fromSerial(serial);
    return { text: `DATE(${year},${month},${day})` };
  }
  if (param.kind === "keyword" || param.kind === "text") {
    return { text: `"${value.replace(/"/g, '""')}"` };
  }
  // Amounts as people type them: "$5,000,000" is 5000000.
  const plain = /^\$?-?[\d,]+(\.\d+)?$/.test(value) ? value.replace(/[$,]/g, "") : value;
  const kind = classifyArgument(plain).kind;
  if (kind === "constant" || kind === "reference" || kind === "call") return { text: plain };
  return {
    error: "Enter a number, a cell reference such as B2 or B2:B9, or an array such as {1,2,3}.",
  };
}

export interface BuiltFormula {
  formula?: string;
  /** Required parameters still empty. */
  missing: string[];
  /** Parameters whose input is not usable, with the reason. */
  errors: Record<string, string>;
}

/** `=BTU.NAME(a,b,...)` with trailing omitted optionals left out. */
export function buildFormula(
  spec: FunctionDefinition,
  inputs: Record<string, string>
): BuiltFormula {
  const missing: string[] = [];
  const errors: Record<string, string> = {};
  const args = spec.params.map((param) => {
    const result = argumentText(param, inputs[param.name] ?? "");
    if ("error" in result) {
      errors[param.name] = result.error;
      return "";
    }
    if (result.text === "" && !param.optional) missing.push(param.name);
    return result.text;
  });
  while (args.length && args[args.length - 1] === "") args.pop();
  if (missing.length || Object.keys(errors).length) return { missing, errors };
  return { formula: `=BTU.${spec.name}(${args.join(",")})`, missing, errors };
}
