/**
 * The workbook part of a package: its sheets in order with their parts, defined names, date system,
 * calculation settings, and the shared strings table.
 */
import { PackageProblem, XlsxPackage } from "./package";
import { child, children } from "./xml";
import { inlineText } from "./sheet";

export interface SheetEntry {
  name: string;
  /** The worksheet part; undefined for a chart sheet or dialog sheet (no cells). */
  part?: string;
  sheetId: string;
  state?: string;
}

export interface DefinedName {
  name: string;
  /** The formula text (a reference, a constant, an expression) as stored. */
  text: string;
  /** Index in the sheet list, for a name scoped to one sheet. */
  localSheetId?: number;
}

export interface WorkbookStructure {
  workbookPart: string;
  sheets: SheetEntry[];
  names: DefinedName[];
  /** The 1904 date system (`workbookPr/@date1904`). */
  date1904: boolean;
  /** Iterative calculation switched on (`calcPr/@iterate`). */
  iterate: boolean;
  sharedStringsPart?: string;
  stylesPart?: string;
}

const truthy = (value: string | undefined) => value === "1" || value === "true";

export function relationType(type: string, name: string): boolean {
  return type.endsWith(`/${name}`);
}

export function readStructure(pkg: XlsxPackage): WorkbookStructure {
  const root = [...pkg.relationships("_rels/.rels").values()].find((rel) =>
    relationType(rel.type, "officeDocument")
  );
  const workbookPart = root?.target ?? "xl/workbook.xml";
  const workbook = pkg.xml(workbookPart);
  if (!workbook || workbook.name !== "workbook")
    throw new PackageProblem("is not an .xlsx workbook (no workbook part)");
  const rels = pkg.relationships(workbookPart);
  const sheets = children(child(workbook, "sheets"), "sheet").map((sheet): SheetEntry => {
    const id = sheet.attributes.id;
    const rel = id ? rels.get(id) : undefined;
    if (!rel)
      throw new PackageProblem(
        `is missing the part of sheet "${sheet.attributes.name}" (relationship ${id ?? "none"})`
      );
    const worksheet = relationType(rel.type, "worksheet");
    if (worksheet && !pkg.has(rel.target))
      throw new PackageProblem(
        `is missing the part ${rel.target} of sheet "${sheet.attributes.name}"`
      );
    return {
      name: sheet.attributes.name,
      part: worksheet ? rel.target : undefined,
      sheetId: sheet.attributes.sheetId,
      state: sheet.attributes.state,
    };
  });
  const names = children(child(workbook, "definedNames"), "definedName").map(
    (name): DefinedName => {
      const out: DefinedName = { name: name.attributes.name, text: name.text };
      if (name.attributes.localSheetId !== undefined)
        out.localSheetId = Number(name.attributes.localSheetId);
      return out;
    }
  );
  const find = (type: string) =>
    [...rels.values()].find((rel) => relationType(rel.type, type))?.target;
  return {
    workbookPart,
    sheets,
    names,
    date1904: truthy(child(workbook, "workbookPr")?.attributes.date1904),
    iterate: truthy(child(workbook, "calcPr")?.attributes.iterate),
    sharedStringsPart: find("sharedStrings"),
    stylesPart: find("styles"),
  };
}

/** The shared strings, in order; a package whose cells refer to a table it lacks is refused by the caller. */
export function readSharedStrings(
  pkg: XlsxPackage,
  part: string | undefined
): string[] | undefined {
  if (!part || !pkg.has(part)) return undefined;
  const xml = pkg.text(part)!;
  const out: string[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g))
    out.push(inlineText(m[1] ?? ""));
  return out;
}
