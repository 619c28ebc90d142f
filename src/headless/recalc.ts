/**
 * `btu recalc`: every formula of a workbook recomputed by HyperFormula (Excel's functions and the BTU
 * functions), the fresh results written as the cached values of the same formulas, and a summary of
 * what changed against the values Excel had cached. A formula the engine cannot compute keeps Excel's
 * value, which is what its dependants are computed from; each such cell is reported with its reason.
 */
import { DetailedCellError, HyperFormula, SimpleCellAddress } from "hyperformula";
import { WorkbookSettings, sheetPrefix } from "../catalogue";
import type { Provenance } from "../audit";
import { provenance } from "./provenance";
import { cachedValueEdit, Edit, insertCellEdits, newCellXml, applyEdits } from "../xlsx";
import { headlessContext } from "./context";
import { buildEngine } from "./engine";
import { checkOutput, writeAtomically } from "./files";
import { collectGarbage } from "./memory";
import { toEngineFormula } from "./formulas";
import {
  CellPosition,
  FormulaCell,
  LoadedWorkbook,
  PlainValue,
  engineContent,
  loadWorkbook,
} from "./workbook";

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
  dateSystem: 1900 | 1904;
  /** The rules and engine that computed the values. */
  provenance: Provenance;
  sheets: number;
  formulas: number;
  btuCells: number;
  errors: CellIssue[];
  differences: Difference[];
  /** Formulas the engine cannot compute: Excel's cached values are kept, and fed to their dependants. */
  notRecomputed: CellIssue[];
  /** Defined names the engine could not read (formulas using them are kept as Excel computed them). */
  refusedNames: { name: string; reason: string }[];
}

const prefixes = new Map<string, string>();

export function cellName(position: Pick<CellPosition, "sheet" | "address">): string {
  let prefix = prefixes.get(position.sheet);
  if (prefix === undefined) prefixes.set(position.sheet, (prefix = sheetPrefix(position.sheet)));
  return prefix + position.address;
}

/**
 * Many cell changes, evaluated once: evaluation is suspended around them. (HyperFormula's batch() keeps
 * one undo entry for them all and walks it on every change, which is quadratic in the number of cells.)
 */
export function changeMany(engine: HyperFormula, changes: () => void): void {
  engine.suspendEvaluation();
  try {
    changes();
  } finally {
    engine.resumeEvaluation();
  }
}

/** Error codes HyperFormula has and Excel does not are written as the nearest Excel code. */
const EXCEL_CODES: Record<string, string> = {
  "#CYCLE!": "#REF!",
  "#ERROR!": "#VALUE!",
  "#LIC!": "#VALUE!",
};

export function plainOf(value: unknown): PlainValue {
  if (value instanceof DetailedCellError) return { error: EXCEL_CODES[value.value] ?? value.value };
  if (value === undefined) return null;
  return value as PlainValue;
}

/**
 * Equal as Excel would show them: numbers within a few units in the last place of a double (the
 * engines may order a sum differently), everything else exactly.
 */
export function sameValue(a: PlainValue, b: PlainValue): boolean {
  if (typeof a === "number" && typeof b === "number")
    return a === b || Math.abs(a - b) <= 4 * Number.EPSILON * Math.max(Math.abs(a), Math.abs(b));
  if (a && b && typeof a === "object" && typeof b === "object") return a.error === b.error;
  if ((a === null && b === "") || (a === "" && b === null)) return true;
  return a === b;
}

/** The engine over a workbook, each formula cell's address in it, and what it could not compute. */
export interface Recalculation {
  engine: HyperFormula;
  address(position: CellPosition): SimpleCellAddress;
  /** Formula cells kept as Excel computed them, with the reason. */
  kept: Map<FormulaCell, string>;
  summary: RecalcSummary;
}

/** Why the engine's value for a cell is not to be trusted, from the value itself. */
function dynamicReason(value: unknown, cached: PlainValue, iterate: boolean): string | undefined {
  if (!(value instanceof DetailedCellError)) return undefined;
  if (value.value === "#CYCLE!") {
    return iterate
      ? "a circular reference meant to iterate (iterative calculation is on); HyperFormula cannot iterate"
      : "in or after a circular reference, which HyperFormula does not compute";
  }
  if (value.value === "#ERROR!")
    return `HyperFormula cannot read this formula (${value.message || "parse error"})`;
  const name = /^Named expression (\S+) not recognized/.exec(value.message ?? "");
  if (name && !(cached && typeof cached === "object" && cached.error === "#NAME?"))
    return `the name ${name[1]} has a definition HyperFormula cannot read`;
  if (
    value.value === "#SPILL!" &&
    !(cached && typeof cached === "object" && cached.error === "#SPILL!")
  )
    return "a spill that HyperFormula sizes differently from Excel";
  return undefined;
}

/** The cells among `cells` that lie on a cycle of references among themselves (Tarjan's strongly connected components). */
function cycleMembers(
  engine: HyperFormula,
  cells: FormulaCell[],
  address: (p: CellPosition) => SimpleCellAddress
): Set<FormulaCell> {
  const key = (a: SimpleCellAddress) => `${a.sheet}:${a.row}:${a.col}`;
  const byKey = new Map(cells.map((cell) => [key(address(cell)), cell]));
  const edges = new Map<FormulaCell, FormulaCell[]>();
  for (const cell of cells) {
    const out: FormulaCell[] = [];
    for (const precedent of engine.getCellPrecedents(address(cell))) {
      if ("start" in precedent) {
        for (const other of cells) {
          const a = address(other);
          if (
            a.sheet === precedent.start.sheet &&
            a.row >= precedent.start.row &&
            a.row <= precedent.end.row &&
            a.col >= precedent.start.col &&
            a.col <= precedent.end.col
          )
            out.push(other);
        }
      } else {
        const other = byKey.get(key(precedent));
        if (other) out.push(other);
      }
    }
    edges.set(cell, out);
  }
  const index = new Map<FormulaCell, number>();
  const low = new Map<FormulaCell, number>();
  const stack: FormulaCell[] = [];
  const onStack = new Set<FormulaCell>();
  const members = new Set<FormulaCell>();
  let next = 0;
  const visit = (cell: FormulaCell) => {
    index.set(cell, next);
    low.set(cell, next++);
    stack.push(cell);
    onStack.add(cell);
    for (const other of edges.get(cell)!) {
      if (!index.has(other)) {
        visit(other);
        low.set(cell, Math.min(low.get(cell)!, low.get(other)!));
      } else if (onStack.has(other)) low.set(cell, Math.min(low.get(cell)!, index.get(other)!));
    }
    if (low.get(cell) !== index.get(cell)) return;
    const component: FormulaCell[] = [];
    let top: FormulaCell;
    do {
      top = stack.pop()!;
      onStack.delete(top);
      component.push(top);
    } while (top !== cell);
    if (component.length > 1 || edges.get(cell)!.includes(cell))
      component.forEach((c) => members.add(c));
  };
  for (const cell of cells) if (!index.has(cell)) visit(cell);
  return members;
}

/** Recomputes the loaded workbook (the file is not written). */
export function recalculate(loaded: LoadedWorkbook): Recalculation {
  const { engine, refusedNames } = buildEngine(
    loaded.sheets,
    { ...headlessContext(loaded.settings), date1904: loaded.date1904 },
    { names: loaded.names, date1904: loaded.date1904 }
  );
  const ids = new Map(loaded.worksheets.map(({ name }) => [name, engine.getSheetId(name)!]));
  const address = (position: CellPosition): SimpleCellAddress => ({
    sheet: ids.get(position.sheet)!,
    row: position.row,
    col: position.col,
  });
  const kept = new Map<FormulaCell, string>();
  const keep = (formula: FormulaCell, reason: string) => {
    kept.set(formula, reason);
    engine.setCellContents(address(formula), [[engineContent(formula.cached)]]);
    for (const other of formula.arrayCells ?? [])
      engine.setCellContents(address(other), [[engineContent(other.cached)]]);
  };
  const roots = loaded.formulas
    .filter((formula) => formula.unsupported)
    .map((formula) => [formula, formula.unsupported] as const);
  if (roots.length)
    changeMany(engine, () => roots.forEach(([formula, reason]) => keep(formula, reason!)));
  // Keeping a value can let a cycle's cells or a parse error's dependants compute: a few rounds settle it.
  for (let round = 0; round < 8; round++) {
    const found = loaded.formulas
      .filter((f) => !kept.has(f))
      .map(
        (f) =>
          [
            f,
            dynamicReason(engine.getCellValue(address(f)), f.cached, loaded.structure.iterate),
          ] as const
      )
      .filter(([, reason]) => reason);
    if (!found.length) break;
    const errorOf = (f: FormulaCell) =>
      (engine.getCellValue(address(f)) as DetailedCellError).value;
    // A formula HyperFormula cannot read shows #ERROR!, and so does every cell that reads it: the
    // unreadable ones keep Excel's value first, so that the cells reading them compute from it.
    const unreadable = found.filter(
      ([f]) => errorOf(f) === "#ERROR!" && !engine.validateFormula(toEngineFormula(f.stored))
    );
    let keepNow = unreadable;
    if (!keepNow.length) {
      // A cycle's dependants show #CYCLE! too: only the cycle's own cells keep Excel's value.
      const inCycle = new Set(found.filter(([f]) => errorOf(f) === "#CYCLE!").map(([f]) => f));
      const members = cycleMembers(engine, [...inCycle], address);
      keepNow = found.filter(([f]) => !inCycle.has(f) || members.has(f));
    }
    changeMany(engine, () => keepNow.forEach(([formula, reason]) => keep(formula, reason!)));
  }
  const summary: RecalcSummary = {
    input: loaded.file,
    settings: loaded.settings,
    dateSystem: loaded.date1904 ? 1904 : 1900,
    provenance: provenance(loaded.date1904),
    sheets: loaded.sheetNames.length,
    formulas: loaded.formulas.length,
    btuCells: loaded.formulas.filter((f) => f.btu).length,
    errors: [],
    differences: [],
    notRecomputed: [...kept].map(([cell, message]) => ({
      cell: cellName(cell),
      code: "kept",
      message: `kept Excel's value: ${message}`,
    })),
    refusedNames,
  };
  for (const formula of loaded.formulas) {
    if (kept.has(formula)) continue;
    record(formula, engine.getCellValue(address(formula)), summary);
    for (const other of formula.arrayCells ?? [])
      record(other, engine.getCellValue(address(other)), summary);
  }
  return { engine, address, kept, summary };
}

function record(
  position: CellPosition & { cached: PlainValue },
  raw: unknown,
  summary: RecalcSummary
): void {
  const value = plainOf(raw);
  if (raw instanceof DetailedCellError)
    summary.errors.push({ cell: cellName(position), code: raw.value, message: raw.message ?? "" });
  if (!sameValue(value, position.cached))
    summary.differences.push({ cell: cellName(position), cached: position.cached, value });
}

function identical(a: PlainValue, b: PlainValue): boolean {
  if (a && b && typeof a === "object" && typeof b === "object") return a.error === b.error;
  return a === b;
}

/** The value a recomputed cell gets, or undefined where its stored value stays as it is. */
function freshValue(
  recalculation: Recalculation,
  position: CellPosition & { cached: PlainValue }
): PlainValue | undefined {
  const value = plainOf(recalculation.engine.getCellValue(recalculation.address(position)));
  return identical(value, position.cached) ? undefined : value;
}

/**
 * Edits of each sheet's text that store the fresh values: formula cells and the other cells of their
 * array ranges. `skip` leaves cells to another edit (the audit turns BTU cells into values).
 */
export function recalcEdits(
  loaded: LoadedWorkbook,
  recalculation: Recalculation,
  skip: (formula: FormulaCell) => boolean = () => false
): Map<string, Edit[]> {
  const edits = new Map<string, Edit[]>();
  const sheetOf = new Map(loaded.worksheets.map((sheet) => [sheet.name, sheet]));
  const added = new Map<string, { row: number; col: number; xml: string }[]>();
  for (const formula of loaded.formulas) {
    if (recalculation.kept.has(formula) || skip(formula)) continue;
    const sheet = sheetOf.get(formula.sheet)!;
    const list = edits.get(sheet.part) ?? edits.set(sheet.part, []).get(sheet.part)!;
    const value = freshValue(recalculation, formula);
    if (value !== undefined) list.push(cachedValueEdit(sheet.scanned, formula.cell, value));
    for (const other of formula.arrayCells ?? []) {
      const fresh = freshValue(recalculation, other);
      if (fresh === undefined) continue;
      if (other.cell !== undefined) list.push(cachedValueEdit(sheet.scanned, other.cell, fresh));
      else if (fresh !== null)
        (added.get(sheet.part) ?? added.set(sheet.part, []).get(sheet.part)!).push({
          row: other.row,
          col: other.col,
          xml: newCellXml(sheet.scanned.prefix, other.row, other.col, fresh),
        });
    }
  }
  for (const [part, cells] of added)
    edits
      .get(part)!
      .push(...insertCellEdits(loaded.worksheets.find((s) => s.part === part)!.scanned, cells));
  return edits;
}

export function applySheetEdits(loaded: LoadedWorkbook, edits: Map<string, Edit[]>): void {
  const byPart = new Map(loaded.worksheets.map((sheet) => [sheet.part, sheet]));
  for (const [part, list] of edits)
    if (list.length) loaded.pkg.set(part, applyEdits(byPart.get(part)!.scanned.xml, list));
}

export interface RecalcOptions {
  output?: string;
  inPlace?: boolean;
}

export async function recalcFile(
  input: string,
  options: RecalcOptions,
  defaultOutput: string
): Promise<RecalcSummary> {
  const output = options.inPlace ? (options.output ?? input) : (options.output ?? defaultOutput);
  checkOutput(input, output, options.inPlace ?? false);
  const loaded = await loadWorkbook(input);
  const recalculation = recalculate(loaded);
  // The engine holds its own copy of every cell: the layout's (large) copy is let go.
  loaded.sheets = {};
  collectGarbage(loaded.formulas.length);
  applySheetEdits(loaded, recalcEdits(loaded, recalculation));
  await writeAtomically(output, loaded.pkg.write());
  return { ...recalculation.summary, output };
}
