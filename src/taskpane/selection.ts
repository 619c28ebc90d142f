/**
 * The selection handler's model: the active cell, every BTU call in it explained from what Excel
 * passed it, and for a formula without BTU calls the BTU cells it reads ("follow the numbers").
 */
import {
  RecordedInvocation,
  RunContext,
  findBtuCalls,
  parseRange,
  recordedCalls,
  referencesOf,
} from "../catalogue";
import { CallView, QualifiedRef, explainFormula } from "./explain";
import {
  CellSnapshot,
  calculateActiveCell,
  rangeReader,
  readActiveCell,
  readFormulaCells,
} from "./workbook";

export interface SelectionModel {
  cell: CellSnapshot;
  calls: CallView[];
  /** For a formula without BTU calls: the cells it reads whose formulas call BTU functions. */
  feeders: CellSnapshot[];
  /** References of that formula too large to search for BTU cells (whole columns, say). */
  unsearched: string[];
}

/** Cells a formula may refer to and still be searched for BTU cells, in one read. */
const MAX_SEARCHED_CELLS = 5_000;

/** How long Excel may take, after Range.calculate, to call the cell's functions. */
const RECORDING_WAIT_MS = 1_000;
const RECORDING_POLL_MS = 50;

export interface SelectionOptions {
  /** The recorded calls of a cell (the shared runtime's log; a fake in tests). */
  recorded?: (sheet: string, address: string) => ReadonlyMap<string, RecordedInvocation>;
  wait?: (ms: number) => Promise<void>;
}

/** The cells a formula refers to on this workbook's sheets, small enough to read. */
function precedentRanges(
  formula: string,
  baseSheet: string
): { refs: QualifiedRef[]; unsearched: string[] } {
  const refs: QualifiedRef[] = [];
  const unsearched: string[] = [];
  let cells = 0;
  for (const ref of referencesOf(formula)) {
    if (ref.book !== undefined || ref.lastSheet) continue;
    const bounds = parseRange(ref.area.replace(/\$/g, ""));
    const size = bounds ? (bounds.bottom - bounds.top + 1) * (bounds.right - bounds.left + 1) : 0;
    if (!bounds || cells + size > MAX_SEARCHED_CELLS) {
      unsearched.push(ref.text);
      continue;
    }
    cells += size;
    refs.push({ sheet: ref.sheet ?? baseSheet, address: ref.area.replace(/\$/g, "") });
  }
  return { refs, unsearched };
}

const hasUnread = (calls: readonly CallView[]) =>
  calls.some((call) => call.unreadable.length && !call.recorded);

export async function explainSelection(
  context: Excel.RequestContext,
  run: RunContext,
  options: SelectionOptions = {}
): Promise<SelectionModel> {
  const recorded = options.recorded ?? recordedCalls;
  const wait = options.wait ?? ((ms) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const cell = await readActiveCell(context);
  const model: SelectionModel = { cell, calls: [], feeders: [], unsearched: [] };
  if (!cell.formula) return model;
  if (!findBtuCalls(cell.formula).length) {
    const { refs, unsearched } = precedentRanges(cell.formula, cell.sheet);
    const cells = refs.length ? await readFormulaCells(context, refs) : [];
    model.feeders = cells.filter((c) => findBtuCalls(c.formula).length);
    model.unsearched = unsearched;
    return model;
  }
  const explain = () =>
    explainFormula(
      cell.formula,
      cell.sheet,
      rangeReader(context),
      run,
      recorded(cell.sheet, cell.address)
    );
  model.calls = await explain();
  if (!hasUnread(model.calls)) return model;
  // An expression the pane cannot evaluate: have Excel calculate the cell, which records its calls.
  await calculateActiveCell(context);
  for (let waited = 0; waited <= RECORDING_WAIT_MS; waited += RECORDING_POLL_MS) {
    if (recorded(cell.sheet, cell.address).size) break;
    await wait(RECORDING_POLL_MS);
  }
  model.calls = await explain();
  return model;
}
