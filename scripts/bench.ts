/**
 * npm run bench: (a) HyperFormula with 100,000 BTU.BORROWING_BASE cells against the same sheet with
 * the native formula; (b) core calls per second against plain-float arithmetic; (c) `btu recalc` of
 * the sample model scaled to 10,000 BTU cells. Warm-up first, medians of repeated runs. Not a test.
 */
import * as os from "os";
import * as path from "path";
import { promises as fs } from "fs";
import ExcelJS from "exceljs";
import { HyperFormula } from "hyperformula";
import { borrowingBase, consultingLump } from "../src/core";
import { termNumber } from "../src/core/terms";
import { createEngine } from "../src/headless/engine";
import { headlessContext } from "../src/headless/context";
import { recalcFile } from "../src/headless/recalc";
import { SAMPLE } from "./build-examples";

const ROWS = 100_000;
const REPEATS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(run: () => void): number {
  const start = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function timeAsync(run: () => Promise<void>): Promise<number> {
  const start = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Deterministic inputs: receivables, inventory (some above the cap), letters of credit. */
function inputs(row: number): [number, number, number] {
  return [1_000_000 + ((row * 7919) % 9_000_000), 500_000 + ((row * 104729) % 14_000_000), (row * 31) % 400_000];
}

function sheet(formula: (r: number) => string): (number | string)[][] {
  return Array.from({ length: ROWS }, (_, i) => [...inputs(i), formula(i + 1)]);
}

/** (a) Build (parse + first evaluation), then a recalculation after every input of column A changes. */
function spreadsheetBench(): { build: [number, number]; recalc: [number, number] } {
  const native = `=${termNumber("loan.receivables_rate")}*A{r}+MIN(${termNumber("loan.inventory_rate")}*B{r},${termNumber("loan.inventory_cap")})-C{r}`;
  const sheets = {
    btu: sheet((r) => `=BTU.BORROWING_BASE(A${r},B${r},C${r})`),
    native: sheet((r) => native.replace(/\{r\}/g, String(r))),
  };
  const build: Record<string, number[]> = { btu: [], native: [] };
  const recalc: Record<string, number[]> = { btu: [], native: [] };
  for (let i = 0; i < REPEATS + 1; i++) {
    for (const kind of ["btu", "native"] as const) {
      let engine: HyperFormula | undefined;
      const built = time(() => {
        engine = createEngine({ S: sheets[kind] }, headlessContext());
      });
      const changed = sheets[kind].map((row) => [(row[0] as number) + 1000]);
      const recalculated = time(() => {
        engine!.setCellContents({ sheet: 0, row: 0, col: 0 }, changed);
      });
      if (i > 0) {
        build[kind].push(built);
        recalc[kind].push(recalculated);
      }
      engine!.destroy();
    }
  }
  return { build: [median(build.btu), median(build.native)], recalc: [median(recalc.btu), median(recalc.native)] };
}

/** Calls per second of `call` over `n` varied inputs, median of REPEATS runs after a warm-up. */
function perSecond(n: number, call: (i: number) => unknown): number {
  for (let i = 0; i < n; i++) call(i);
  const runs = Array.from({ length: REPEATS }, () => time(() => {
    for (let i = 0; i < n; i++) call(i);
  }));
  return n / (median(runs) / 1000);
}

/** The same arithmetic in binary floats, written here only to compare speed (never for results); figures read once. */
const RATE_AR = termNumber("loan.receivables_rate");
const RATE_INV = termNumber("loan.inventory_rate");
const CAP = termNumber("loan.inventory_cap");
const ANNUAL = termNumber("consulting.annual_fee");
const START = termNumber("sep.fee_start");
const CONTRACT_YEARS: [number, number][] = [0, 366, 731, 1096].map((offset, i) => [START + offset, i === 0 ? 366 : 365]);

function floatBorrowingBase(ar: number, inv: number, lc: number): number {
  return Math.round((RATE_AR * ar + Math.min(RATE_INV * inv, CAP) - lc) * 100) / 100;
}

function floatConsultingBoard(t: number): number {
  let years = 0;
  for (const [start, days] of CONTRACT_YEARS) years += Math.max(0, start + days - 1 - Math.max(t, start - 1)) / days;
  return Math.round(ANNUAL * years * 100) / 100;
}

function coreBench(): { base: [number, number]; lump: [number, number] } {
  const n = 20_000;
  const dates = (i: number) => 38261 + (i % 900);
  return {
    base: [perSecond(n, (i) => borrowingBase(...inputs(i))), perSecond(n, (i) => floatBorrowingBase(...inputs(i)))],
    lump: [perSecond(n, (i) => consultingLump(dates(i), "board")), perSecond(n, (i) => floatConsultingBoard(dates(i)))],
  };
}

/** (c) The sample's Termination scenario rows repeated until the model holds 10,000 BTU cells. */
async function scaledRecalc(): Promise<{ cells: number; ms: number }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(SAMPLE);
  const sheet = workbook.getWorksheet("Termination")!;
  const perRow = 4;
  const rows = Math.ceil(10_000 / perRow);
  const dates = [38656, 38898, 38442, 38533];
  for (let i = 0; i < rows; i++) {
    const r = 100 + i;
    sheet.getCell(r, 1).value = "voluntary";
    sheet.getCell(r, 3).value = dates[i % dates.length];
    sheet.getCell(r, 4).value = { formula: `BTU.CONSULTING_LUMP(C${r},A${r},"simple")` } as ExcelJS.CellFormulaValue;
    sheet.getCell(r, 5).value = { formula: `BTU.CONSULTING_LUMP(C${r},A${r},"pv")` } as ExcelJS.CellFormulaValue;
    sheet.getCell(r, 6).value = { formula: `BTU.CHAIRMAN_LUMP(C${r},A${r},"simple")` } as ExcelJS.CellFormulaValue;
    sheet.getCell(r, 7).value = { formula: `BTU.CHAIRMAN_LUMP(C${r},A${r},"pv")` } as ExcelJS.CellFormulaValue;
  }
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "btu-bench-"));
  const input = path.join(dir, "scaled.xlsx");
  await workbook.xlsx.writeFile(input);
  const runs: number[] = [];
  let cells = 0;
  for (let i = 0; i < 3; i++) {
    const ms = await timeAsync(async () => {
      cells = (await recalcFile(input, {}, path.join(dir, "scaled.recalc.xlsx"))).btuCells;
    });
    runs.push(ms);
  }
  await fs.rm(dir, { recursive: true, force: true });
  return { cells, ms: median(runs) };
}

const f0 = (n: number) => Math.round(n).toLocaleString("en-US");
const f2 = (n: number) => n.toFixed(2);

async function main(): Promise<void> {
  console.log(`Node ${process.version}, ${os.cpus()[0]?.model ?? "cpu"} ×${os.cpus().length}; medians of ${REPEATS} runs after a warm-up.\n`);
  const sheetTimes = spreadsheetBench();
  console.log(`(a) HyperFormula, ${f0(ROWS)} cells: BTU.BORROWING_BASE(A,B,C) vs =0.8*A+MIN(0.35*B,3500000)-C`);
  console.log(`    build + first evaluation: ${f0(sheetTimes.build[0])} ms vs ${f0(sheetTimes.build[1])} ms  ratio ${f2(sheetTimes.build[0] / sheetTimes.build[1])}`);
  console.log(`    recalculation after all of column A changes: ${f0(sheetTimes.recalc[0])} ms vs ${f0(sheetTimes.recalc[1])} ms  ratio ${f2(sheetTimes.recalc[0] / sheetTimes.recalc[1])}`);
  const core = coreBench();
  console.log(`(b) core calls/s (decimal, with explanation) vs plain float in this script`);
  console.log(`    borrowingBase: ${f0(core.base[0])}/s vs ${f0(core.base[1])}/s  float is ${f2(core.base[1] / core.base[0])}× faster`);
  console.log(`    consultingLump (board): ${f0(core.lump[0])}/s vs ${f0(core.lump[1])}/s  float is ${f2(core.lump[1] / core.lump[0])}× faster`);
  const scaled = await scaledRecalc();
  console.log(`(c) btu recalc of the sample scaled to ${f0(scaled.cells)} BTU cells: ${f0(scaled.ms)} ms (load, recompute, write)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
