/** How `btu recalc` and `btu audit` report what they did, for people and (with --json) for scripts. */
import { describeProvenance, describeSettings } from "../audit";
import type { AuditCopyReport } from "../headless/audit";
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
  if (items.length > LIST_LIMIT)
    shown.push(`  … and ${items.length - LIST_LIMIT} more (--json lists them all)`);
  return shown;
}

function keptLines(kept: { cell: string; message: string }[]): string[] {
  if (!kept.length) return [];
  return [
    `Not recomputed, Excel's values kept (and used by the cells that depend on them): ${kept.length}`,
    ...list(kept, (n) => `${n.cell}  ${n.message}`),
  ];
}

export function recalcReport(summary: RecalcSummary): string {
  const lines = [
    `Recalculated ${summary.input} → ${summary.output}`,
    `Workbook settings: ${describeSettings(summary.settings)}; ${summary.dateSystem} date system`,
    `Cells recomputed: ${summary.formulas} formula cells on ${summary.sheets} sheet(s), ${summary.btuCells} of them BTU cells.`,
  ];
  lines.push(summary.errors.length ? `Errors: ${summary.errors.length}` : "Errors: none");
  lines.push(
    ...list(summary.errors, (e) => `${e.cell}  ${e.code}${e.message ? `  ${e.message}` : ""}`)
  );
  if (summary.differences.length) {
    lines.push(
      `Differences from the values cached in the input: ${summary.differences.length} (the output holds the new values; exit code 0)`
    );
    lines.push(
      ...list(
        summary.differences,
        (d) => `${d.cell}  cached ${show(d.cached)}  now ${show(d.value)}`
      )
    );
  } else {
    lines.push("Differences from the values cached in the input: none");
  }
  lines.push(...keptLines(summary.notRecomputed));
  if (summary.refusedNames.length) {
    lines.push(`Defined names the engine cannot read: ${summary.refusedNames.length}`);
    lines.push(...list(summary.refusedNames, (n) => `${n.name}  ${n.reason}`));
  }
  return lines.join("\n");
}

export function recalcJson(summary: RecalcSummary): string {
  return JSON.stringify(summary, null, 2);
}

export function auditReport(summary: AuditCopyReport): string {
  const failed = summary.checks.filter((check) => !check.ok);
  const passed = summary.checks.length - failed.length;
  const notReperformed = summary.notReperformed.length;
  const checks =
    failed.length || notReperformed
      ? `Checks: ${passed} of ${summary.checks.length} TRUE when the copy is recomputed without the add-in${failed.length ? `; FALSE: ${failed.map((c) => c.cell).join(", ")}` : ""}${notReperformed ? `; ${notReperformed} BTU cells not re-performed (they rest on values Excel computed that the engine cannot: see the Audit sheet)` : ""}.`
      : `Checks: all ${summary.checks.length} TRUE when the copy is recomputed without the add-in.`;
  const lines = [
    `Audit copy of ${summary.input} → ${summary.output}`,
    `Workbook settings: ${describeSettings(summary.settings)}`,
    `Produced by: ${describeProvenance(summary.provenance)}`,
    `${summary.btuCells} BTU cells replaced by their values and listed on the Audit sheet; ${summary.native} re-performed by a native Excel formula.`,
    checks,
    ...keptLines(summary.keptExcelValues),
  ];
  if (summary.errors.length)
    lines.push(
      `Cells showing an error in the copy: ${summary.errors.map((e) => `${e.cell} ${e.code}`).join(", ")}`
    );
  return lines.join("\n");
}

export function auditJson(summary: AuditCopyReport): string {
  const { rows, ...rest } = summary;
  return JSON.stringify(
    {
      ...rest,
      rows: rows.map(({ sheet, address, formula, value, clauses, native, nativeNote }) => ({
        sheet,
        address,
        formula,
        value,
        clauses,
        native,
        nativeNote,
      })),
    },
    null,
    2
  );
}
