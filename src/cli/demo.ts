/**
 * `btu demo`: the bundled sample model recalculated headless, and its key results with the clauses
 * they rest on. The sample itself is never overwritten.
 */
import * as path from "path";
import { promises as fs } from "fs";
import { buildAuditRows } from "../audit";
import { CellValue, Decimal, formatMoney, serialToIso } from "../core";
import { auditCell } from "../headless/audit";
import { headlessContext } from "../headless/context";
import { writeAtomically } from "../headless/files";
import { applySheetEdits, recalcEdits, recalculate } from "../headless/recalc";
import { loadWorkbook } from "../headless/workbook";
import { recalcReport } from "./report";

export const SAMPLE = path.join(__dirname, "..", "..", "examples", "btu-sample.xlsx");
export const DEMO_OUTPUT = path.join(
  __dirname,
  "..",
  "..",
  "examples",
  "out",
  "btu-sample.recalc.xlsx"
);

/** The sample's key results (layout of scripts/build-examples.ts). */
export const KEY_RESULTS: { sheet: string; address: string; label: string }[] = [
  { sheet: "Termination", address: "D6", label: "Consulting lump, board, 2005-03-31" },
  { sheet: "Termination", address: "D7", label: "Consulting lump, voluntary, simple discount" },
  { sheet: "Termination", address: "D8", label: "Consulting lump, voluntary, present value" },
  { sheet: "Borrowing base", address: "C19", label: "Borrowing base" },
  { sheet: "Borrowing base", address: "C21", label: "Availability" },
  { sheet: "Borrowing base", address: "C22", label: "Over-advance" },
  { sheet: "Borrowing base", address: "D22", label: "Over-advance, stress case" },
  { sheet: "Covenants", address: "E7", label: "Minimum TNW after FY2006" },
  { sheet: "Covenants", address: "F7", label: "TNW headroom at 2006-12-31" },
  { sheet: "Covenants", address: "E23", label: "Net income test, quarter to 2005-06-30" },
  { sheet: "Covenants", address: "H28", label: "Leverage test, 2006-09-30" },
  { sheet: "Covenants", address: "B36", label: "Cross default (disputes left out)" },
];

function shown(value: CellValue, kind: string | undefined): string {
  if (Array.isArray(value)) return `${value.length} rows`;
  if (typeof value === "number" && kind === "money")
    return formatMoney(new Decimal(value)).replace("$", "");
  if (typeof value === "number" && kind === "date") return serialToIso(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  return rows
    .map((row) =>
      row
        .map((cell, c) => (c === 1 ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
        .join("  ")
        .trimEnd()
    )
    .join("\n");
}

export async function demo(output = DEMO_OUTPUT): Promise<string> {
  const loaded = await loadWorkbook(SAMPLE);
  const recalculation = recalculate(loaded);
  applySheetEdits(loaded, recalcEdits(loaded, recalculation));
  await fs.mkdir(path.dirname(output), { recursive: true });
  await writeAtomically(output, loaded.pkg.write());
  const cells = KEY_RESULTS.map((key) => {
    const formula = loaded.formulas.find((f) => f.sheet === key.sheet && f.address === key.address);
    if (!formula)
      throw new Error(
        `the sample has no formula at ${key.sheet}!${key.address}; rebuild it with npm run examples`
      );
    return auditCell(recalculation, loaded, formula);
  });
  const rows = buildAuditRows(cells, headlessContext(loaded.settings).clauses);
  const lines = rows.map((row, i) => [
    KEY_RESULTS[i].label,
    shown(row.value, row.kind),
    row.clauses.slice(0, 3).join(", "),
    `${row.sheet}!${row.address}`,
  ]);
  const relative = (file: string) => path.relative(process.cwd(), file) || file;
  return [
    recalcReport({ ...recalculation.summary, input: relative(SAMPLE), output: relative(output) }),
    "",
    table([["Key result", "Value", "Clauses", "Cell"], ...lines]),
    "",
    `Open ${relative(output)} to see every scenario; \`btu audit ${relative(SAMPLE)}\` writes the auditor's copy.`,
  ].join("\n");
}
