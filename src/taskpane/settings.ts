/**
 * Workbook settings in the document's own settings, so everyone who opens the workbook gets the
 * same numbers; the functions read them back through the catalogue's `readSettings`.
 */
import { SETTING_KEYS, WorkbookSettings, readSettings } from "../catalogue";

export type SettingsStore = Pick<Office.Settings, "get" | "set" | "remove" | "saveAsync">;

export function loadSettings(store: SettingsStore): WorkbookSettings {
  return readSettings((key) => store.get(key));
}

export function saveSettings(store: SettingsStore, settings: WorkbookSettings): Promise<void> {
  if (settings.discountMethod) store.set(SETTING_KEYS.discountMethod, settings.discountMethod);
  else store.remove(SETTING_KEYS.discountMethod);
  if (settings.extraHolidays?.length)
    store.set(
      SETTING_KEYS.extraHolidays,
      [...settings.extraHolidays].sort((a, b) => a - b)
    );
  else store.remove(SETTING_KEYS.extraHolidays);
  if (settings.watchShare !== undefined) store.set(SETTING_KEYS.watchShare, settings.watchShare);
  else store.remove(SETTING_KEYS.watchShare);
  return new Promise((resolve, reject) =>
    store.saveAsync((result) => {
      // Compared as text: the status enum is a string at run time ("failed") but numeric in the typings.
      if (String(result.status) === "failed")
        reject(new Error(result.error?.message ?? "the settings could not be saved"));
      else resolve();
    })
  );
}

/** Recalculates every formula, so BTU cells pick up settings just saved. */
export async function recalculate(context: Excel.RequestContext): Promise<void> {
  context.workbook.application.calculate("Full");
  await context.sync();
}
