/**
 * Workbook settings that change results. The taskpane stores them in the workbook's document
 * settings under these keys; the functions, the CLI and the Audit sheet all read the same values.
 */
export interface WorkbookSettings {
  /** Used by the functions whose definition lists this setting when they are given no method: "simple" or "pv". */
  discountMethod?: string;
  /** Closures (Excel serials) added to the business-day calendar of every deadline function. */
  extraHolidays?: number[];
  /** BTU.COMPLIANCE's headroom share below which a passing test shows WATCH (0..1). */
  watchShare?: number;
}

export const SETTING_KEYS = {
  discountMethod: "btu.discountMethod",
  extraHolidays: "btu.extraHolidays",
  watchShare: "btu.watchShare",
} as const;

/** Reads settings from a key/value store (Office document settings, or those saved in an .xlsx). */
export function readSettings(get: (key: string) => unknown): WorkbookSettings {
  const settings: WorkbookSettings = {};
  const method = get(SETTING_KEYS.discountMethod);
  if (typeof method === "string" && method.trim()) settings.discountMethod = method;
  const holidays = get(SETTING_KEYS.extraHolidays);
  if (Array.isArray(holidays))
    settings.extraHolidays = holidays.filter(
      (day): day is number => typeof day === "number" && Number.isFinite(day)
    );
  const watch = get(SETTING_KEYS.watchShare);
  if (typeof watch === "number" && watch >= 0 && watch <= 1) settings.watchShare = watch;
  return settings;
}

/** A cell's own holidays together with the workbook's: closures apply to every deadline. */
export function withWorkbookHolidays(
  cellHolidays: readonly number[] | undefined,
  settings: WorkbookSettings | undefined
): readonly number[] | undefined {
  const workbook = settings?.extraHolidays ?? [];
  if (!workbook.length) return cellHolidays;
  return [...(cellHolidays ?? []), ...workbook];
}
