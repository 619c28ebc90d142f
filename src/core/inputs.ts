/**
 * Checks every core function applies to its arguments, so a bad value becomes a #VALUE! that names
 * the clause instead of a wrong number.
 */
import { Decimal } from "./decimal";
import { Exact } from "./exact";
import { Serial, isValidSerial, serialToIso } from "./dates";
import { invalid } from "./outcome";

/** A number as Excel holds it: 15 significant digits, so 0.1 + 0.2 typed in a cell stays 0.3. */
export type Amount = Exact | Decimal | number | string;

export function toDecimal(value: Amount, clause: string, name: string): Decimal {
  const amount = parseAmount(value, clause, name);
  // Decimal reads "NaN", "Infinity" and exponents past its range; none of them is an amount.
  if (!amount.isFinite()) invalid(clause, `${name} must be a finite number.`);
  return amount;
}

function parseAmount(value: Amount, clause: string, name: string): Decimal {
  if (value instanceof Decimal) return value;
  if (value instanceof Exact) return value.toDecimal();
  if (typeof value === "number") {
    if (!Number.isFinite(value)) invalid(clause, `${name} must be a finite number.`);
    // Whole numbers below 2^53 are exact as they are; others are read at Excel's 15 significant digits.
    return new Decimal(Number.isSafeInteger(value) ? value : value.toPrecision(15));
  }
  try {
    return new Decimal(value.trim());
  } catch {
    return invalid(clause, `${name} "${value}" is not a number.`);
  }
}

/**
 * An amount on the fast path: whole cents stay an exact fraction of safe integers; anything finer,
 * larger or given as text is read by decimal.js exactly as `toDecimal` reads it.
 */
export function toExact(value: Amount, clause: string, name: string): Exact {
  if (value instanceof Exact) return value;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) invalid(clause, `${name} must be a finite number.`);
    return Exact.fromNumber(value);
  }
  return Exact.of(toDecimal(value, clause, name));
}

export function nonNegativeExact(value: Amount, clause: string, name: string): Exact {
  const amount = toExact(value, clause, name);
  if (amount.isNegative())
    invalid(
      clause,
      `${name} cannot be negative (got ${amount.toDecimal().toString()}); enter it as a positive amount.`
    );
  return amount;
}

/** Sums a range's amounts exactly (blanks are already left out by the adapter). */
export function sumExact(values: readonly Amount[], clause: string, name: string): Exact {
  let total = Exact.ZERO;
  for (const value of values) total = total.plus(toExact(value, clause, name));
  return total;
}

export function nonNegative(value: Amount, clause: string, name: string): Decimal {
  const amount = toDecimal(value, clause, name);
  if (amount.isNegative() && !amount.isZero())
    invalid(
      clause,
      `${name} cannot be negative (got ${amount.toString()}); enter it as a positive amount.`
    );
  return amount;
}

/** An Excel serial date; the time of day is ignored, as TERMS.md says. */
export function dateArg(value: number, clause: string, name: string): Serial {
  if (typeof value !== "number" || !Number.isFinite(value))
    invalid(clause, `${name} must be a date (an Excel date serial number).`);
  const serial = Math.floor(value);
  if (!isValidSerial(serial))
    invalid(clause, `${name} ${value} is not a date Excel can show (1900-01-01 to 9999-12-31).`);
  return serial;
}

export function notAfter(serial: Serial, limit: Serial, clause: string, what: string): void {
  if (serial > limit)
    invalid(
      clause,
      `${what} ${serialToIso(serial)} is after ${serialToIso(limit)}; use a date on or before ${serialToIso(limit)}.`
    );
}

export function notBefore(serial: Serial, limit: Serial, clause: string, what: string): void {
  if (serial < limit)
    invalid(
      clause,
      `${what} ${serialToIso(serial)} is before ${serialToIso(limit)}; use a date on or after ${serialToIso(limit)}.`
    );
}
