/**
 * The explanation model of a formula: every BTU call in it (nested ones too), each argument as
 * Excel passes it, and the core's own evaluation with its explanation. Office-free: cells are read
 * through the `RangeReader` the caller supplies (Excel in the pane, a fake in tests).
 */
import {
  BtuCall,
  Evaluation,
  FunctionDefinition,
  ParamSpec,
  RawArgument,
  RawScalar,
  RecordedInvocation,
  RunContext,
  SheetError,
  evaluate,
  findBtuCalls,
  findFunction,
  normalizeStoredFormula,
} from "../catalogue";
import { ArgumentSource, classifyArgument, qualifiedAddress } from "./arguments";

export interface QualifiedRef {
  sheet: string;
  address: string;
}

/** Reads the values of several ranges at once (one round trip to Excel). */
export type RangeReader = (refs: readonly QualifiedRef[]) => Promise<Map<string, RawScalar[][]>>;

export function refKey(ref: QualifiedRef): string {
  // Excel compares sheet names without regard to case.
  return `${ref.sheet.toLowerCase()}!${ref.address.toUpperCase()}`;
}

export interface ArgumentView {
  /** The parameter this argument fills; undefined for arguments beyond the last parameter. */
  param?: ParamSpec;
  text: string;
  source: ArgumentSource["kind"];
  /** For references: the cells, with their sheet. */
  ref?: string;
  /** What Excel passes to the function; undefined when omitted or not evaluable here. */
  value?: RawArgument;
  /** The cells Excel says the argument came from (an expression's or a name's). */
  passedFrom?: string;
}

export interface CallView {
  name: string;
  text: string;
  spec?: FunctionDefinition;
  args: ArgumentView[];
  /** The core's answer; undefined when an argument could not be evaluated in the pane. */
  evaluation?: Evaluation;
  /** Argument texts the pane cannot evaluate (expressions, unknown names). */
  unreadable: string[];
  /** Index of the call this one is an argument of. */
  nestedIn?: number;
  /** True when the inputs are those Excel passed the last time it calculated the cell. */
  recorded?: boolean;
}

/** A call's recording, when it can be told apart: the formula calls that function once. */
function recordingOf(
  calls: readonly BtuCall[],
  call: BtuCall,
  recorded: ReadonlyMap<string, RecordedInvocation>
): RecordedInvocation | undefined {
  const invocation = recorded.get(call.name);
  if (!invocation || calls.filter((c) => c.name === call.name).length !== 1) return undefined;
  return invocation;
}

/** The cells the BTU calls of a formula read, each once, with their sheet. */
export function formulaReferences(formula: string, baseSheet: string): QualifiedRef[] {
  return referencesOf(findBtuCalls(normalizeStoredFormula(formula)), baseSheet);
}

function referencesOf(calls: readonly BtuCall[], baseSheet: string): QualifiedRef[] {
  const refs = new Map<string, QualifiedRef>();
  for (const call of calls) {
    for (const text of call.args) {
      const source = classifyArgument(text);
      if (source.kind !== "reference") continue;
      const ref = { sheet: source.ref.sheet ?? baseSheet, address: source.ref.address };
      refs.set(refKey(ref), ref);
    }
  }
  return [...refs.values()];
}

/** The call whose text is exactly this argument of `outer` (the first one inside it). */
function nestedCallIndex(calls: readonly BtuCall[], outer: BtuCall, text: string): number {
  return calls.findIndex(
    (call) => call.start > outer.start && call.end <= outer.end && call.text === text.trim()
  );
}

/** A nested call's result as its outer call receives it: the value, or the error passed through. */
function asArgument(evaluation: Evaluation): RawArgument {
  const result = evaluation.result;
  return result.ok ? result.value : new SheetError(result.code, result.message);
}

/**
 * Explains every BTU call of `formula`. Where Excel's last call from the cell was recorded, its
 * arguments are the inputs, whatever expression produced them; otherwise constants, references and
 * nested BTU calls are read here and other expressions are left unread.
 */
export async function explainFormula(
  formula: string,
  baseSheet: string,
  read: RangeReader,
  context: RunContext = {},
  recorded: ReadonlyMap<string, RecordedInvocation> = new Map()
): Promise<CallView[]> {
  const calls = findBtuCalls(normalizeStoredFormula(formula));
  const values = calls.length
    ? await read(referencesOf(calls, baseSheet))
    : new Map<string, RawScalar[][]>();
  const views: (CallView | undefined)[] = new Array(calls.length);

  const explain = (index: number): CallView => {
    const cached = views[index];
    if (cached) return cached;
    const call = calls[index];
    const spec = findFunction(call.name);
    const unreadable: string[] = [];
    const recording = recordingOf(calls, call, recorded);
    const args = call.args.map((text, i): ArgumentView => {
      const source = classifyArgument(text);
      const view: ArgumentView = { param: spec?.params[i], text, source: source.kind };
      if (source.kind === "reference")
        view.ref = qualifiedAddress(source.ref.sheet ?? baseSheet, source.ref.address);
      if (recording) {
        if (source.kind === "call") {
          const inner = calls[nestedCallIndex(calls, call, text)];
          if (inner) explain(calls.indexOf(inner)).nestedIn = index;
        }
        if (source.kind !== "omitted") view.value = recording.args[i];
        const from = recording.parameterAddresses?.[i];
        if (from && source.kind !== "reference") view.passedFrom = from;
        return view;
      }
      if (source.kind === "constant") view.value = source.value;
      else if (source.kind === "reference") {
        const ref = { sheet: source.ref.sheet ?? baseSheet, address: source.ref.address };
        view.value = values.get(refKey(ref));
        if (view.value === undefined) unreadable.push(text);
      } else if (source.kind === "call") {
        const innerIndex = nestedCallIndex(calls, call, text);
        const inner = innerIndex >= 0 ? explain(innerIndex) : undefined;
        if (inner) inner.nestedIn = index;
        if (inner?.evaluation) view.value = asArgument(inner.evaluation);
        else unreadable.push(text);
      } else if (source.kind === "expression") unreadable.push(text);
      return view;
    });
    const view: CallView = { name: call.name, text: call.text, spec, args, unreadable };
    if (recording) view.recorded = true;
    if (!unreadable.length)
      view.evaluation = evaluate(
        call.name,
        args.map((arg) => arg.value),
        context
      );
    views[index] = view;
    return view;
  };

  return calls.map((_, index) => explain(index));
}
