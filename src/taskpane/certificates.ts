/**
 * "Insert certificate": a ready sheet for either certificate in the user's workbook, under a free
 * name. The layout is built from the function's one definition (its parameters become labelled
 * input cells, prefilled with its worked example; the spilled function reads them) and written in
 * one batch: inputs, the function, status formatting, the clauses and a signature block.
 */
import {
  ExampleArgument,
  FunctionDefinition,
  NUMBER_FORMATS,
  findFunction,
  sheetPrefix,
} from "../catalogue";
import { clauseById } from "../core/clauses";
import { SHEET_NAME_LIMIT, freeSheetName } from "../xlsx/sheetNames";
import { rangeAddress } from "./addresses";
import { humanLabel } from "./labels";

export type CertificateKind = "COMPLIANCE" | "BORROWING_BASE_CERTIFICATE";

export const CERTIFICATES: Record<CertificateKind, { title: string; sheet: string }> = {
  COMPLIANCE: { title: "Covenant compliance certificate", sheet: "Covenant certificate" },
  BORROWING_BASE_CERTIFICATE: {
    title: "Borrowing-base certificate",
    sheet: "Borrowing base certificate",
  },
};

export interface CertificateLayout {
  title: string;
  /** Rows of [label, input] from A3 down; an input spans as many cells as its example holds. */
  inputs: { label: string; cells: (number | string)[]; kind: string; optional: boolean }[];
  /** The row (0-based) where the spill's headings go; the function sits on the next row. */
  headingRow: number;
  headings: string[];
  formula: string;
  rows: number;
  /** Spill column of the status, if any, for its formatting. */
  statusColumn?: number;
  clauses: string[];
  signatureRow: number;
}

const FIRST_INPUT_ROW = 3;

function exampleCells(arg: ExampleArgument | undefined): (number | string)[] {
  if (arg === undefined) return [""];
  if (typeof arg === "number" || typeof arg === "string") return [arg];
  if ("date" in arg) return [`=DATE(${arg.date.split("-").map(Number).join(",")})`];
  return arg.array;
}

export function certificateLayout(kind: CertificateKind): CertificateLayout {
  const definition: FunctionDefinition = findFunction(kind)!;
  const example = definition.examples[0];
  let row = FIRST_INPUT_ROW;
  const refs: string[] = [];
  const inputs = definition.params.map((param, i) => {
    const cells = exampleCells(example?.args[i]);
    // A range input (fiscal years) runs across the row: B..; a single input is column B.
    refs.push(
      cells.length > 1 ? rangeAddress(row, 1, 1, cells.length) : rangeAddress(row, 1, 1, 1)
    );
    row++;
    return {
      label: `${humanLabel(param.name)}${param.optional ? " (optional)" : ""}`,
      cells,
      kind: param.kind,
      optional: param.optional ?? false,
    };
  });
  // Trailing omitted optionals stay out of the formula; a blank cell in between passes as blank.
  let last = inputs.length;
  while (last > 0 && inputs[last - 1].optional && inputs[last - 1].cells.every((c) => c === ""))
    last--;
  const headingRow = row + 2;
  const columns = definition.spill!.columns;
  const statusColumn = columns.findIndex((c) => c.heading === "Status");
  return {
    title: CERTIFICATES[kind].title,
    inputs,
    headingRow,
    headings: columns.map((c) => c.heading),
    formula: `=BTU.${kind}(${refs.slice(0, last).join(",")})`,
    rows: definition.spill!.maxRows ?? 1,
    statusColumn: statusColumn >= 0 ? statusColumn : undefined,
    clauses: definition.clauses,
    signatureRow: headingRow + (definition.spill!.maxRows ?? 1) + 3 + definition.clauses.length,
  };
}

const MONEY_FORMAT = "#,##0.00;[Red]-#,##0.00";

/** Writes the certificate on a new sheet with a free name; returns where it went. */
export async function insertCertificate(
  context: Excel.RequestContext,
  kind: CertificateKind
): Promise<{ sheet: string; address: string }> {
  const layout = certificateLayout(kind);
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();
  const name = freeSheetName(
    worksheets.items.map((s) => s.name),
    CERTIFICATES[kind].sheet.slice(0, SHEET_NAME_LIMIT)
  );
  const sheet = worksheets.add(name);
  sheet.getRange("A1").values = [[layout.title]];
  sheet.getRange("A1").format.font.bold = true;
  sheet.getRange("A1").format.font.size = 14;
  layout.inputs.forEach((input, i) => {
    const row = FIRST_INPUT_ROW + i;
    sheet.getRange(rangeAddress(row, 0, 1, 1)).values = [[input.label]];
    const cells = sheet.getRange(rangeAddress(row, 1, 1, input.cells.length));
    cells.formulas = [input.cells];
    cells.format.fill.color = "#FFF2CC";
    cells.format.font.color = "#1F4E79";
    if (input.kind === "date") cells.numberFormat = [input.cells.map(() => NUMBER_FORMATS.date!)];
    if (input.kind === "money") cells.numberFormat = [input.cells.map(() => MONEY_FORMAT)];
  });
  const headings = sheet.getRange(
    rangeAddress(layout.headingRow - 1, 0, 1, layout.headings.length)
  );
  headings.values = [layout.headings];
  headings.format.font.bold = true;
  headings.format.fill.color = "#D9E1F2";
  sheet.getRange(rangeAddress(layout.headingRow, 0, 1, 1)).formulas = [[layout.formula]];
  if (layout.statusColumn !== undefined) {
    const status = sheet.getRange(
      rangeAddress(layout.headingRow, layout.statusColumn, layout.rows, 1)
    );
    for (const [text, fill, font] of [
      ["FAIL", "#FDE7E9", "#A4262C"],
      ["WATCH", "#FFF4CE", "#7A4F01"],
      ["PASS", "#DFF6DD", "#0B6A0B"],
    ] as const) {
      const rule = status.conditionalFormats.add("ContainsText");
      rule.textComparison.format.fill.color = fill;
      rule.textComparison.format.font.color = font;
      rule.textComparison.rule = { operator: "Contains", text };
    }
  }
  const clauseTop = layout.headingRow + layout.rows + 1;
  sheet.getRange(rangeAddress(clauseTop, 0, 1, 1)).values = [["Clauses"]];
  sheet.getRange(rangeAddress(clauseTop, 0, 1, 1)).format.font.bold = true;
  sheet.getRange(rangeAddress(clauseTop + 1, 0, layout.clauses.length, 2)).values =
    layout.clauses.map((id) => [id, clauseById(id)?.title ?? ""]);
  sheet.getRange(rangeAddress(layout.signatureRow, 0, 3, 1)).values = [
    ["Signed: ______________________________"],
    ["Name and title: ______________________"],
    ["Date: ________________________________"],
  ];
  sheet.getRange("A:A").format.columnWidth = 220;
  sheet.activate();
  await context.sync();
  return { sheet: name, address: `${sheetPrefix(name)}A1` };
}
