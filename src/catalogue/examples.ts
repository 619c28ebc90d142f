/** A definition's worked example as a user types it, and as Excel hands its arguments to the function. */
import { isoToSerial } from "../core";
import type { ExampleArgument, FunctionDefinition, FunctionExample } from "./definition";

function argumentText(arg: ExampleArgument): string {
  if (typeof arg === "number") return String(arg);
  if (typeof arg === "string") return `"${arg}"`;
  if ("date" in arg) {
    const [y, m, d] = arg.date.split("-").map(Number);
    return `DATE(${y},${m},${d})`;
  }
  return `{${arg.array.join(",")}}`;
}

/** The formula a user would type, e.g. =BTU.MIN_TNW(DATE(2006,12,31), {2004,2005,2006}, …). */
export function exampleFormula(definition: FunctionDefinition, example: FunctionExample): string {
  return `=BTU.${definition.name}(${example.args.map(argumentText).join(", ")})`;
}

/** The arguments as Excel hands them to a custom function: serials for dates, an array constant as a row. */
export function exampleArguments(example: FunctionExample): (number | string | number[][])[] {
  return example.args.map((arg) => {
    if (typeof arg === "number" || typeof arg === "string") return arg;
    if ("date" in arg) return isoToSerial(arg.date);
    return [arg.array];
  });
}
