/**
 * A small workbook writer for the sample model: sheets of values and formulas (plain, shared and
 * array), fonts, fills, alignment, number formats, column widths and frozen panes, written as the
 * parts Excel itself writes. Formulas go out without cached values; `btu recalc`'s own patching
 * fills them in, so the sample is made by the same path a user's workbook takes.
 */
import { cellAddress, parseCellAddress } from "../src/catalogue";
import { escapeXml, escapeXstring, newEntry, writeZip } from "../src/xlsx";

export interface Font {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: { argb: string };
}

export interface Fill {
  type: "pattern";
  pattern: "solid";
  fgColor: { argb: string };
}

export interface Alignment {
  wrapText?: boolean;
  vertical?: "top" | "middle" | "bottom";
}

/** A formula as the sheet stores it: alone, the first cell of a shared group, a cell of one, or an array. */
export type FormulaValue =
  { formula: string; shareType?: "shared" | "array"; ref?: string } | { sharedFormula: string };
export type CellValue = string | number | boolean | FormulaValue | null;

export class Cell {
  value: CellValue = null;
  font?: Font;
  fill?: Fill;
  alignment?: Alignment;
  numFmt?: string;

  constructor(
    readonly row: number,
    readonly col: number
  ) {}

  get address(): string {
    return cellAddress(this.row - 1, this.col - 1);
  }
}

export class Worksheet {
  columns: { width: number }[] = [];
  private readonly cells = new Map<string, Cell>();

  constructor(
    readonly name: string,
    readonly frozenRows = 0
  ) {}

  /** A cell by A1 address or by 1-based row and column, created on first use. */
  getCell(rowOrAddress: number | string, col?: number): Cell {
    const [row, column] =
      typeof rowOrAddress === "string" ? toRowCol(rowOrAddress) : [rowOrAddress, col!];
    const key = `${row}:${column}`;
    let cell = this.cells.get(key);
    if (!cell) this.cells.set(key, (cell = new Cell(row, column)));
    return cell;
  }

  allCells(): Cell[] {
    return [...this.cells.values()].sort((a, b) => a.row - b.row || a.col - b.col);
  }
}

function toRowCol(address: string): [number, number] {
  const at = parseCellAddress(address);
  if (!at) throw new Error(`not a cell address: ${address}`);
  return [at.row + 1, at.col + 1];
}

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** The style table: each distinct combination of font, fill, alignment and number format is one `xf`. */
class Styles {
  private readonly fonts = ['<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'];
  private readonly fills = [
    '<fill><patternFill patternType="none"/></fill>',
    '<fill><patternFill patternType="gray125"/></fill>',
  ];
  private readonly numFmts: string[] = [];
  private readonly xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];

  private index(list: string[], item: string): number {
    const at = list.indexOf(item);
    return at >= 0 ? at : list.push(item) - 1;
  }

  of(cell: Cell): number {
    if (!cell.font && !cell.fill && !cell.alignment && !cell.numFmt) return 0;
    const f = cell.font;
    const font = f
      ? `<font>${f.bold ? "<b/>" : ""}${f.italic ? "<i/>" : ""}<sz val="${f.size ?? 11}"/>${f.color ? `<color rgb="${f.color.argb}"/>` : ""}<name val="Calibri"/><family val="2"/></font>`
      : this.fonts[0];
    const fontId = this.index(this.fonts, font);
    const fillId = cell.fill
      ? this.index(
          this.fills,
          `<fill><patternFill patternType="solid"><fgColor rgb="${cell.fill.fgColor.argb}"/><bgColor indexed="64"/></patternFill></fill>`
        )
      : 0;
    const numFmtId = cell.numFmt ? 164 + this.index(this.numFmts, cell.numFmt) : 0;
    const a = cell.alignment;
    const alignment = a
      ? `<alignment${a.vertical ? ` vertical="${a.vertical === "middle" ? "center" : a.vertical}"` : ""}${a.wrapText ? ' wrapText="1"' : ""}/>`
      : "";
    const applied = `${numFmtId ? ' applyNumberFormat="1"' : ""}${fontId ? ' applyFont="1"' : ""}${fillId ? ' applyFill="1"' : ""}${a ? ' applyAlignment="1"' : ""}`;
    const xf = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"${applied}${alignment ? `>${alignment}</xf>` : "/>"}`;
    return this.index(this.xfs, xf);
  }

  xml(): string {
    const numFmts = this.numFmts.length
      ? `<numFmts count="${this.numFmts.length}">${this.numFmts.map((code, i) => `<numFmt numFmtId="${164 + i}" formatCode="${escapeXml(code)}"/>`).join("")}</numFmts>`
      : "";
    return (
      `${XML_HEAD}<styleSheet xmlns="${MAIN_NS}">${numFmts}<fonts count="${this.fonts.length}">${this.fonts.join("")}</fonts><fills count="${this.fills.length}">${this.fills.join("")}</fills>` +
      `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
      `<cellXfs count="${this.xfs.length}">${this.xfs.join("")}</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`
    );
  }
}

/** Shared strings, in first-use order, as Excel stores text cells. */
class SharedStrings {
  private readonly list: string[] = [];
  private readonly ids = new Map<string, number>();

  id(text: string): number {
    let id = this.ids.get(text);
    if (id === undefined) this.ids.set(text, (id = this.list.push(text) - 1));
    return id;
  }

  xml(): string {
    const items = this.list
      .map(
        (text) =>
          `<si><t${/^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : ""}>${escapeXstring(text)}</t></si>`
      )
      .join("");
    return `${XML_HEAD}<sst xmlns="${MAIN_NS}" count="${this.list.length}" uniqueCount="${this.list.length}">${items}</sst>`;
  }
}

function formulaXml(value: FormulaValue, shared: Map<string, number>): string {
  if ("sharedFormula" in value) return `<f t="shared" si="${shared.get(value.sharedFormula)}"/>`;
  if (value.shareType === "array")
    return `<f t="array" ref="${value.ref}">${escapeXml(value.formula)}</f>`;
  if (value.shareType === "shared")
    return `<f t="shared" ref="${value.ref}" si="${shared.get(value.ref!.split(":")[0])}">${escapeXml(value.formula)}</f>`;
  return `<f>${escapeXml(value.formula)}</f>`;
}

function sheetXml(sheet: Worksheet, styles: Styles, strings: SharedStrings): string {
  const shared = new Map<string, number>();
  const rows = new Map<number, string[]>();
  for (const cell of sheet.allCells()) {
    const v = cell.value;
    if (v && typeof v === "object" && "formula" in v && v.shareType === "shared")
      shared.set(cell.address, shared.size);
    const s = styles.of(cell);
    const attrs = `r="${cell.address}"${s ? ` s="${s}"` : ""}`;
    let xml: string;
    if (v === null || v === undefined) xml = `<c ${attrs}/>`;
    else if (typeof v === "object") xml = `<c ${attrs}>${formulaXml(v, shared)}</c>`;
    else if (typeof v === "string") xml = `<c ${attrs} t="s"><v>${strings.id(v)}</v></c>`;
    else if (typeof v === "boolean") xml = `<c ${attrs} t="b"><v>${v ? 1 : 0}</v></c>`;
    else xml = `<c ${attrs}><v>${v}</v></c>`;
    (rows.get(cell.row) ?? rows.set(cell.row, []).get(cell.row)!).push(xml);
  }
  const pane = sheet.frozenRows
    ? `<pane ySplit="${sheet.frozenRows}" topLeftCell="A${sheet.frozenRows + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${sheet.frozenRows + 1}" sqref="A${sheet.frozenRows + 1}"/>`
    : "";
  const cols = sheet.columns.length
    ? `<cols>${sheet.columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`).join("")}</cols>`
    : "";
  const data = [...rows].map(([r, cells]) => `<row r="${r}">${cells.join("")}</row>`).join("");
  return `${XML_HEAD}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>${data}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
}

export class Workbook {
  creator = "";
  /** ISO time written as the document's creation and modification time. */
  created = "2004-01-28T12:00:00Z";
  private readonly sheets: Worksheet[] = [];

  addWorksheet(name: string, options: { frozenRows?: number } = {}): Worksheet {
    const sheet = new Worksheet(name, options.frozenRows);
    this.sheets.push(sheet);
    return sheet;
  }

  /** The package's bytes. */
  write(): Uint8Array {
    const styles = new Styles();
    const strings = new SharedStrings();
    const sheetParts = this.sheets.map((sheet) => sheetXml(sheet, styles, strings));
    const parts: [string, string][] = [
      [
        "[Content_Types].xml",
        `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${this.sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("")}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`,
      ],
      [
        "_rels/.rels",
        `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="${REL_NS}/extended-properties" Target="docProps/app.xml"/></Relationships>`,
      ],
      [
        "docProps/core.xml",
        `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>${escapeXml(this.creator)}</dc:creator><cp:lastModifiedBy>${escapeXml(this.creator)}</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">${this.created}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${this.created}</dcterms:modified></cp:coreProperties>`,
      ],
      [
        "docProps/app.xml",
        `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>btu-contract-functions</Application></Properties>`,
      ],
      [
        "xl/workbook.xml",
        `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><workbookPr/><bookViews><workbookView activeTab="0"/></bookViews><sheets>${this.sheets.map((sheet, i) => `<sheet name="${escapeXml(sheet.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets><calcPr calcId="191029"/></workbook>`,
      ],
      [
        "xl/_rels/workbook.xml.rels",
        `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">${this.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("")}<Relationship Id="rId${this.sheets.length + 1}" Type="${REL_NS}/styles" Target="styles.xml"/><Relationship Id="rId${this.sheets.length + 2}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
      ],
      ...sheetParts.map((xml, i): [string, string] => [`xl/worksheets/sheet${i + 1}.xml`, xml]),
      ["xl/styles.xml", styles.xml()],
      ["xl/sharedStrings.xml", strings.xml()],
    ];
    const encoder = new TextEncoder();
    return writeZip(parts.map(([name, text]) => newEntry(name, encoder.encode(text))));
  }
}
