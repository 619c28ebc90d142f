/** Temporary copies of the sample model, and small workbooks built for one test. */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";

export const SAMPLE = path.join(__dirname, "..", "..", "examples", "btu-sample.xlsx");

export async function tempDir(): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), "btu-test-"));
}

export async function copySample(dir: string, name = "model.xlsx"): Promise<string> {
  const file = path.join(dir, name);
  await fs.copyFile(SAMPLE, file);
  return file;
}

export async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

/** A one-sheet workbook whose formulas have the given cached results. */
export async function smallWorkbook(file: string, cells: Record<string, ExcelJS.CellValue>): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Model");
  for (const [address, value] of Object.entries(cells)) sheet.getCell(address).value = value;
  await workbook.xlsx.writeFile(file);
}

/** Adds the add-in's document settings the way Office saves them: a web extension part with JSON-text properties. */
export async function withSettings(file: string, properties: Record<string, unknown>): Promise<void> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  const props = Object.entries(properties)
    .map(([name, value]) => `<we:property name="${name}" value="${escape(JSON.stringify(value))}"/>`)
    .join("");
  zip.file(
    "xl/webextensions/webextension1.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{5B1B5E7C-0000-4000-8000-000000000001}"><we:reference id="00000000-0000-4000-8000-000000000000" version="1.0.0.0" store="developer" storeType="Registry"/><we:alternateReferences/><we:properties>${props}</we:properties><we:bindings/><we:snapshot xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></we:webextension>`,
  );
  zip.file(
    "xl/webextensions/taskpanes.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><wetp:taskpanes xmlns:wetp="http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11"><wetp:taskpane dockstate="right" visibility="0" width="350" row="4"><wetp:webextensionref xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></wetp:taskpane></wetp:taskpanes>`,
  );
  zip.file(
    "xl/webextensions/_rels/taskpanes.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.microsoft.com/office/2011/relationships/webextension" Target="webextension1.xml"/></Relationships>`,
  );
  const types = await zip.file("[Content_Types].xml")!.async("string");
  zip.file(
    "[Content_Types].xml",
    types.replace(
      "</Types>",
      '<Override PartName="/xl/webextensions/taskpanes.xml" ContentType="application/vnd.ms-office.webextensiontaskpanes+xml"/><Override PartName="/xl/webextensions/webextension1.xml" ContentType="application/vnd.ms-office.webextension+xml"/></Types>',
    ),
  );
  const rels = await zip.file("_rels/.rels")!.async("string");
  zip.file("_rels/.rels", rels.replace("</Relationships>", '<Relationship Id="rIdWe" Type="http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes" Target="xl/webextensions/taskpanes.xml"/></Relationships>'));
  await fs.writeFile(file, await zip.generateAsync({ type: "nodebuffer" }));
}
