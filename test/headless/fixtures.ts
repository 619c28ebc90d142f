/**
 * Test workbooks and how tests read them. Workbooks are made by tools the project did not write:
 * Debian's openpyxl (test/corpus/make_book.py, from a JSON spec) and LibreOffice headless (from flat
 * ODF text). Outputs are read part by part from the zip, so a test sees the bytes a user gets.
 */
import { execFileSync, spawnSync } from "child_process";
import { promises as fs, mkdirSync, existsSync } from "fs";
import * as os from "os";
import * as path from "path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { libreOfficeProfile } from "../../scripts/libreoffice";

export const SAMPLE = path.join(__dirname, "..", "..", "examples", "btu-sample.xlsx");
const MAKE_BOOK = path.join(__dirname, "..", "corpus", "make_book.py");
/** Debian's interpreter, which python3-openpyxl installs for (not a pyenv shim that lacks it). */
const PYTHON = existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

export async function tempDir(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), "btu-test-"));
}

export async function copySample(dir: string, name = "model.xlsx"): Promise<string> {
  const file = path.join(dir, name);
  await fs.copyFile(SAMPLE, file);
  return file;
}

/** A cell of a spec: a value, or a formula with the value Excel would have cached. */
export type SpecCell =
  | number
  | string
  | boolean
  | { f: string; v?: number | string | boolean | { error: string }; array?: string };

export interface SheetSpec {
  name: string;
  cells?: Record<string, SpecCell>;
  formats?: Record<string, string>;
  links?: Record<string, string>;
  password?: string;
  table?: { name: string; ref: string; calculated?: Record<string, string>; style?: boolean };
  chart?: { data: string; anchor?: string; title?: string };
  styled?: string[];
}

export interface BookSpec {
  sheets: SheetSpec[];
  names?: { name: string; text: string; sheet?: number }[];
  date1904?: boolean;
  iterate?: boolean;
  protect_workbook?: boolean;
  vba?: boolean;
  custom_props?: Record<string, string>;
  named_style?: boolean;
  /** A chart sheet (a sheet with no cells) after the worksheets. */
  chartsheet?: { name: string; sheet: string; data: string };
}

/** Builds a workbook with openpyxl, carrying the cached values the spec gives, as Excel saves them. */
export async function makeBook(file: string, spec: BookSpec): Promise<string> {
  const specFile = `${file}.json`;
  await fs.writeFile(specFile, JSON.stringify(spec));
  execFileSync(PYTHON, [MAKE_BOOK, specFile, file], { stdio: "pipe" });
  await fs.rm(specFile);
  return file;
}

/**
 * LibreOffice headless converts each file to xlsx in `outDir`, recalculating every formula on load
 * (it has no BTU functions: it is the spreadsheet an auditor without the add-in would use).
 */
export function libreOfficeConvert(files: string[], outDir: string): string[] {
  mkdirSync(outDir, { recursive: true });
  const run = spawnSync(
    "soffice",
    [
      libreOfficeProfile(path.join(os.tmpdir(), `btu-lo-profile-${process.pid}`)),
      "--headless",
      "--norestore",
      "--convert-to",
      "xlsx",
      "--outdir",
      outDir,
      ...files,
    ],
    { encoding: "utf8", timeout: 240000 }
  );
  const log = `exit ${run.status} ${run.signal ?? ""} ${run.error?.message ?? ""} ${run.stdout} ${run.stderr}`;
  const outputs = files.map((file) =>
    path.join(outDir, `${path.basename(file, path.extname(file))}.xlsx`)
  );
  const missing = outputs.filter((file) => !existsSync(file));
  if (missing.length)
    throw new Error(`LibreOffice did not write ${missing.join(", ")}: ${String(log)}`);
  return outputs;
}

/** The parts of a package, by name, as bytes. */
export async function readParts(file: string): Promise<Map<string, Uint8Array>> {
  return new Map(Object.entries(unzipSync(await fs.readFile(file))));
}

export function partText(parts: Map<string, Uint8Array>, name: string): string {
  const data = parts.get(name);
  if (!data) throw new Error(`no part ${name}`);
  return strFromU8(data);
}

/** Rewrites parts of a package (to make a broken or unusual file from a well-made one). */
export async function editParts(
  file: string,
  edit: (parts: Map<string, Uint8Array>) => void
): Promise<void> {
  const parts = await readParts(file);
  edit(parts);
  await fs.writeFile(file, zipSync(Object.fromEntries(parts)));
}

export function setPart(parts: Map<string, Uint8Array>, name: string, text: string): void {
  parts.set(name, strToU8(text));
}

/** Adds the add-in's document settings the way Office saves them: a web extension part with JSON-text properties. */
export async function withSettings(
  file: string,
  properties: Record<string, unknown>
): Promise<void> {
  const escape = (text: string) =>
    text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  const props = Object.entries(properties)
    .map(
      ([name, value]) => `<we:property name="${name}" value="${escape(JSON.stringify(value))}"/>`
    )
    .join("");
  await editParts(file, (parts) => {
    setPart(
      parts,
      "xl/webextensions/webextension1.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{5B1B5E7C-0000-4000-8000-000000000001}"><we:reference id="00000000-0000-4000-8000-000000000000" version="1.0.0.0" store="developer" storeType="Registry"/><we:alternateReferences/><we:properties>${props}</we:properties><we:bindings/><we:snapshot xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></we:webextension>`
    );
    setPart(
      parts,
      "xl/webextensions/taskpanes.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><wetp:taskpanes xmlns:wetp="http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11"><wetp:taskpane dockstate="right" visibility="0" width="350" row="4"><wetp:webextensionref xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></wetp:taskpane></wetp:taskpanes>`
    );
    setPart(
      parts,
      "xl/webextensions/_rels/taskpanes.xml.rels",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.microsoft.com/office/2011/relationships/webextension" Target="webextension1.xml"/></Relationships>`
    );
    setPart(
      parts,
      "[Content_Types].xml",
      partText(parts, "[Content_Types].xml").replace(
        "</Types>",
        '<Override PartName="/xl/webextensions/taskpanes.xml" ContentType="application/vnd.ms-office.webextensiontaskpanes+xml"/><Override PartName="/xl/webextensions/webextension1.xml" ContentType="application/vnd.ms-office.webextension+xml"/></Types>'
      )
    );
    setPart(
      parts,
      "_rels/.rels",
      partText(parts, "_rels/.rels").replace(
        "</Relationships>",
        '<Relationship Id="rIdWe" Type="http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes" Target="xl/webextensions/taskpanes.xml"/></Relationships>'
      )
    );
  });
}
