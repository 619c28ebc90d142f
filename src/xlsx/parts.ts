/**
 * Adding to a package without disturbing what is there: a new worksheet (its part, relationship,
 * content type and entry in the workbook), cell formats appended to the styles part, and a part
 * removed together with its relationship and content type (the calculation chain, once formulas
 * became values).
 */
import { freeSheetName } from "./sheetNames";
import { PackageProblem, XlsxPackage, relsPartOf } from "./package";
import { WorkbookStructure } from "./workbook";
import { escapeXml } from "./xml";

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WORKSHEET_TYPE = `${REL_NS}/worksheet`;
const WORKSHEET_CONTENT =
  "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const EMPTY_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';

/** A sheet name not yet taken (case-insensitive, as Excel compares): `Audit`, then `Audit (2)`… */
/** A sheet name the workbook does not have yet. */
export function freeName(structure: WorkbookStructure, wanted: string): string {
  return freeSheetName(
    structure.sheets.map((sheet) => sheet.name),
    wanted
  );
}

function relative(fromDir: string, part: string): string {
  return part.startsWith(fromDir) ? part.slice(fromDir.length) : `/${part}`;
}

function addRelationship(pkg: XlsxPackage, source: string, type: string, target: string): string {
  const relsPart = relsPartOf(source);
  const xml = pkg.text(relsPart) ?? EMPTY_RELS;
  const ids = new Set([...xml.matchAll(/\bId="([^"]*)"/g)].map((m) => m[1]));
  let n = ids.size + 1;
  while (ids.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const close = xml.lastIndexOf("</Relationships>");
  if (close < 0) throw new PackageProblem(`its part ${relsPart} is not a relationships part`);
  pkg.set(
    relsPart,
    `${xml.slice(0, close)}<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/>${xml.slice(close)}`
  );
  return id;
}

function addOverride(pkg: XlsxPackage, part: string, contentType: string): void {
  const xml = pkg.text("[Content_Types].xml");
  if (!xml) throw new PackageProblem("has no [Content_Types].xml");
  const close = xml.lastIndexOf("</Types>");
  pkg.set(
    "[Content_Types].xml",
    `${xml.slice(0, close)}<Override PartName="/${escapeXml(part)}" ContentType="${contentType}"/>${xml.slice(close)}`
  );
}

/** Adds a worksheet at the end of the workbook; returns its part name. */
export function addWorksheet(
  pkg: XlsxPackage,
  structure: WorkbookStructure,
  name: string,
  xml: string | Uint8Array
): string {
  const dir = structure.workbookPart.slice(0, structure.workbookPart.lastIndexOf("/") + 1);
  let n = structure.sheets.length + 1;
  while (pkg.has(`${dir}worksheets/sheet${n}.xml`)) n++;
  const part = `${dir}worksheets/sheet${n}.xml`;
  pkg.set(part, xml);
  addOverride(pkg, part, WORKSHEET_CONTENT);
  const id = addRelationship(pkg, structure.workbookPart, WORKSHEET_TYPE, relative(dir, part));
  const workbook = pkg.text(structure.workbookPart)!;
  // Only a prefix declared on the root is in scope for a new <sheet> (openpyxl declares it on each <sheet>).
  const rootTag = /<(?:\w+:)?workbook\b[^>]*>/.exec(workbook)?.[0] ?? "";
  const prefix = new RegExp(`xmlns:(\\w+)="${REL_NS}"`).exec(rootTag)?.[1];
  const sheetId = Math.max(0, ...structure.sheets.map((s) => Number(s.sheetId) || 0)) + 1;
  const elementPrefix = /<(\w+:)?sheets\b/.exec(workbook)?.[1] ?? "";
  const idAttribute = prefix ? `${prefix}:id="${id}"` : `xmlns:r="${REL_NS}" r:id="${id}"`;
  const entry = `<${elementPrefix}sheet name="${escapeXml(name)}" sheetId="${sheetId}" ${idAttribute}/>`;
  const close = workbook.indexOf(`</${elementPrefix}sheets>`);
  if (close < 0) throw new PackageProblem(`its workbook part has no sheet list`);
  pkg.set(structure.workbookPart, `${workbook.slice(0, close)}${entry}${workbook.slice(close)}`);
  structure.sheets.push({ name, part, sheetId: String(sheetId) });
  return part;
}

/** Removes a part with the relationship that points at it and its content type override. */
export function removePart(pkg: XlsxPackage, part: string, owner: string): void {
  if (!pkg.has(part)) return;
  pkg.remove(part);
  const relsPart = relsPartOf(owner);
  const rels = pkg.text(relsPart);
  const dir = owner.slice(0, owner.lastIndexOf("/") + 1);
  const target = relative(dir, part);
  if (rels)
    pkg.set(
      relsPart,
      rels.replace(
        new RegExp(
          `<Relationship\\b[^>]*Target="/?(?:${escapeRegExp(target)}|${escapeRegExp(part)})"[^>]*/>`
        ),
        ""
      )
    );
  const types = pkg.text("[Content_Types].xml");
  if (types)
    pkg.set(
      "[Content_Types].xml",
      types.replace(new RegExp(`<Override\\b[^>]*PartName="/${escapeRegExp(part)}"[^>]*/>`), "")
    );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export interface CellFormat {
  bold?: boolean;
  wrap?: boolean;
  /** A number format code such as `#,##0.00`. */
  numberFormat?: string;
}

const MINIMAL_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN_NS}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** Appends `items` to the element `name` of a styles part (creating it after `after` if absent); returns the first new index. */
function appendItems(
  xml: string,
  name: string,
  item: string,
  items: string[],
  after: string[]
): { xml: string; first: number } {
  const p = /<(\w+:)?styleSheet\b/.exec(xml)?.[1] ?? "";
  const open = new RegExp(`<${p}${name}\\b([^>]*?)(/?)>`).exec(xml);
  if (!open) {
    let at = -1;
    for (const previous of after) {
      const end = new RegExp(`</${p}${previous}>|<${p}${previous}\\b[^>]*/>`).exec(xml);
      if (end) at = Math.max(at, end.index + end[0].length);
    }
    if (at < 0) at = xml.indexOf(">", xml.indexOf(`<${p}styleSheet`)) + 1;
    const element = `<${p}${name} count="${items.length}">${items.join("")}</${p}${name}>`;
    return { xml: xml.slice(0, at) + element + xml.slice(at), first: 0 };
  }
  const closeTag = `</${p}${name}>`;
  const close = open[2] ? -1 : xml.indexOf(closeTag, open.index);
  const body = close < 0 ? "" : xml.slice(open.index + open[0].length, close);
  const existing = [...body.matchAll(new RegExp(`<${p}${item}\\b`, "g"))].length;
  const attrs = open[1].replace(/\s*count="[^"]*"/, "");
  const rebuilt = `<${p}${name}${attrs} count="${existing + items.length}">${body}${items.join("")}${closeTag}`;
  const end = close < 0 ? open.index + open[0].length : close + closeTag.length;
  return { xml: xml.slice(0, open.index) + rebuilt + xml.slice(end), first: existing };
}

/** Adds cell formats to the styles part; returns each one's `s` index, in order. */
export function addCellFormats(
  pkg: XlsxPackage,
  structure: WorkbookStructure,
  formats: CellFormat[]
): number[] {
  const part =
    structure.stylesPart ??
    `${structure.workbookPart.slice(0, structure.workbookPart.lastIndexOf("/") + 1)}styles.xml`;
  let xml = pkg.text(part);
  if (xml === undefined) {
    xml = MINIMAL_STYLES;
    addOverride(
      pkg,
      part,
      "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"
    );
    addRelationship(
      pkg,
      structure.workbookPart,
      `${REL_NS}/styles`,
      relative(structure.workbookPart.slice(0, structure.workbookPart.lastIndexOf("/") + 1), part)
    );
    structure.stylesPart = part;
  }
  const p = /<(\w+:)?styleSheet\b/.exec(xml)?.[1] ?? "";
  const usedIds = [...xml.matchAll(/numFmtId="([0-9]+)"/g)].map((m) => Number(m[1]));
  let nextId = Math.max(163, ...usedIds) + 1;
  const codes = [...new Set(formats.map((f) => f.numberFormat).filter((c): c is string => !!c))];
  const ids = new Map(codes.map((code) => [code, nextId++]));
  if (codes.length)
    xml = appendItems(
      xml,
      "numFmts",
      "numFmt",
      codes.map(
        (code) => `<${p}numFmt numFmtId="${ids.get(code)}" formatCode="${escapeXml(code)}"/>`
      ),
      []
    ).xml;
  const firstFont =
    new RegExp(`<${p}fonts\\b[^>]*>\\s*(<${p}font\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}font>))`).exec(
      xml
    )?.[1] ?? `<${p}font/>`;
  const boldFont = firstFont.endsWith("/>")
    ? firstFont.replace(/\/>$/, `><${p}b/></${p}font>`)
    : firstFont.replace(/^(<[^>]*>)/, `$1<${p}b/>`);
  const fonts = appendItems(xml, "fonts", "font", [boldFont], ["numFmts"]);
  xml = fonts.xml;
  const xfs = formats.map((format) => {
    const numFmtId = format.numberFormat ? ids.get(format.numberFormat)! : 0;
    const fontId = format.bold ? fonts.first : 0;
    const applied = `${format.numberFormat ? ' applyNumberFormat="1"' : ""}${format.bold ? ' applyFont="1"' : ""} applyAlignment="1"`;
    return `<${p}xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="0" borderId="0" xfId="0"${applied}><${p}alignment vertical="top"${format.wrap ? ' wrapText="1"' : ""}/></${p}xf>`;
  });
  const cellXfs = appendItems(xml, "cellXfs", "xf", xfs, [
    "cellStyleXfs",
    "borders",
    "fills",
    "fonts",
  ]);
  pkg.set(part, cellXfs.xml);
  return formats.map((_, i) => cellXfs.first + i);
}
