/**
 * An .xlsx/.xlsm package as its parts: read from the zip (each part inflated when first read),
 * changed part by part, written back with every part the caller did not change byte for byte as it
 * came, compressed bytes included, in the same order.
 */
import { XmlElement, children, parseXml } from "./xml";
import { ZipEntry, ZipProblem, inflateEntry, newEntry, readZip, writeZip } from "./zip";

/** A package that cannot be read as a workbook: the message says what is wrong. */
export class PackageProblem extends Error {}

interface Part {
  /** The entry as read from the zip; absent for a part added here. */
  entry?: ZipEntry;
  /** The content, once read or set. */
  data?: Uint8Array;
  changed: boolean;
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

function inflated(part: Part): Uint8Array {
  try {
    return inflateEntry(part.entry!);
  } catch (error) {
    if (error instanceof ZipProblem) throw new PackageProblem(`is corrupt (${error.message})`);
    throw error;
  }
}

export class XlsxPackage {
  private constructor(private readonly parts: Map<string, Part>) {}

  static read(bytes: Uint8Array): XlsxPackage {
    try {
      return new XlsxPackage(
        new Map(readZip(bytes).map((entry) => [entry.name, { entry, changed: false }]))
      );
    } catch (error) {
      if (error instanceof ZipProblem)
        throw new PackageProblem(`is corrupt or not an .xlsx workbook (${error.message})`);
      throw error;
    }
  }

  names(): string[] {
    return [...this.parts.keys()];
  }

  has(name: string): boolean {
    return this.parts.has(name);
  }

  bytes(name: string): Uint8Array | undefined {
    const part = this.parts.get(name);
    if (!part) return undefined;
    return (part.data ??= inflated(part));
  }

  /** A part's text. Its inflated bytes are not kept: a reader keeps the text (a worksheet's scan does). */
  text(name: string): string | undefined {
    const part = this.parts.get(name);
    if (!part) return undefined;
    const data = part.data ?? inflated(part);
    // A UTF-8 byte-order mark is not part of the XML text.
    return decoder.decode(
      data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? data.subarray(3) : data
    );
  }

  xml(name: string): XmlElement | undefined {
    const text = this.text(name);
    if (text === undefined) return undefined;
    try {
      return parseXml(text);
    } catch (error) {
      throw new PackageProblem(
        `its part ${name} is not well-formed XML (${error instanceof Error ? error.message : String(error)})`
      );
    }
  }

  set(name: string, data: string | Uint8Array): void {
    this.parts.set(name, {
      data: typeof data === "string" ? encoder.encode(data) : data,
      changed: true,
    });
  }

  remove(name: string): void {
    this.parts.delete(name);
  }

  /** The package's bytes: unchanged parts exactly as they were read, changed ones deflated anew. */
  write(): Uint8Array {
    return writeZip(
      [...this.parts].map(([name, part]) =>
        part.changed || !part.entry ? newEntry(name, part.data!) : part.entry
      )
    );
  }

  /** A part's relationships: id → { type, target resolved to a part name (or external URL) }. */
  relationships(source: string): Map<string, { type: string; target: string; external: boolean }> {
    const slash = source.lastIndexOf("/");
    const dir = source.slice(0, slash + 1);
    const relsName = `${dir}_rels/${source.slice(slash + 1)}.rels`;
    const out = new Map<string, { type: string; target: string; external: boolean }>();
    for (const rel of children(this.xml(relsName), "Relationship")) {
      const external = rel.attributes.TargetMode === "External";
      out.set(rel.attributes.Id, {
        type: rel.attributes.Type ?? "",
        target: external ? rel.attributes.Target : resolvePart(dir, rel.attributes.Target ?? ""),
        external,
      });
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
