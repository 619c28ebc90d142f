/**
 * An .xlsx/.xlsm package as its parts: read whole from the zip, changed part by part, written back
 * with every part the caller did not change byte for byte as it was, in the same order.
 * fflate: maintained, dependency-free, synchronous inflate/deflate with no streams to juggle.
 */
import { strFromU8, strToU8, unzipSync, zipSync, Zippable } from "fflate";
import { XmlElement, child, children, parseXml } from "./xml";

/** A package that cannot be read as a workbook: the message says what is wrong. */
export class PackageProblem extends Error {}

/** Zip entry times are written as this fixed moment, so the same input gives the same bytes. */
const FIXED_TIME = new Date(1980, 0, 1);

export class XlsxPackage {
  private readonly parts: Map<string, Uint8Array>;
  private readonly changed = new Set<string>();

  constructor(parts: Map<string, Uint8Array>) {
    this.parts = parts;
  }

  static read(bytes: Uint8Array): XlsxPackage {
    let files: Record<string, Uint8Array>;
    try {
      files = unzipSync(bytes);
    } catch (error) {
      throw new PackageProblem(`is corrupt or not an .xlsx workbook (${error instanceof Error ? error.message : String(error)})`);
    }
    return new XlsxPackage(new Map(Object.entries(files).filter(([name]) => !name.endsWith("/"))));
  }

  names(): string[] {
    return [...this.parts.keys()];
  }

  has(name: string): boolean {
    return this.parts.has(name);
  }

  bytes(name: string): Uint8Array | undefined {
    return this.parts.get(name);
  }

  text(name: string): string | undefined {
    const data = this.parts.get(name);
    if (!data) return undefined;
    // A UTF-8 byte-order mark is not part of the XML text.
    const start = data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? 3 : 0;
    return strFromU8(start ? data.subarray(start) : data);
  }

  xml(name: string): XmlElement | undefined {
    const text = this.text(name);
    if (text === undefined) return undefined;
    try {
      return parseXml(text);
    } catch (error) {
      throw new PackageProblem(`its part ${name} is not well-formed XML (${error instanceof Error ? error.message : String(error)})`);
    }
  }

  set(name: string, data: string | Uint8Array): void {
    this.parts.set(name, typeof data === "string" ? strToU8(data) : data);
    this.changed.add(name);
  }

  remove(name: string): void {
    this.parts.delete(name);
    this.changed.add(name);
  }

  /** Names of the parts changed, added or removed since the package was read. */
  changedParts(): string[] {
    return [...this.changed];
  }

  write(): Uint8Array {
    const files: Zippable = {};
    for (const [name, data] of this.parts) files[name] = [data, { level: 6, mtime: FIXED_TIME }];
    return zipSync(files);
  }

  /** A part's relationships: id → { type, target resolved to a part name (or external URL) }. */
  relationships(source: string): Map<string, { type: string; target: string; external: boolean }> {
    const slash = source.lastIndexOf("/");
    const dir = source.slice(0, slash + 1);
    const relsName = `${dir}_rels/${source.slice(slash + 1)}.rels`;
    const out = new Map<string, { type: string; target: string; external: boolean }>();
    for (const rel of children(this.xml(relsName), "Relationship")) {
      const external = rel.attributes.TargetMode === "External";
      out.set(rel.attributes.Id, { type: rel.attributes.Type ?? "", target: external ? rel.attributes.Target : resolvePart(dir, rel.attributes.Target ?? ""), external });
    }
    return out;
  }
}

/** A relationship target as a part name: relative to the source's folder, or from the root when it starts with "/". */
export function resolvePart(dir: string, target: string): string {
  const segments = (target.startsWith("/") ? target.slice(1) : dir + target).split("/");
  const out: string[] = [];
  for (const segment of segments) {
    if (segment === "..") out.pop();
    else if (segment !== ".") out.push(segment);
  }
  return out.join("/");
}

export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

export { child, children };
