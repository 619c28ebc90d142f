/**
 * `btu recalc`: every formula of a workbook recomputed by HyperFormula (Excel's functions and the BTU
 * functions), the fresh results written as the cached values of the same formulas, and a summary of
 * what changed against the values Excel had cached.
 */
import { DetailedCellError, HyperFormula, SimpleCellAddress } from "hyperformula";
import { WorkbookSettings } from "../catalogue";
import { sheetPrefix } from "../audit";
import { headlessContext } from "./context";
import { createEngine } from "./engine";
import { checkOutput, writeAtomically } from "./files";
import { carryOverWebExtensions } from "./settings";
import { CellPosition, LoadedWorkbook, PlainValue, loadWorkbook, setCachedResult, setPlainValue, workbookBuffer } from "./workbook";

export interface CellIssue {
  cell: string;
  code: string;
  message: string;
}

export interface Difference {
  cell: string;
  cached: PlainValue;
  value: PlainValue;
}

export interface RecalcSummary {
  input: string;
  output?: string;
  settings: WorkbookSettings;
  sheets: number;
  formulas: number;
  btuCells: number;
  errors: CellIssue[];
  differences: Difference[];
  /** Formulas HyperFormula cannot compute (a function it lacks): their cached values are kept. */
  notRecomputed: CellIssue[];
}

export function cellName(position: Pick<CellPosition, "sheet" | "address">): string {
  return `${sheetPrefix(position.sheet).slice(0, -1)}!${position.address}`;
}

export function engineAddress(position: CellPosition): SimpleCellAddress {
  return { sheet: position.sheetIndex, row: position.row, col: position.col };
}

/** Error codes HyperFormula has and Excel does not are written as the nearest Excel code. */
const EXCEL_CODES: Record<string, string> = { "#CYCLE!": "#REF!", "#ERROR!": "#VALUE!", "#LIC!": "#VALUE!" };

export function plainOf(value: unknown): PlainValue {
  if (value instanceof DetailedCellError) return { error: EXCEL_CODES[value.value] ?? value.value };
  if (value === undefined) return null;
  return value as PlainValue;
}

/** A function HyperFormula does not have, or formula text it cannot read: Excel's cached value is kept. */
function unsupported(value: unknown): string | undefined {
  if (!(value instanceof DetailedCellError)) return undefined;
  const unknown = /^Function name (\S+) not recognized/.exec(value.message ?? "");
  if (unknown && !/^BTU\./i.test(unknown[1])) return `HyperFormula has no function ${unknown[1]}`;
  if (value.value === "#ERROR!") return value.message || "HyperFormula cannot read this formula";
  return undefined;
}

function sameValue(a: PlainValue, b: PlainValue): boolean {
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  if (a && b && typeof a === "object" && typeof b === "object") return a.error === b.error;
  return a === b;
}

export interface Recalculation {
  engine: HyperFormula;
  summary: RecalcSummary;
}

/** Recomputes the loaded workbook and writes the results into its cells (the file is not written). */
export function recalculate(loaded: LoadedWorkbook): Recalculation {
  const engine = createEngine(loaded.sheets, headlessContext(loaded.settings), loaded.names);
  const summary: RecalcSummary = {
    input: loaded.file,
    settings: loaded.settings,
    sheets: loaded.sheetNames.length,
    formulas: loaded.formulas.length,
    btuCells: loaded.formulas.filter((f) => f.btu).length,
    errors: [],
    differences: [],
    notRecomputed: [],
  };
  for (const formula of loaded.formulas) {
    const raw = engine.getCellValue(engineAddress(formula));
    const reason = unsupported(raw);
    if (reason) {
      summary.notRecomputed.push({ cell: cellName(formula), code: (raw as DetailedCellError).value, message: reason });
      continue;
    }
    record(formula, raw, summary);
    setCachedResult(formula.cell, plainOf(raw));
    for (const other of formula.arrayCells ?? []) {
      const value = engine.getCellValue(engineAddress(other));
      record(other, value, summary);
      setPlainValue(other.cell, plainOf(value));
    }
  }
  return { engine, summary };
}

function record(position: CellPosition & { cached: PlainValue }, raw: unknown, summary: RecalcSummary): void {
  const value = plainOf(raw);
  if (raw instanceof DetailedCellError) summary.errors.push({ cell: cellName(position), code: raw.value, message: raw.message ?? "" });
  if (!sameValue(value, position.cached)) summary.differences.push({ cell: cellName(position), cached: position.cached, value });
}

export interface RecalcOptions {
  output?: string;
  inPlace?: boolean;
}

export async function recalcFile(input: string, options: RecalcOptions, defaultOutput: string): Promise<RecalcSummary> {
  const output = options.inPlace ? (options.output ?? input) : (options.output ?? defaultOutput);
  checkOutput(input, output, options.inPlace ?? false);
  const loaded = await loadWorkbook(input);
  const { summary } = recalculate(loaded);
  const written = await carryOverWebExtensions(loaded.zip, await workbookBuffer(loaded.workbook));
  await writeAtomically(output, written);
  return { ...summary, output };
}
