/**
 * Shared assertions for the core tests. Expected dates are computed here independently of the
 * core's own calendar code, so a bug there cannot make a test agree with itself.
 */
import type { Exact, Failure, Outcome, Success } from "../../src/core";

const MS_PER_DAY = 86_400_000;
// Date.UTC never reads the machine's time zone, so this oracle is TZ-independent.
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** Excel serial of an ISO date on or after 1900-03-01 (where Excel's serials count real days). */
export function serial(iso: string): number {
  const [year, month, day] = iso.split("-").map(Number);
  return (Date.UTC(year, month - 1, day) - EXCEL_EPOCH_MS) / MS_PER_DAY;
}

export function ok<T>(outcome: Outcome<T>): Success<T> {
  if (!outcome.ok) throw new Error(`expected a value, got ${outcome.code} ${outcome.message}`);
  return outcome;
}

export function value<T>(outcome: Outcome<T>): T {
  return ok(outcome).value;
}

/** A money result as Excel would show it to the cent; also checks it carries no hidden digits. */
export function cents(outcome: Outcome<Exact>): string {
  const amount = value(outcome).toDecimal();
  expect(amount.decimalPlaces()).toBeLessThanOrEqual(2);
  return amount.toFixed(2);
}

export function failure<T>(outcome: Outcome<T>, code: Failure["code"], clause?: string): Failure {
  if (outcome.ok) throw new Error(`expected ${code}, got the value ${String(outcome.value)}`);
  expect(outcome.code).toBe(code);
  if (clause !== undefined) expect(outcome.clause).toBe(clause);
  // Every message starts by naming its clause, so a user can look it up.
  expect(outcome.message.startsWith(`${outcome.clause}: `)).toBe(true);
  return outcome;
}

/** All the text of an explanation, for asserting that a figure or a word is shown to the user. */
export function explanationText<T>(outcome: Outcome<T>): string {
  const { explanation } = ok(outcome);
  const lines = [...explanation.steps, ...explanation.alternatives].map(
    (s) => `${s.label} | ${s.figure} | ${s.clause} | ${s.rule}`
  );
  return [explanation.interpretation ?? "", ...lines].join("\n");
}
