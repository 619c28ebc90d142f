/**
 * `btu audit`: the auditor's copy of a workbook. Every BTU formula becomes its value (styles kept),
 * and an Audit sheet lists each such cell with its inputs, clauses, the core's explanation and,
 * where Excel can re-perform it, a native formula with a check. The copy is recomputed by an engine
 * without the BTU functions before it is written, so its checks carry real cached results.
 */
import ExcelJS from "exceljs";
import { DetailedCellError, HyperFormula } from "hyperformula";
import { CellValue } from "../core";
import { RawArgument, SheetError, findBtuCalls, normalizeStoredFormula } from "../catalogue";
import { AUDIT_FIRST_ROW, AUDIT_HEADERS, AuditCell, AuditRow, auditSheetRows, buildAuditRows, referencesIn } from "../audit";
import { headlessContext } from "./context";
import { createPlainEngine } from "./engine";
import { checkOutput, writeAtomically } from "./files";
import { toEngineFormula } from "./formulas";
import { cellName, engineAddress, plainOf, recalculate } from "./recalc";
import { FormulaCell, LoadedWorkbook, PlainValue, layoutWorkbook, loadWorkbook, plainValue, setCachedResult, setPlainValue, workbookBuffer } from "./workbook";
import { toRawArgument } from "./values";

export interface AuditSummary {
  input: string;
  output: string;
  settings: LoadedWorkbook["settings"];
  btuCells: number;
  native: number;
  checks: { cell: string; ok: boolean; value: PlainValue }[];
  /** Cells of the copy that still show an error once recomputed without the add-in. */
  errors: { cell: string; code: string }[];
  rows: AuditRow[];
}

/** A reference alone (`B5`, `$B$5:$B$7`, `'Fee schedule'!A1`), whose cells are read one by one. */
const PURE_REFERENCE = /^(?:(?:'(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?\$?[A-Za-z]{1,3}\$?[0-9]+(?::\$?[A-Za-z]{1,3}\$?[0-9]+)?$/;

/** A cell or range value as the engine holds it, blanks as null (not the 0 a formula would see). */
function referenceValue(engine: HyperFormula, ref: string, sheetId: number): RawArgument | undefined {
  const range = engine.simpleCellRangeFromString(ref, sheetId);
  if (range) return engine.getRangeValues(range).map((row) => row.map((v) => toRawArgument(v instanceof DetailedCellError ? new SheetError(v.value, v.message) : v) as never));
  const address = engine.simpleCellAddressFromString(ref, sheetId);
  if (!address) return undefined;
  const value = engine.getCellValue(address);
  return value instanceof DetailedCellError ? new SheetError(value.value, value.message) : toRawArgument(value);
}

function argumentOf(engine: HyperFormula, text: string, sheetId: number): RawArgument {
  const t = text.trim();
  if (t === "") return undefined;
  if (PURE_REFERENCE.test(t)) {
    const value = referenceValue(engine, t, sheetId);
    if (value !== undefined) return value;
  }
  const value = engine.calculateFormula(toEngineFormula(t), sheetId);
  if (value instanceof DetailedCellError) return new SheetError(value.value, value.message);
  if (Array.isArray(value)) return value.map((row) => row.map((v) => (v instanceof DetailedCellError ? new SheetError(v.value, v.message) : toRawArgument(v)) as never));
  return toRawArgument(value);
}

function cellValueOf(engine: HyperFormula, formula: FormulaCell): CellValue {
  const raw = engine.getCellValue(engineAddress(formula));
  if (raw instanceof DetailedCellError) return raw.value;
  if (formula.arrayCells?.length || engine.isCellPartOfArray(engineAddress(formula))) {
    const whole = engine.calculateFormula(toEngineFormula(formula.stored), formula.sheetIndex);
    if (Array.isArray(whole)) return whole.map((row) => row.map((v) => (v instanceof DetailedCellError ? v.value : (v ?? ""))));
  }
  return (raw ?? 0) as CellValue;
}

export function auditCell(engine: HyperFormula, loaded: LoadedWorkbook, formula: FormulaCell): AuditCell {
  const text = `=${normalizeStoredFormula(formula.stored)}`;
  const inputs = referencesIn(text, formula.sheet).map((ref) => ({ ref, value: referenceValue(engine, ref, formula.sheetIndex) ?? null }));
  const callArgs = findBtuCalls(text).map((call) => call.args.map((arg) => argumentOf(engine, arg, formula.sheetIndex)));
  return { sheet: formula.sheet, address: formula.address, formula: text, value: cellValueOf(engine, formula), inputs, settings: loaded.settings, callArgs };
}

/** Shared formulas are written out one by one, so replacing a group's first cell cannot break the rest. */
function unshare(formulas: FormulaCell[]): void {
  for (const formula of formulas) {
    const value = formula.cell.value as { sharedFormula?: string; shareType?: string };
    if (value.sharedFormula || value.shareType === "shared") {
      const result = plainValue(formula.cell.result);
      formula.cell.value = { formula: formula.stored } as ExcelJS.CellValue;
      setCachedResult(formula.cell, result);
    }
  }
}

function uniqueSheetName(workbook: ExcelJS.Workbook, wanted: string): string {
  const taken = new Set(workbook.worksheets.map((sheet) => sheet.name.toLowerCase()));
  let name = wanted;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${wanted} (${i})`;
  return name;
}

const FORMATS: Partial<Record<string, string>> = { money: "#,##0.00;[Red]-#,##0.00", date: "yyyy-mm-dd" };
const WIDTHS = [16, 8, 40, 36, 18, 16, 16, 8, 80, 40, 50, 40];

function writeAuditSheet(workbook: ExcelJS.Workbook, rows: AuditRow[], settings: LoadedWorkbook["settings"]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(uniqueSheetName(workbook, "Audit"), { views: [{ state: "frozen", ySplit: AUDIT_FIRST_ROW - 1 }] });
  sheet.columns = WIDTHS.map((width) => ({ width }));
  auditSheetRows(rows, settings).forEach((cells, i) => {
    cells.forEach((content, c) => {
      if (content === null || content === undefined) return;
      const cell = sheet.getCell(i + 1, c + 1);
      cell.value = typeof content === "object" ? ({ formula: content.formula.replace(/^=/, "") } as ExcelJS.CellValue) : content;
      cell.alignment = { vertical: "top", wrapText: typeof content === "string" && content.length > 20 };
    });
  });
  sheet.getCell(1, 1).font = { bold: true };
  sheet.getCell(1, 1).alignment = { wrapText: false };
  sheet.getRow(AUDIT_FIRST_ROW - 1).font = { bold: true };
  rows.forEach((row, i) => {
    const format = row.kind ? FORMATS[row.kind] : undefined;
    if (!format) return;
    const r = AUDIT_FIRST_ROW + i;
    sheet.getCell(r, AUDIT_HEADERS.indexOf("Value") + 1).numFmt = format;
    sheet.getCell(r, AUDIT_HEADERS.indexOf("Native formula") + 1).numFmt = format;
  });
  return sheet;
}

/** Recomputes the copy without the BTU functions and stores each formula's result as its cached value. */
function recomputeWithoutAddIn(workbook: ExcelJS.Workbook, auditSheet: ExcelJS.Worksheet, summary: AuditSummary): void {
  const layout = layoutWorkbook(workbook);
  const leftovers = layout.formulas.filter((formula) => formula.btu);
  if (leftovers.length) throw new Error(`BTU formulas left in the audit copy: ${leftovers.map(cellName).join(", ")}`);
  const engine = createPlainEngine(layout.sheets, layout.names);
  const checkColumn = AUDIT_HEADERS.indexOf("Check");
  for (const formula of layout.formulas) {
    const raw = engine.getCellValue(engineAddress(formula));
    const value = plainOf(raw);
    setCachedResult(formula.cell, value);
    if (raw instanceof DetailedCellError) summary.errors.push({ cell: cellName(formula), code: raw.value });
    if (formula.sheet === auditSheet.name && formula.col === checkColumn) summary.checks.push({ cell: cellName(formula), ok: value === true, value });
  }
}

export async function auditFile(input: string, outputOption: string | undefined, defaultOutput: string): Promise<AuditSummary> {
  const output = outputOption ?? defaultOutput;
  checkOutput(input, output, false);
  const loaded = await loadWorkbook(input);
  const { engine } = recalculate(loaded);
  const btuFormulas = loaded.formulas.filter((formula) => formula.btu);
  const rows = buildAuditRows(
    btuFormulas.map((formula) => auditCell(engine, loaded, formula)),
    headlessContext(loaded.settings).clauses,
  );
  unshare(loaded.formulas);
  for (const formula of btuFormulas) {
    setPlainValue(formula.cell, plainOf(engine.getCellValue(engineAddress(formula))));
    for (const other of formula.arrayCells ?? []) setPlainValue(other.cell, plainOf(engine.getCellValue(engineAddress(other))));
  }
  const auditSheet = writeAuditSheet(loaded.workbook, rows, loaded.settings);
  const summary: AuditSummary = { input, output, settings: loaded.settings, btuCells: rows.length, native: rows.filter((row) => row.native).length, checks: [], errors: [], rows };
  recomputeWithoutAddIn(loaded.workbook, auditSheet, summary);
  await writeAtomically(output, await workbookBuffer(loaded.workbook));
  return summary;
}
