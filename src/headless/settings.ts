/**
 * The add-in's document settings inside an .xlsx: Office saves them as properties of the add-in's
 * web extension part (`xl/webextensions/webextension1.xml`), each value a JSON text.
 */
import { SETTING_KEYS, WorkbookSettings, readSettings } from "../catalogue";
import { XlsxPackage, attributesOf } from "../xlsx";

const WEB_EXTENSION = /^xl\/webextensions\/webextension[0-9]*\.xml$/;
const OUR_KEYS = new Set<string>(Object.values(SETTING_KEYS));

/** Every `btu.*` property of the workbook's web extensions, parsed from its JSON text. */
export function readWorkbookSettings(pkg: XlsxPackage): WorkbookSettings {
  const values = new Map<string, unknown>();
  for (const part of pkg.names().filter((name) => WEB_EXTENSION.test(name))) {
    for (const tag of pkg.text(part)!.match(/<(?:\w+:)?property\b[^>]*>/g) ?? []) {
      const { name, value } = attributesOf(tag);
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
