/**
 * The add-in's document settings inside an .xlsx: Office saves them as properties of the add-in's
 * web extension part (`xl/webextensions/webextension1.xml`), each value a JSON text.
 */
import JSZip from "jszip";
import { SETTING_KEYS, WorkbookSettings, readSettings } from "../catalogue";

const WEB_EXTENSION = /^xl\/webextensions\/webextension[0-9]*\.xml$/;
const OUR_KEYS = new Set<string>(Object.values(SETTING_KEYS));

function decodeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|quot|amp|lt|gt|apos);/gi, (_, entity: string) => {
    const named: Record<string, string> = { quot: '"', amp: "&", lt: "<", gt: ">", apos: "'" };
    if (entity[0] !== "#") return named[entity.toLowerCase()];
    return String.fromCodePoint(entity[1].toLowerCase() === "x" ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10));
  });
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return match ? decodeXml(match[1] ?? match[2]) : undefined;
}

/** Every `btu.*` property of the workbook's web extensions, parsed from its JSON text. */
export async function readWorkbookSettings(zip: JSZip): Promise<WorkbookSettings> {
  const values = new Map<string, unknown>();
  for (const part of Object.keys(zip.files).filter((name) => WEB_EXTENSION.test(name))) {
    const xml = await zip.file(part)!.async("string");
    for (const tag of xml.match(/<(?:\w+:)?property\b[^>]*>/g) ?? []) {
      const name = attribute(tag, "name");
      const value = attribute(tag, "value");
      if (name === undefined || value === undefined || !OUR_KEYS.has(name)) continue;
      try {
        values.set(name, JSON.parse(value));
      } catch {
        values.set(name, value);
      }
    }
  }
  return readSettings((key) => values.get(key));
}

/**
 * ExcelJS does not keep the add-in's parts when it writes a workbook; they are copied from the input
 * (parts, their content types and the package relationship) so the copy still opens with the add-in.
 */
export async function carryOverWebExtensions(source: JSZip, written: Buffer): Promise<Buffer> {
  const parts = Object.keys(source.files).filter((name) => name.startsWith("xl/webextensions/") && !source.files[name].dir);
  if (!parts.length) return written;
  const out = await JSZip.loadAsync(written);
  for (const part of parts) out.file(part, await source.file(part)!.async("nodebuffer"));
  const sourceTypes = (await source.file("[Content_Types].xml")?.async("string")) ?? "";
  const overrides = sourceTypes.match(/<Override\b[^>]*PartName="\/xl\/webextensions\/[^"]*"[^>]*\/>/g) ?? [];
  const types = await out.file("[Content_Types].xml")!.async("string");
  out.file("[Content_Types].xml", types.replace("</Types>", `${overrides.join("")}</Types>`));
  const sourceRels = (await source.file("_rels/.rels")?.async("string")) ?? "";
  const relations = (sourceRels.match(/<Relationship\b[^>]*Target="\/?xl\/webextensions\/[^"]*"[^>]*\/>/g) ?? []).map((rel, i) => rel.replace(/\bId="[^"]*"/, `Id="rIdBtuWebExtension${i + 1}"`));
  const rels = await out.file("_rels/.rels")!.async("string");
  out.file("_rels/.rels", rels.replace("</Relationships>", `${relations.join("")}</Relationships>`));
  return out.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
