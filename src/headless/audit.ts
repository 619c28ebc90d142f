/**
 * `btu audit`: the auditor's copy of a workbook. Every BTU formula becomes its value (its style kept),
 * and an Audit sheet, added as a new part under a free name, lists each such cell with its inputs,
 * clauses, the core's explanation and, where Excel can re-perform it, a native formula with a check.
 * Everything else in the package stays as it was; the copy's checks carry the results an engine
 * without the add-in computes, and a BTU cell that rests on a value the engine could not compute
 * says so instead of claiming TRUE.
 */
import { DetailedCellError, HyperFormula, SimpleCellAddress } from "hyperformula";
import { CellValue } from "../core";
import {
  RawArgument,
  SheetError,
  Token,
  cellAddress,
  displayFunctionName,
  findBtuCalls,
  normalizeStoredFormula,
  parseReference,
  sheetPrefix,
  storedFormula,
  tokenize,
} from "../catalogue";
import {
  AUDIT_FIRST_ROW,
  AUDIT_HEADERS,
  AuditCell,
  AuditRow,
  AuditSheetCell,
  AuditSheetLayout,
  Provenance,
  auditSheet,
  buildAuditRows,
  isReperformed,
  referencesIn,
} from "../audit";
import {
  Edit,
  addCellFormats,
  addWorksheet,
  freeName,
  insertCellEdits,
  newCellXml,
  newFormulaCellXml,
  plainValueEdit,
  removePart,
} from "../xlsx";
import { freeSheetName } from "../xlsx/sheetNames";
import { headlessContext } from "./context";
import { checkOutput, writeAtomically } from "./files";
import { collectGarbage } from "./memory";
import { toEngineFormula } from "./formulas";
import {
  CellIssue,
  Recalculation,
  applySheetEdits,
  cellName,
  plainOf,
  recalcEdits,
  recalculate,
} from "./recalc";
import {
  CellPosition,
  FormulaCell,
  LoadedWorkbook,
  PlainValue,
  engineContent,
  loadWorkbook,
} from "./workbook";
import { SheetContents, createPlainEngine } from "./engine";
import { toRawArgument } from "./values";

export interface AuditCopyReport {
  input: string;
  output: string;
  /** The rules and engine that produced the copy. */
  provenance: Provenance;
  /** Formulas outside the BTU cells whose Excel values were kept (the engine cannot compute them). */
  keptExcelValues: CellIssue[];
  settings: LoadedWorkbook["settings"];
  btuCells: number;
  native: number;
  checks: { cell: string; ok: boolean; value: PlainValue }[];
  /** BTU cells whose inputs rest on values kept from Excel: listed, not re-performed. */
  notReperformed: { cell: string; reason: string }[];
  /** Cells of the copy that still show an error once recomputed without the add-in. */
  errors: { cell: string; code: string }[];
  rows: AuditRow[];
}

/** A reference alone (`B5`, `$B$5:$B$7`, `'Fee schedule'!A1`), whose cells are read one by one. */
function isPureReference(text: string): boolean {
  try {
    const tokens = tokenize(text);
    return tokens.length === 1 && tokens[0].type === "ref";
  } catch {
    return false;
  }
}

/** A cell or range value as the engine holds it, blanks as null (not the 0 a formula would see). */
function referenceValue(
  engine: HyperFormula,
  ref: string,
  sheetId: number
): RawArgument | undefined {
  const range = engine.simpleCellRangeFromString(ref, sheetId);
  if (range)
    return engine
      .getRangeValues(range)
      .map((row) =>
        row.map(
          (v) =>
            toRawArgument(
              v instanceof DetailedCellError ? new SheetError(v.value, v.message) : v
            ) as never
        )
      );
  const address = engine.simpleCellAddressFromString(ref, sheetId);
  if (!address) return undefined;
  const value = engine.getCellValue(address);
  return value instanceof DetailedCellError
    ? new SheetError(value.value, value.message)
    : toRawArgument(value);
}

function argumentOf(engine: HyperFormula, text: string, sheetId: number): RawArgument {
  const t = text.trim();
  if (t === "") return undefined;
  if (isPureReference(t)) {
    const value = referenceValue(engine, t, sheetId);
    if (value !== undefined) return value;
  }
  const value = engine.calculateFormula(toEngineFormula(t), sheetId);
  if (value instanceof DetailedCellError) return new SheetError(value.value, value.message);
  if (Array.isArray(value))
    return value.map((row) =>
      row.map(
        (v) =>
          (v instanceof DetailedCellError
            ? new SheetError(v.value, v.message)
            : toRawArgument(v)) as never
      )
    );
  return toRawArgument(value);
}

/** A spilled result read back as the whole array (from its cells, which is what Excel shows), else the cell's value. */
function cellValueOf(recalculation: Recalculation, formula: FormulaCell): CellValue {
  const { engine } = recalculation;
  const at = recalculation.address(formula);
  const raw = engine.getCellValue(at);
  if (raw instanceof DetailedCellError) return raw.value;
  if (formula.arrayCells?.length || engine.isCellPartOfArray(at)) {
    const whole = engine.calculateFormula(toEngineFormula(formula.stored), at.sheet);
    if (Array.isArray(whole))
      return whole.map((row) =>
        row.map((v) => (v instanceof DetailedCellError ? v.value : (v ?? "")))
      );
  }
  return (raw ?? 0) as CellValue;
}

export function auditCell(
  recalculation: Recalculation,
  loaded: LoadedWorkbook,
  formula: FormulaCell
): AuditCell {
  const { engine } = recalculation;
  const sheetId = recalculation.address(formula).sheet;
  const text = `=${normalizeStoredFormula(formula.stored)}`;
  const inputs = referencesIn(text, formula.sheet).map((ref) => ({
    ref,
    value: referenceValue(engine, ref, sheetId) ?? null,
  }));
  const callArgs = findBtuCalls(text).map((call) =>
    call.args.map((arg) => argumentOf(engine, arg, sheetId))
  );
  return {
    sheet: formula.sheet,
    address: formula.address,
    formula: text,
    value: cellValueOf(recalculation, formula),
    inputs,
    settings: loaded.settings,
    date1904: loaded.date1904,
    callArgs,
  };
}

/** Excel's limit on the text of one cell. */
const CELL_TEXT_LIMIT = 32767;
const CUT_NOTE =
  " … [cut at Excel's limit of 32,767 characters; btu audit --json has the whole text]";

function fitText(text: string): string {
  return text.length <= CELL_TEXT_LIMIT
    ? text
    : text.slice(0, CELL_TEXT_LIMIT - CUT_NOTE.length) + CUT_NOTE;
}

/** The first value kept from Excel among a cell's precedents, followed through formulas; undefined if none. */
function keptPrecedent(
  recalculation: Recalculation,
  loaded: LoadedWorkbook,
  formula: FormulaCell
): string | undefined {
  if (!recalculation.kept.size) return undefined;
  const own = recalculation.kept.get(formula);
  if (own) return `${cellName(formula)} kept Excel's value (${own})`;
  const names = new Map(
    loaded.worksheets.map(({ name }) => [recalculation.engine.getSheetId(name)!, name])
  );
  const keptByName = new Map(
    [...recalculation.kept].map(([cell, reason]) => [cellName(cell), reason])
  );
  const seen = new Set<string>();
  const queue: SimpleCellAddress[] = [recalculation.address(formula)];
  while (queue.length && seen.size < 100000) {
    const at = queue.shift()!;
    for (const precedent of recalculation.engine.getCellPrecedents(at)) {
      const cells: SimpleCellAddress[] = [];
      if ("start" in precedent) {
        for (let r = precedent.start.row; r <= precedent.end.row; r++)
          for (let c = precedent.start.col; c <= precedent.end.col; c++)
            cells.push({ sheet: precedent.start.sheet, row: r, col: c });
      } else cells.push(precedent);
      for (const cell of cells) {
        const name = cellName({
          sheet: names.get(cell.sheet)!,
          address: cellAddress(cell.row, cell.col),
        });
        if (seen.has(name)) continue;
        seen.add(name);
        const reason = keptByName.get(name);
        if (reason) return `its input ${name} kept Excel's value (${reason})`;
        if (recalculation.engine.doesCellHaveFormula(cell)) queue.push(cell);
      }
    }
  }
  return undefined;
}

const FORMATS: Partial<Record<string, string>> = {
  money: "#,##0.00;[Red]-#,##0.00",
  date: "yyyy-mm-dd",
};
const WIDTHS = [16, 8, 40, 36, 18, 16, 16, 8, 80, 40, 50, 40];
const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

interface SheetCellOut {
  content: AuditSheetCell;
  style: number;
  /** A formula's cached result, from the engine without the add-in. */
  result?: PlainValue;
}

function cellXml(row: number, col: number, cell: SheetCellOut): string {
  const { content, style } = cell;
  if (content !== null && typeof content === "object")
    return newFormulaCellXml(
      "",
      row,
      col,
      storedFormula(content.formula.replace(/^=/, "")),
      cell.result ?? null,
      String(style)
    );
  return newCellXml(
    "",
    row,
    col,
    typeof content === "string" ? fitText(content) : content,
    String(style)
  );
}

/**
 * The Audit sheet's part as UTF-8, encoded row by row: a large book's sheet is tens of megabytes of
 * text, and one string of it (two bytes a character, as its dashes are not Latin-1) beside its rows
 * and its encoding was most of the audit's peak memory.
 */
function auditSheetXml(cells: SheetCellOut[][]): Uint8Array {
  const encoder = new TextEncoder();
  const cols = WIDTHS.map(
    (width, i) => `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`
  ).join("");
  const split = AUDIT_FIRST_ROW - 1;
  const chunks = [
    encoder.encode(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}">` +
        `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${split}" topLeftCell="A${AUDIT_FIRST_ROW}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${AUDIT_FIRST_ROW}" sqref="A${AUDIT_FIRST_ROW}"/></sheetView></sheetViews>` +
        `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>`
    ),
  ];
  cells.forEach((row, r) => {
    const body = row
      .map((cell, c) =>
        cell.content === null || cell.content === undefined ? "" : cellXml(r, c, cell)
      )
      .join("");
    if (body) chunks.push(encoder.encode(`<row r="${r + 1}">${body}</row>`));
  });
  chunks.push(encoder.encode("</sheetData></worksheet>"));
  return Buffer.concat(chunks);
}

const NATIVE_COLUMN = AUDIT_HEADERS.indexOf("Native formula");
const CHECK_COLUMN = AUDIT_HEADERS.indexOf("Check");

/**
 * The Audit sheet's layout, where a BTU cell that rests on a value kept from Excel gets no native
 * formula (it would read a value no engine without Excel can compute) and a check that says why.
 */
function auditLayout(
  rows: AuditRow[],
  reasons: (string | undefined)[],
  settings: LoadedWorkbook["settings"],
  made: Provenance,
  kept: CellIssue[]
): AuditSheetLayout {
  const layout = auditSheet(rows, settings, made);
  // Beside the rounding note: every formula whose value was kept as Excel computed it, and why.
  if (kept.length)
    layout.cells[2].push(
      null,
      `Values kept as Excel computed them (${kept.length})`,
      kept.map((k) => `${k.cell}: ${k.message}`).join("\n")
    );
  layout.rows.forEach((entry, i) => {
    const reason = reasons[entry.index];
    if (!reason) return;
    const cells = layout.cells[AUDIT_FIRST_ROW - 1 + i];
    cells[NATIVE_COLUMN] = null;
    cells[CHECK_COLUMN] = entry.part ? null : `not re-performed: ${reason}`;
  });
  return layout;
}

/** The value a formula cell (or a cell of its array) shows in the copy: recomputed, or as Excel had it where kept. */
function shownValue(
  recalculation: Recalculation,
  formula: FormulaCell,
  cell: CellPosition & { cached: PlainValue }
): PlainValue {
  return recalculation.kept.has(formula)
    ? cell.cached
    : plainOf(recalculation.engine.getCellValue(recalculation.address(cell)));
}

/** The workbook's cells as the copy shows them: the layout's values, every formula cell replaced by its value. */
function copyValues(loaded: LoadedWorkbook, recalculation: Recalculation): SheetContents {
  const sheets = loaded.sheets;
  const put = (cell: CellPosition, value: PlainValue) => {
    const rows = sheets[cell.sheet];
    (rows[cell.row] = rows[cell.row]?.length ? rows[cell.row] : [])[cell.col] =
      engineContent(value);
  };
  for (const formula of loaded.formulas) {
    put(formula, shownValue(recalculation, formula, formula));
    for (const other of formula.arrayCells ?? [])
      put(other, shownValue(recalculation, formula, other));
  }
  for (const rows of Object.values(sheets)) for (let r = 0; r < rows.length; r++) rows[r] ??= [];
  return sheets;
}

/** Functions whose value depends on the cell they stand in, or that read cells named by text. */
const POSITIONAL = new Set([
  "ROW",
  "COLUMN",
  "OFFSET",
  "INDIRECT",
  "CELL",
  "INFO",
  "SHEET",
  "SHEETS",
  "FORMULATEXT",
  "ISFORMULA",
]);

/**
 * Whether a formula has one value wherever it stands: it reads single cells of other sheets than
 * `auditSheet` by address, and nothing else that depends on its place or could spill.
 */
export function sameValueAnywhere(formula: string, auditSheet: string): boolean {
  let tokens: Token[];
  try {
    tokens = tokenize(formula);
  } catch {
    return false;
  }
  return tokens.every((token) => {
    if (token.type === "ref") {
      const ref = parseReference(token.text);
      return (
        ref.sheet !== undefined &&
        ref.sheet.toLowerCase() !== auditSheet.toLowerCase() &&
        !ref.area.includes(":")
      );
    }
    if (token.type === "function")
      return !POSITIONAL.has(displayFunctionName(token.text).toUpperCase());
    return !["name", "structured", "arrayOpen"].includes(token.type);
  });
}

/**
 * sameValueAnywhere, answered once for formulas that differ only in their digits (a column's rows:
 * `Model!D7` and `Model!D8`). A digit changes no token's kind but by how many digits there are (a
 * cell reference has at most seven), so each digit is written as 0. Only the Audit sheet's own name
 * is compared with what a formula names, so where that name has a digit every formula is read.
 */
export function sameValueAnywhereOfColumn(auditSheet: string): (formula: string) => boolean {
  const answers = new Map<string, boolean>();
  const digitFree = !/[0-9]/.test(auditSheet);
  return (formula) => {
    if (!digitFree) return sameValueAnywhere(formula, auditSheet);
    const key = formula.replace(/[0-9]/g, "0");
    let answer = answers.get(key);
    if (answer === undefined) answers.set(key, (answer = sameValueAnywhere(formula, auditSheet)));
    return answer;
  };
}

/**
 * Where the checker computes each BTU cell's native formula. HyperFormula parses a formula once
 * per shape, its references taken relative to the cell, and an Audit row is not its BTU cell's
 * row, so on the Audit sheet every native formula of a large book is parsed anew (the dearest
 * part of an audit). One that has the same value anywhere is computed instead at its BTU cell's
 * own address on a sheet of the checker's own, where a column's formulas share one shape, and the
 * Audit cell reads it from there. The copy itself still holds the native formula on the Audit sheet.
 */
function checkerPlacement(
  values: SheetContents,
  auditSheet: string,
  btuFormulas: FormulaCell[]
): (formula: string, index: number) => string {
  const placedOn = new Map<string, string>();
  const sheetFor = (source: string): string => {
    let sheet = placedOn.get(source);
    if (sheet) return sheet;
    sheet = freeSheetName([...Object.keys(values), auditSheet], "BTU checker");
    placedOn.set(source, sheet);
    values[sheet] = [];
    return sheet;
  };
  const anywhere = sameValueAnywhereOfColumn(auditSheet);
  return (formula, index) => {
    if (!anywhere(formula)) return toEngineFormula(formula);
    const cell = btuFormulas[index];
    const sheet = sheetFor(cell.sheet);
    const rows = values[sheet];
    for (let r = rows.length; r <= cell.row; r++) rows[r] = [];
    rows[cell.row][cell.col] = toEngineFormula(formula);
    return `=${sheetPrefix(sheet)}${cell.address}`;
  };
}

export async function auditFile(
  input: string,
  outputOption: string | undefined,
  defaultOutput: string
): Promise<AuditCopyReport> {
  const output = outputOption ?? defaultOutput;
  checkOutput(input, output, false);
  const loaded = await loadWorkbook(input);
  const recalculation = recalculate(loaded);
  const { engine } = recalculation;
  const btuFormulas = loaded.formulas.filter((formula) => formula.btu);
  const rows = buildAuditRows(
    btuFormulas.map((formula) => auditCell(recalculation, loaded, formula)),
    headlessContext(loaded.settings).clauses
  );
  const reasons = btuFormulas.map((formula) => keptPrecedent(recalculation, loaded, formula));

  // The copy's sheets: fresh values everywhere, and every BTU cell (with its array range) a plain value.
  const edits = recalcEdits(loaded, recalculation, (formula) => formula.btu);
  const sheetOf = new Map(loaded.worksheets.map((sheet) => [sheet.name, sheet]));
  for (const formula of btuFormulas) {
    const sheet = sheetOf.get(formula.sheet)!;
    const list: Edit[] = edits.get(sheet.part) ?? edits.set(sheet.part, []).get(sheet.part)!;
    list.push(
      plainValueEdit(sheet.scanned, formula.cell, shownValue(recalculation, formula, formula))
    );
    const added: { row: number; col: number; xml: string }[] = [];
    for (const other of formula.arrayCells ?? []) {
      const value = shownValue(recalculation, formula, other);
      if (other.cell !== undefined) list.push(plainValueEdit(sheet.scanned, other.cell, value));
      else if (value !== null)
        added.push({
          row: other.row,
          col: other.col,
          xml: newCellXml(sheet.scanned.prefix, other.row, other.col, value),
        });
    }
    if (added.length) list.push(...insertCellEdits(sheet.scanned, added));
  }
  applySheetEdits(loaded, edits);
  // The BTU cells are values now: Excel's calculation chain would name cells that hold no formula.
  const calcChain = [...loaded.pkg.relationships(loaded.structure.workbookPart).values()].find(
    (rel) => rel.type.endsWith("/calcChain")
  );
  if (calcChain) removePart(loaded.pkg, calcChain.target, loaded.structure.workbookPart);

  // The Audit sheet's formulas are computed as a spreadsheet without the add-in would: an engine without
  // the BTU functions, over the copy's values (every formula cell as the value it shows) and the Audit sheet.
  const values = copyValues(loaded, recalculation);
  engine.destroy();
  collectGarbage(loaded.formulas.length);
  const made = recalculation.summary.provenance;
  const layout = auditLayout(
    rows,
    reasons,
    loaded.settings,
    made,
    recalculation.summary.notRecomputed
  );
  const sheetCells = layout.cells;
  const styles = addCellFormats(loaded.pkg, loaded.structure, [
    { bold: true },
    { wrap: true },
    { numberFormat: FORMATS.money, wrap: false },
    { numberFormat: FORMATS.date },
    {},
  ]);
  const [bold, wrap, money, date, plain] = styles;
  const name = freeName(loaded.structure, "Audit");
  const leftovers = sheetCells
    .flat()
    .filter(
      (c): c is { formula: string } =>
        c !== null && typeof c === "object" && findBtuCalls(c.formula).length > 0
    );
  if (leftovers.length)
    throw new Error(
      `BTU formulas left in the audit copy: ${leftovers.map((c) => c.formula).join(", ")}`
    );
  // The engine gets what the Audit sheet's formulas read (their own cells and the values they check);
  // the prose columns are for the reader and would only cost parsing.
  const valueColumn = AUDIT_HEADERS.indexOf("Value");
  const placeAtBtuCell = checkerPlacement(values, name, btuFormulas);
  values[name] = sheetCells.map((row, r) =>
    row.map((c, col) => {
      if (c === null || typeof c !== "object")
        return col === valueColumn ? (typeof c === "string" ? `'${c}` : c) : null;
      const entry = r >= AUDIT_FIRST_ROW - 1 ? layout.rows[r - (AUDIT_FIRST_ROW - 1)] : undefined;
      return col === NATIVE_COLUMN && entry && !entry.part
        ? placeAtBtuCell(c.formula, entry.index)
        : toEngineFormula(c.formula);
    })
  );
  const checker = createPlainEngine(values, { names: loaded.names, date1904: loaded.date1904 });
  const auditId = checker.getSheetId(name)!;
  const summary: AuditCopyReport = {
    input,
    output,
    provenance: made,
    settings: loaded.settings,
    keptExcelValues: recalculation.summary.notRecomputed,
    btuCells: rows.length,
    native: rows.filter((row, i) => isReperformed(row) && !reasons[i]).length,
    checks: [],
    notReperformed: [],
    errors: [],
    rows,
  };
  const ownRows = new Set(layout.cellRows.map((r) => r - 1));
  const out: SheetCellOut[][] = sheetCells.map((row, r) =>
    row.map((content, c) => {
      const kind =
        r >= AUDIT_FIRST_ROW - 1 ? layout.rows[r - (AUDIT_FIRST_ROW - 1)]?.kind : undefined;
      let style =
        r === 0 || r === AUDIT_FIRST_ROW - 2
          ? bold
          : typeof content === "string" && content.length > 20
            ? wrap
            : plain;
      if ((c === valueColumn || c === NATIVE_COLUMN) && kind && FORMATS[kind])
        style = kind === "money" ? money : date;
      if (content === null || typeof content !== "object") return { content, style };
      const raw = checker.getCellValue({ sheet: auditId, row: r, col: c });
      const result = plainOf(raw);
      if (raw instanceof DetailedCellError)
        summary.errors.push({
          cell: cellName({ sheet: name, address: cellAddress(r, c) }),
          code: result && typeof result === "object" ? result.error : raw.value,
        });
      // One check per BTU cell: its own, or for a spill the AND of its cells' checks.
      if (c === CHECK_COLUMN && ownRows.has(r))
        summary.checks.push({
          cell: cellName({ sheet: name, address: cellAddress(r, c) }),
          ok: result === true,
          value: result,
        });
      return { content, style, result };
    })
  );
  reasons.forEach(
    (reason, i) => reason && summary.notReperformed.push({ cell: cellName(btuFormulas[i]), reason })
  );
  // The summary shows each native formula as written on the sheet, its parts' cells in place.
  summary.rows = rows.map((row, i) => {
    const native = sheetCells[layout.cellRows[i] - 1][NATIVE_COLUMN];
    return {
      ...row,
      native: native !== null && typeof native === "object" ? native.formula : undefined,
    };
  });
  addWorksheet(loaded.pkg, loaded.structure, name, auditSheetXml(out));
  await writeAtomically(output, loaded.pkg.write());
  return summary;
}
