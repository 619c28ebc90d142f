/** How `btu recalc` and `btu audit` report what they did, for people and (with --json) for scripts. */
import { describeSettings } from "../audit";
import type { AuditSummary } from "../headless/audit";
import type { RecalcSummary } from "../headless/recalc";
import type { PlainValue } from "../headless/workbook";

function show(value: PlainValue): string {
  if (value === null) return "(none)";
  if (typeof value === "object") return value.error;
  if (typeof value === "string") return `"${value}"`;
  return String(value);
}

const LIST_LIMIT = 50;

function list<T>(items: T[], line: (item: T) => string): string[] {
  const shown = items.slice(0, LIST_LIMIT).map((item) => `  ${line(item)}`);
  if (items.length > LIST_LIMIT) shown.push(`  … and ${items.length - LIST_LIMIT} more (--json lists them all)`);
  return shown;
}

export function recalcReport(summary: RecalcSummary): string {
  const lines = [
    `Recalculated ${summary.input} → ${summary.output}`,
    `Workbook settings: ${describeSettings(summary.settings)}`,
    `Cells recomputed: ${summary.formulas} formula cells on ${summary.sheets} sheet(s), ${summary.btuCells} of them BTU cells.`,
  ];
  lines.push(summary.errors.length ? `Errors: ${summary.errors.length}` : "Errors: none");
  lines.push(...list(summary.errors, (e) => `${e.cell}  ${e.code}${e.message ? `  ${e.message}` : ""}`));
  if (summary.differences.length) {
    lines.push(`Differences from the values cached in the input: ${summary.differences.length} (the output holds the new values; exit code 0)`);
    lines.push(...list(summary.differences, (d) => `${d.cell}  cached ${show(d.cached)}  now ${show(d.value)}`));
  } else {
    lines.push("Differences from the values cached in the input: none");
  }
  if (summary.notRecomputed.length) {
    lines.push(`Not recomputed (cached values kept): ${summary.notRecomputed.length}`);
    lines.push(...list(summary.notRecomputed, (n) => `${n.cell}  ${n.message}`));
  }
  return lines.join("\n");
}

export function recalcJson(summary: RecalcSummary): string {
  return JSON.stringify(summary, null, 2);
}

export function auditReport(summary: AuditSummary): string {
  const failed = summary.checks.filter((check) => !check.ok);
  const lines = [
    `Audit copy of ${summary.input} → ${summary.output}`,
    `Workbook settings: ${describeSettings(summary.settings)}`,
    `${summary.btuCells} BTU cells replaced by their values and listed on the Audit sheet; ${summary.native} re-performed by a native Excel formula.`,
    failed.length
      ? `Checks: ${failed.length} of ${summary.checks.length} FALSE: ${failed.map((c) => c.cell).join(", ")}`
      : `Checks: all ${summary.checks.length} TRUE when the copy is recomputed without the add-in.`,
  ];
  if (summary.errors.length) lines.push(`Cells showing an error in the copy: ${summary.errors.map((e) => `${e.cell} ${e.code}`).join(", ")}`);
  return lines.join("\n");
}

export function auditJson(summary: AuditSummary): string {
  const { rows, ...rest } = summary;
  return JSON.stringify({ ...rest, rows: rows.map(({ sheet, address, formula, value, clauses, native, nativeNote }) => ({ sheet, address, formula, value, clauses, native, nativeNote })) }, null, 2);
}
