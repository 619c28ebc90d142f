/**
 * A name for a sheet the project adds, never one the workbook has: the wanted name, else "Name (2)",
 * "Name (3)"…, cut to Excel's 31 characters with the suffix kept. Excel compares sheet names without
 * case. Used by the CLI's audit copy and by the taskpane alike.
 */
export const SHEET_NAME_LIMIT = 31;

export function freeSheetName(taken: Iterable<string>, wanted: string): string {
  const used = new Set([...taken].map((name) => name.toLowerCase()));
  const fit = (suffix: string) => wanted.slice(0, SHEET_NAME_LIMIT - suffix.length) + suffix;
  let name = fit("");
  for (let i = 2; used.has(name.toLowerCase()); i++) name = fit(` (${i})`);
  return name;
}
