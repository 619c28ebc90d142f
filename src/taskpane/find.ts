/** "Find in workbook": the cells whose BTU formulas depend on a clause. */
import { findBtuCalls } from "../catalogue";
import { callCites } from "./citations";
import { CellSnapshot, scanBtuCells } from "./workbook";

export interface CitingCell {
  cell: CellSnapshot;
  /** The functions in the cell's formula that depend on the clause. */
  functions: string[];
}

export async function findCellsCiting(
  context: Excel.RequestContext,
  clause: string
): Promise<CitingCell[]> {
  const cells = await scanBtuCells(context);
  return cells.flatMap((cell) => {
    const functions = [
      ...new Set(
        findBtuCalls(cell.formula)
          .filter((call) => callCites(call, clause))
          .map((call) => call.name)
      ),
    ];
    return functions.length ? [{ cell, functions }] : [];
  });
}
