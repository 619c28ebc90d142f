/** The selection handler's model: the active cell and the explanation of every BTU call in it. */
import { RunContext } from "../catalogue";
import { CallView, explainFormula } from "./explain";
import { CellSnapshot, rangeReader, readActiveCell } from "./workbook";

export interface SelectionModel {
  cell: CellSnapshot;
  calls: CallView[];
}

export async function explainSelection(
  context: Excel.RequestContext,
  run: RunContext
): Promise<SelectionModel> {
  const cell = await readActiveCell(context);
  const calls = cell.formula
    ? await explainFormula(cell.formula, cell.sheet, rangeReader(context), run)
    : [];
  return { cell, calls };
}
