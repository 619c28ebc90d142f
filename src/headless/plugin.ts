/**
 * The BTU functions inside HyperFormula: one plugin whose functions are generated from CATALOGUE,
 * each converting HyperFormula's arguments to raw spreadsheet values and calling `evaluate`, the
 * same adapter layer Excel's functions use. Only conversions here; all coercion is in src/catalogue.
 */
import {
  ArraySize,
  CellError,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  ImplementedFunctions,
  SimpleRangeValue,
} from "hyperformula";
import {
  CATALOGUE,
  FunctionDefinition,
  RawArgument,
  RunContext,
  evaluateDefinition,
} from "../catalogue";
import { fromCellResult, toCellError, toRawArgument } from "./values";

/** The parts of HyperFormula's AST and interpreter state the plugin reads (not exported by the package). */
interface Ast {
  type: string;
  args?: Ast[] | Ast[][];
  value?: unknown;
  left?: Ast;
  right?: Ast;
  expression?: Ast;
  procedureName?: string;
  start?: { toSimpleCellAddress(base: unknown): { row: number; col: number } };
  end?: { toSimpleCellAddress(base: unknown): { row: number; col: number } };
}
interface ProcedureAst extends Ast {
  args: Ast[];
}
interface InterpreterState {
  formulaAddress: unknown;
}

export const NAMESPACE = "BTU.";

const methodName = (spec: FunctionDefinition) => `btu_${spec.name}`;
const sizeMethodName = (spec: FunctionDefinition) => `btuSize_${spec.name}`;

/** AST nodes whose value depends on other cells or on the clock: a spill's size cannot be read from them. */
const REFERENCES = new Set([
  "CELL_REFERENCE",
  "CELL_RANGE",
  "COLUMN_RANGE",
  "ROW_RANGE",
  "NAMED_EXPRESSION",
]);
const VOLATILE = new Set([
  "RAND",
  "RANDBETWEEN",
  "RANDARRAY",
  "NOW",
  "TODAY",
  "OFFSET",
  "INDIRECT",
]);

function isLiteral(ast: Ast): boolean {
  if (REFERENCES.has(ast.type)) return false;
  if (ast.type === "FUNCTION_CALL" && VOLATILE.has((ast.procedureName ?? "").toUpperCase()))
    return false;
  const children: Ast[] = [];
  if (Array.isArray(ast.args)) children.push(...(ast.args as (Ast | Ast[])[]).flat());
  for (const child of [ast.left, ast.right, ast.expression, ast.value]) {
    if (child && typeof child === "object" && "type" in child) children.push(child as Ast);
  }
  return children.every(isLiteral);
}

export class BtuPlugin extends FunctionPlugin {
  static implementedFunctions: ImplementedFunctions = {};

  /** The workbook's settings and date system, given to the engine as HyperFormula's `context` option. */
  private get context(): RunContext {
    return (this.config.context as RunContext | undefined) ?? {};
  }

  /**
   * Arguments to raw values, the catalogue call, the result back to HyperFormula. Arguments are
   * evaluated directly (what runFunction does for ANY arguments, without its per-call bookkeeping):
   * an error value passes through, an omitted argument is blank, a range stays a range.
   */
  protected call(spec: FunctionDefinition, ast: ProcedureAst, state: InterpreterState) {
    const count = ast.args.length;
    const raw: RawArgument[] = new Array(count);
    for (let i = 0; i < count; i++) {
      const arg = ast.args[i];
      if (arg.type === "EMPTY") continue;
      const value = this.evaluateAst(arg as never, state as never);
      if (value instanceof CellError) return value;
      raw[i] = toRawArgument(value);
    }
    const result = fromCellResult(evaluateDefinition(spec, raw, this.context).result);
    if (result instanceof SimpleRangeValue) return this.fitSpill(spec, ast, state, result);
    return result;
  }

  /**
   * The size of a spill, fixed when the formula is parsed: exact when every argument is a literal
   * (it is computed), otherwise a bound (FEE_SCHEDULE's most rows, TNW_LEDGER's cells of fiscal_years);
   * HyperFormula pads a smaller result with empty cells.
   */
  protected spillSize(
    spec: FunctionDefinition,
    ast: ProcedureAst,
    state: InterpreterState
  ): ArraySize {
    const columns = spec.spill!.columns.length;
    if (ast.args.every(isLiteral)) {
      const raw = ast.args.map((arg) =>
        arg.type === "EMPTY"
          ? undefined
          : toRawArgument(this.evaluateAst(arg as never, state as never))
      );
      const result = evaluateDefinition(spec, raw, this.context).result;
      return result.ok && Array.isArray(result.value)
        ? new ArraySize(result.value[0]?.length ?? columns, result.value.length)
        : ArraySize.scalar();
    }
    if (spec.spill!.maxRows) return new ArraySize(columns, spec.spill!.maxRows);
    const first = ast.args[0];
    if (first?.type === "CELL_RANGE" && first.start && first.end) {
      const start = first.start.toSimpleCellAddress(state.formulaAddress);
      const end = first.end.toSimpleCellAddress(state.formulaAddress);
      return new ArraySize(
        columns,
        (Math.abs(end.row - start.row) + 1) * (Math.abs(end.col - start.col) + 1)
      );
    }
    return ArraySize.error();
  }

  /** A spill larger than the size fixed at parse time would break the engine: it becomes an error instead. */
  private fitSpill(
    spec: FunctionDefinition,
    ast: ProcedureAst,
    state: InterpreterState,
    result: SimpleRangeValue
  ) {
    // Literal arguments were sized by computing this very result: it fits, no second evaluation.
    if (ast.args.every(isLiteral)) return result;
    const size = this.spillSize(spec, ast, state);
    if (size.isScalar() || (result.height() <= size.height && result.width() <= size.width))
      return result;
    return toCellError(
      "#VALUE!",
      `BTU.${spec.name}: the result has ${result.height()} rows but only ${size.height} were reserved when the formula was read; give the arguments as a range or literals.`
    );
  }
}

for (const spec of CATALOGUE) {
  const metadata: ImplementedFunctions[string] = {
    method: methodName(spec),
    // Every argument reaches the catalogue as given (ranges as ranges, errors as errors, a missing
    // required argument as blank), so its coercion and messages are the same as in Excel.
    parameters: spec.params.map(() => ({
      argumentType: FunctionArgumentType.ANY,
      optionalArg: true,
    })),
    vectorizationForbidden: true,
  };
  if (spec.spill) metadata.sizeOfResultArrayMethod = sizeMethodName(spec);
  BtuPlugin.implementedFunctions[NAMESPACE + spec.name] = metadata;
  const prototype = BtuPlugin.prototype as unknown as Record<string, unknown>;
  prototype[methodName(spec)] = function (
    this: BtuPlugin,
    ast: ProcedureAst,
    state: InterpreterState
  ) {
    return this.call(spec, ast, state);
  };
  if (spec.spill) {
    prototype[sizeMethodName(spec)] = function (
      this: BtuPlugin,
      ast: ProcedureAst,
      state: InterpreterState
    ) {
      return this.spillSize(spec, ast, state);
    };
  }
}

/** Function names per language: the BTU names are the same in every language HyperFormula knows. */
function translations(): Record<string, Record<string, string>> {
  const names = Object.fromEntries(
    CATALOGUE.map((spec) => [NAMESPACE + spec.name, NAMESPACE + spec.name])
  );
  const codes = new Set(["enGB", ...HyperFormula.getRegisteredLanguagesCodes()]);
  return Object.fromEntries([...codes].map((code) => [code, names]));
}

let registered = false;

export function registerBtuPlugin(): void {
  if (registered) return;
  HyperFormula.registerFunctionPlugin(BtuPlugin, translations());
  registered = true;
}

/** Builds something (an engine) with the BTU functions unknown, as in an Excel without the add-in. */
export function withoutBtuPlugin<T>(build: () => T): T {
  const was = registered;
  if (was) {
    HyperFormula.unregisterFunctionPlugin(BtuPlugin);
    registered = false;
  }
  try {
    return build();
  } finally {
    if (was) registerBtuPlugin();
  }
}
