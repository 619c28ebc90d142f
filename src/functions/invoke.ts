/**
 * The one bridge between Excel's custom-functions runtime and the catalogue: every BTU.* function
 * hands its raw arguments here, and gets back a cell value or a CustomFunctions.Error. Coercion and
 * calculation stay in the catalogue and the core; nothing thrown ever reaches Excel, because Excel
 * turns an uncaught exception into a bare #VALUE! with no message.
 */
// Each from its own module, not the catalogue's index: the pane's bundle reuses functions.js's
// modules, so every module reached from here ships in what Excel loads for the functions.
import { SheetError } from "../catalogue/coerce";
import type { RawArgument, RawScalar } from "../catalogue/coerce";
import { clauseLibrary } from "../catalogue/clauseLibrary";
import type { ClauseLibrary } from "../catalogue/clauseLibrary";
import type { RunContext } from "../catalogue/definition";
import { evaluate } from "../catalogue/evaluate";
import type { CellResult } from "../catalogue/evaluate";
import { NUMBER_FORMATS } from "../catalogue/formats";
import { recordInvocation, workbookDate1904 } from "../catalogue/invocations";
import { readSettings } from "../catalogue/settings";
import type { WorkbookSettings } from "../catalogue/settings";
import { findFunction } from "../catalogue/specs";
import type { CellValue } from "../core";

/** The Excel errors a custom function can return, by the code the catalogue uses. */
function outputCode(code: string): CustomFunctions.ErrorCode | undefined {
  const codes = CustomFunctions.ErrorCode;
  const byCode: Record<string, CustomFunctions.ErrorCode> = {
    "#VALUE!": codes.invalidValue,
    "#N/A": codes.notAvailable,
    "#DIV/0!": codes.divisionByZero,
    "#NUM!": codes.invalidNumber,
    "#NULL!": codes.nullReference,
  };
  return byCode[code];
}

/**
 * Excel shows a message only on #VALUE! and #N/A, and a custom function cannot return #NAME? or
 * #REF! at all: those (they only come from inputs) become #VALUE! saying what the input held.
 */
function toError(code: string, message: string): CustomFunctions.Error {
  const codes = CustomFunctions.ErrorCode;
  const output = outputCode(code);
  if (output === undefined)
    return new CustomFunctions.Error(codes.invalidValue, message || `An argument holds ${code}.`);
  return new CustomFunctions.Error(
    output,
    output === codes.invalidValue || output === codes.notAvailable ? message : undefined
  );
}

/** A number with its format attached, where Excel takes one from a custom function. */
type FormattedNumber = { type: string; basicValue: number; numberFormat: string };

let formattedType: string | null | undefined;

/**
 * The cell-value type of a formatted number, or null where the host cannot take one: Excel accepts
 * them from custom functions from CustomFunctionsRuntime 1.4, as "Double" from ExcelApi 1.19 and as
 * "FormattedNumber" before. Asked once: the answer cannot change while the workbook is open.
 */
function formattedNumberType(): string | null {
  if (formattedType !== undefined) return formattedType;
  try {
    const requirements = typeof Office === "undefined" ? undefined : Office.context?.requirements;
    formattedType = !requirements?.isSetSupported("CustomFunctionsRuntime", "1.4")
      ? null
      : requirements.isSetSupported("ExcelApi", "1.19")
        ? "Double"
        : "FormattedNumber";
  } catch {
    formattedType = null;
  }
  return formattedType;
}

function toOutput(
  name: string,
  result: CellResult
): CellValue | FormattedNumber | CustomFunctions.Error {
  if (!result.ok) return toError(result.code, result.message);
  const kind = findFunction(name)?.result;
  const format = kind && NUMBER_FORMATS[kind];
  const type = format && typeof result.value === "number" ? formattedNumberType() : null;
  return type ? { type, basicValue: result.value as number, numberFormat: format! } : result.value;
}

function failure(name: string, error: unknown): CustomFunctions.Error {
  const detail = error instanceof Error ? error.message : String(error);
  return toError(
    "#VALUE!",
    `BTU.${name}: unexpected error (${detail}); please report it with the formula.`
  );
}

/**
 * The workbook's own settings (discount method, extra holidays) as the taskpane stored them. Office
 * is absent in tests and in a browser opened outside Excel, and `settings` before Office is ready.
 */
function workbookSettings(): WorkbookSettings {
  try {
    const settings = typeof Office === "undefined" ? undefined : Office.context?.document?.settings;
    return settings ? readSettings((key) => settings.get(key)) : {};
  } catch {
    return {};
  }
}

/**
 * Excel only calls a function with an error value in its arguments when asked to, and then hands it
 * over as a CustomFunctions.Error; the catalogue knows such cells as SheetError, which passes through.
 */
function fromExcelCell(value: unknown): RawScalar {
  return value instanceof CustomFunctions.Error
    ? new SheetError(value.code, value.message)
    : (value as RawScalar);
}

function fromExcel(value: unknown): RawArgument {
  return Array.isArray(value)
    ? value.map((row: unknown) =>
        Array.isArray(row) ? row.map(fromExcelCell) : [fromExcelCell(row)]
      )
    : fromExcelCell(value);
}

type Output = CellValue | FormattedNumber | CustomFunctions.Error;

function run(
  name: string,
  args: readonly unknown[],
  invocation: CustomFunctions.Invocation | undefined,
  context: RunContext
): Output {
  try {
    const raw = args.map(fromExcel);
    // A value preview is what the user is still typing: the cell does not hold it yet.
    if (invocation && !invocation.isInValuePreview)
      recordInvocation(name, raw, invocation.address, invocation.parameterAddresses);
    return toOutput(name, evaluate(name, raw, { ...context, date1904: workbookDate1904() }).result);
  } catch (error) {
    return failure(name, error);
  }
}

/** Calls catalogue function `name` with the arguments exactly as Excel passed them. */
export function call(
  name: string,
  args: readonly unknown[],
  invocation?: CustomFunctions.Invocation
): Output {
  return run(name, args, invocation, { settings: workbookSettings() });
}

let clauses: Promise<ClauseLibrary> | undefined;

/** The agreements' text is large, so it is fetched as its own chunk the first time a cell needs it. */
function loadClauses(): Promise<ClauseLibrary> {
  clauses ??= import(/* webpackChunkName: "clauses" */ "../core/clauses").then(clauseLibrary);
  return clauses;
}

/** Like `call`, for the functions that read the clause library. */
export async function callWithClauses(
  name: string,
  args: readonly unknown[],
  invocation?: CustomFunctions.Invocation
): Promise<Output> {
  try {
    return run(name, args, invocation, {
      settings: workbookSettings(),
      clauses: await loadClauses(),
    });
  } catch (error) {
    // A failed chunk load (network) must not stick: the next recalculation tries again.
    clauses = undefined;
    return failure(name, error);
  }
}
