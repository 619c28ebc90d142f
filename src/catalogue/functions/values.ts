/**
 * Arguments reach a definition's `run` already coerced per its parameter kinds (dates and counts as
 * numbers, dollars summed into a Decimal, keywords read by the core's reader); these casts only name
 * what the coercion produced. `date` writes a date argument of a worked example.
 */
import type { Amount } from "../../core";
import type { Coerced } from "../coerce";

export const num = (v: Coerced) => v as number;
export const optNum = (v: Coerced) => v as number | undefined;
export const str = (v: Coerced) => v as string | undefined;
/** A keyword, already read by its parameter's reader into the core's type; undefined when blank. */
export const kw = <K extends string>(v: Coerced) => v as K | undefined;
/** Dollars: one number as given, or a range's sum already made exactly. */
export const money = (v: Coerced) => v as Amount;
export const optMoney = (v: Coerced) => v as Amount | undefined;
export const dates = (v: Coerced) => v as readonly number[] | undefined;
export const column = (v: Coerced) => v as readonly (number | null)[];
export const flags = (v: Coerced) => v as readonly boolean[] | undefined;

export const date = (iso: string) => ({ date: iso });
