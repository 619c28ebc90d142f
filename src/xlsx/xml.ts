/**
 * The few XML pieces the package layer needs on top of saxes: escaping, decoding, reading the
 * attributes of one start tag, and a whole small part parsed into a light element tree. Worksheets
 * are not read this way (see sheet.ts): only the small parts (workbook, relationships, shared
 * strings, styles) are.
 */
import { SaxesParser } from "saxes";

const NAMED: Record<string, string> = { quot: '"', amp: "&", lt: "<", gt: ">", apos: "'" };

export function decodeXml(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|quot|amp|lt|gt|apos);/gi, (_, entity: string) => {
    if (entity[0] !== "#") return NAMED[entity.toLowerCase()];
    return String.fromCodePoint(
      entity[1].toLowerCase() === "x"
        ? parseInt(entity.slice(2), 16)
        : parseInt(entity.slice(1), 10)
    );
  });
}

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/** Text for element content or an attribute value. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (ch) => ENTITIES[ch]);
}

/** The characters XML 1.0 forbids in text, which cell text writes as `_xHHHH_`. */
const FORBIDDEN_CHARACTERS = "\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF";
const FORBIDDEN = new RegExp(`[${FORBIDDEN_CHARACTERS}]`, "g");
/** What escapeXstring changes: most of an Audit sheet's text has none of it and is returned as it is. */
const XSTRING_SPECIAL = new RegExp(`[&<>"${FORBIDDEN_CHARACTERS}]|_x[0-9A-Fa-f]{4}_`);

/** Cell text (ST_Xstring): escaped, and characters XML 1.0 forbids written as OOXML's `_xHHHH_`. */
export function escapeXstring(text: string): string {
  if (!XSTRING_SPECIAL.test(text)) return text;
  return escapeXml(text.replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1")).replace(
    FORBIDDEN,
    (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`
  );
}

/** OOXML's escape of characters XML cannot hold (`_x000D_`), undone; `_x005F_` is a literal underscore. */
export function decodeXstring(text: string): string {
  if (!text.includes("_x")) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16))
  );
}

/** One attribute of a start tag's text, as `attributesOf` reads it, without building the others. */
export function attributeOf(tag: string, name: string): string | undefined {
  if (/['\t\n\r:]/.test(tag)) return attributesOf(tag)[name];
  let at = tag.indexOf('="');
  while (at > 0) {
    const close = tag.indexOf('"', at + 2);
    if (close < 0) return undefined;
    const from = at - name.length;
    if (tag.startsWith(name, from) && tag.charCodeAt(from - 1) === 32)
      return decodeXml(tag.slice(at + 2, close));
    at = tag.indexOf('="', close + 1);
  }
  return undefined;
}

/** The attributes of one start tag's text (`<c r="A1" t="s">`), names without namespace prefixes. */
export function attributesOf(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  // The common form, name="value" after a space with no prefix, is read without a regular expression
  // (a worksheet has one such tag per cell).
  if (!/['\t\n\r:]/.test(tag)) {
    let at = tag.indexOf('="');
    while (at > 0) {
      const close = tag.indexOf('"', at + 2);
      if (close < 0) break;
      out[tag.slice(tag.lastIndexOf(" ", at) + 1, at)] = decodeXml(tag.slice(at + 2, close));
      at = tag.indexOf('="', close + 1);
    }
    return out;
  }
  const pattern = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(tag))) {
    const name =
      match[1].includes(":") && !match[1].startsWith("xmlns")
        ? match[1].slice(match[1].indexOf(":") + 1)
        : match[1];
    out[name] = decodeXml(match[2] ?? match[3]);
  }
  return out;
}

export interface XmlElement {
  /** Local name, without a namespace prefix. */
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const localName = (name: string) => name.slice(name.indexOf(":") + 1);

/** A small part as an element tree (throws on malformed XML, which the caller reports). */
export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: false });
  const root: XmlElement = { name: "#document", attributes: {}, children: [], text: "" };
  const stack: XmlElement[] = [root];
  parser.on("opentag", (tag) => {
    const attributes: Record<string, string> = {};
    for (const [name, value] of Object.entries(tag.attributes))
      attributes[name.startsWith("xmlns") ? name : localName(name)] = value as string;
    const element: XmlElement = { name: localName(tag.name), attributes, children: [], text: "" };
    stack[stack.length - 1].children.push(element);
    stack.push(element);
  });
  parser.on("closetag", () => void stack.pop());
  parser.on("text", (text) => (stack[stack.length - 1].text += text));
  parser.on("cdata", (text) => (stack[stack.length - 1].text += text));
  parser.on("error", (error) => {
    throw error;
  });
  parser.write(xml).close();
  return root.children[0] ?? root;
}

export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((c) => c.name === name);
}

export function children(element: XmlElement | undefined, name: string): XmlElement[] {
  return element?.children.filter((c) => c.name === name) ?? [];
}
