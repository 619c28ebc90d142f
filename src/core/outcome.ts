/**
 * What every core calculation returns: a value with the steps that produced it, or a contract
 * failure that says which clause stands in the way and what to change. Nothing here knows Office.
 */

/** Excel's two error codes that can carry a message. */
export type ErrorCode = "#VALUE!" | "#N/A";

/** One line of an explanation: a figure, the clause it comes from, and the rule in plain words. */
export interface Step {
  label: string;
  /** The figure as a reader sees it ("$458,860.27", "2005-03-31", "2.249315 years"). */
  figure: string;
  clause: string;
  rule: string;
}

/** A reading the spec names beside the one used, with what it would give. */
export interface Alternative {
  label: string;
  /** What the other reading gives, formatted like a step figure. */
  figure: string;
  clause: string;
  rule: string;
}

export interface Explanation {
  steps: Step[];
  /** The reading of the text this result uses, where TERMS.md resolves an ambiguity. */
  interpretation?: string;
  alternatives: Alternative[];
}

/** A cell-shaped value the adapters can hand to a spreadsheet. */
export type Scalar = number | string | boolean;
export type CellValue = Scalar | Scalar[][];

export interface Success<T> {
  ok: true;
  value: T;
  explanation: Explanation;
}

export interface Failure {
  ok: false;
  code: ErrorCode;
  clause: string;
  message: string;
}

export type Outcome<T> = Success<T> | Failure;

/** Thrown inside the core to stop a calculation; `calculate` turns it into a `Failure`. */
export class ContractError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly clause: string,
    message: string,
  ) {
    super(message);
    this.name = "ContractError";
  }

  toFailure(): Failure {
    return { ok: false, code: this.code, clause: this.clause, message: this.message };
  }
}

/** Bad input: the user can fix it by changing an argument. */
export function invalid(clause: string, message: string): never {
  throw new ContractError("#VALUE!", clause, `${clause}: ${message}`);
}

/** The agreement gives no answer for these inputs. */
export function noAnswer(clause: string, message: string): never {
  throw new ContractError("#N/A", clause, `${clause}: ${message}`);
}

/** Collects the steps of one calculation in order. */
export class Trace {
  readonly steps: Step[] = [];
  readonly alternatives: Alternative[] = [];
  interpretation?: string;

  step(label: string, figure: string, clause: string, rule: string): this {
    this.steps.push({ label, figure, clause, rule });
    return this;
  }

  alternative(label: string, figure: string, clause: string, rule: string): this {
    this.alternatives.push({ label, figure, clause, rule });
    return this;
  }

  interpret(text: string): this {
    this.interpretation = text;
    return this;
  }

  /** Merges the steps of a sub-calculation (its interpretation too, unless this one has its own). */
  include(explanation: Explanation): this {
    this.steps.push(...explanation.steps);
    this.alternatives.push(...explanation.alternatives);
    this.interpretation ??= explanation.interpretation;
    return this;
  }

  done<T>(value: T): Success<T> {
    const explanation: Explanation = { steps: this.steps, alternatives: this.alternatives };
    if (this.interpretation !== undefined) explanation.interpretation = this.interpretation;
    return { ok: true, value, explanation };
  }
}

/**
 * Runs a calculation body and returns its outcome. Contract errors become failures; anything else is
 * a bug in this project and is rethrown so tests see it (the adapters still catch it for Excel).
 */
export function calculate<T>(body: () => Success<T>): Outcome<T> {
  try {
    return body();
  } catch (error) {
    if (error instanceof ContractError) return error.toFailure();
    throw error;
  }
}

/** The value of a success, or the failure rethrown: for composing one calculation from another. */
export function unwrap<T>(outcome: Outcome<T>): Success<T> {
  if (outcome.ok) return outcome;
  throw new ContractError(outcome.code, outcome.clause, outcome.message);
}
