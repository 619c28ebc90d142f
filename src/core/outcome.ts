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
  /** For another reading: how far its figure is from the one used ("$16,024.06 less than …"). */
  difference?: string;
  /** For another reading that needs an input the call did not give: no figure, only what it needs. */
  needs?: string;
}

export interface Explanation {
  steps: Step[];
  /** The reading of the text this result uses, where TERMS.md resolves an ambiguity. */
  interpretation?: string;
  /** Readings the spec names beside the one used, each a step whose figure is what it would give. */
  alternatives: Step[];
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
    message: string
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

/** Text of an explanation, or how to make it: formatting waits until someone reads the explanation. */
export type Text = string | (() => string);

interface PendingStep {
  label: Text;
  figure: Text;
  clause: string;
  rule: Text;
  difference?: Text;
  needs?: string;
}

const resolve = (text: Text): string => (typeof text === "string" ? text : text());
const resolveStep = (step: PendingStep): Step => {
  const resolved: Step = {
    label: resolve(step.label),
    figure: resolve(step.figure),
    clause: step.clause,
    rule: resolve(step.rule),
  };
  if (step.difference !== undefined) resolved.difference = resolve(step.difference);
  if (step.needs !== undefined) resolved.needs = step.needs;
  return resolved;
};

/**
 * Collects the steps of one calculation in order. Figures are formatted only when the explanation is
 * read: a sheet of 100,000 formulas needs the values, and only the taskpane or an audit the steps.
 */
export class Trace {
  private readonly steps: PendingStep[] = [];
  private readonly alternatives: PendingStep[] = [];
  private interpretation?: Text;

  step(label: Text, figure: Text, clause: string, rule: Text): this {
    this.steps.push({ label, figure, clause, rule });
    return this;
  }

  /** Another reading and its figure, with how far it is from the figure used. */
  alternative(label: Text, figure: Text, clause: string, rule: Text, difference: Text): this {
    this.alternatives.push({ label, figure, clause, rule, difference });
    return this;
  }

  /** Another reading that needs an input the call did not give (`needs`: that input, in words). */
  uncomputedAlternative(label: Text, needs: string, clause: string, rule: Text): this {
    this.alternatives.push({ label, figure: "", clause, rule, needs });
    return this;
  }

  interpret(text: Text): this {
    this.interpretation = text;
    return this;
  }

  done<T>(value: T): Success<T> {
    return new Explained(value, () => this.explanation());
  }

  /** The steps written out: every figure formatted now. */
  explanation(): Explanation {
    const explanation: Explanation = {
      steps: this.steps.map(resolveStep),
      alternatives: this.alternatives.map(resolveStep),
    };
    if (this.interpretation !== undefined)
      explanation.interpretation = resolve(this.interpretation);
    return explanation;
  }
}

/**
 * A value with its explanation written the first time someone reads it (the taskpane, an audit),
 * never for the 100,000 cells of a sheet that only need the value.
 */
class Explained<T> implements Success<T> {
  readonly ok = true;
  private written?: Explanation;

  constructor(
    readonly value: T,
    private readonly write: () => Explanation
  ) {}

  get explanation(): Explanation {
    this.written ??= this.write();
    return this.written;
  }
}

/** A value whose steps `explain` adds to a trace only when the explanation is read. */
export function explained<T>(value: T, explain: (trace: Trace) => unknown): Success<T> {
  return new Explained(value, () => {
    const trace = new Trace();
    explain(trace);
    return trace.explanation();
  });
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
