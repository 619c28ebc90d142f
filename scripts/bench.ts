/**
 * npm run bench: (a) HyperFormula with 100,000 BTU.BORROWING_BASE cells against the same sheet with
 * the native formula; (b) core calls per second against plain-float arithmetic; (c) `btu recalc` of
 * books of 10k, 50k and 200k native formula cells against LibreOffice recalculating them on load;
 * (d) `btu audit` against `btu recalc` on a 40,000-BTU-cell book; (e) functions.js in headless Chromium
 * (scripts/bench-browser.ts). Every figure is a ratio to a
 * baseline measured in the same run. Warm-up first, medians of repeated runs. Not a test.
 */
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";
import { existsSync, promises as fs } from "fs";
import { HyperFormula } from "hyperformula";
import { buildSync } from "esbuild";
import { browserBench } from "./bench-browser";
import { termNumber } from "../src/core/terms";
import { createEngine } from "../src/headless/engine";
import { headlessContext } from "../src/headless/context";
import { libreOfficeProfile } from "./libreoffice";
import { Workbook } from "./sample-writer";

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

/** Deterministic inputs: receivables, inventory (some above the cap), letters of credit. */
function inputs(row: number): [number, number, number] {
  return [
    1_000_000 + ((row * 7919) % 9_000_000),
    500_000 + ((row * 104729) % 14_000_000),
    (row * 31) % 400_000,
  ];
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
  return {
    build: [median(build.btu), median(build.native)],
    recalc: [median(recalc.btu), median(recalc.native)],
  };
}

/** Calls per second of `call` over `n` varied inputs, median of REPEATS runs after a warm-up. */
function perSecond(n: number, call: (i: number) => unknown): number {
  for (let i = 0; i < n; i++) call(i);
  const runs = Array.from({ length: REPEATS }, () =>
    time(() => {
      for (let i = 0; i < n; i++) call(i);
    })
  );
  return n / (median(runs) / 1000);
}

/** The same arithmetic in binary floats, written here only to compare speed (never for results); figures read once. */
const RATE_AR = termNumber("loan.receivables_rate");
const RATE_INV = termNumber("loan.inventory_rate");
const CAP = termNumber("loan.inventory_cap");
const ANNUAL = termNumber("consulting.annual_fee");
const START = termNumber("sep.fee_start");
const CONTRACT_YEARS: [number, number][] = [0, 366, 731, 1096].map((offset, i) => [
  START + offset,
  i === 0 ? 366 : 365,
]);

function floatBorrowingBase(ar: number, inv: number, lc: number): number {
  return Math.round((RATE_AR * ar + Math.min(RATE_INV * inv, CAP) - lc) * 100) / 100;
}

const DISCOUNT = termNumber("sep.discount_rate");

function floatYears(t: number): number {
  let years = 0;
  for (const [start, days] of CONTRACT_YEARS)
    years += Math.max(0, start + days - 1 - Math.max(t, start - 1)) / days;
  return years;
}

/** REMAINING_FEES and the board lump are the same remainder: annual fee × Y(T). */
function floatRemainder(t: number): number {
  return Math.round(ANNUAL * floatYears(t) * 100) / 100;
}

function floatVoluntary(t: number): number {
  const years = floatYears(t);
  return Math.round(ANNUAL * years * (1 - DISCOUNT * years) * 100) / 100;
}

interface CoreFigure {
  name: string;
  exact: (i: number) => unknown;
  float: (i: number) => unknown;
}

type Core = typeof import("../src/core");

/**
 * The core as the add-in ships it: one bundle (webpack does the same for Excel), not the module
 * graph tsx runs this script on, whose cross-module getters would be measured too.
 */
function shippedCore(): Core {
  const outfile = path.join(os.tmpdir(), `btu-bench-core-${process.pid}.cjs`);
  buildSync({
    entryPoints: [path.join(__dirname, "..", "src", "core", "index.ts")],
    bundle: true,
    platform: "node",
    format: "cjs",
    outfile,
    logLevel: "error",
  });
  try {
    // A bundle written at run time: loaded by path, as only require can.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(outfile) as Core;
  } finally {
    void fs.rm(outfile, { force: true });
  }
}

/** (b) The exact core against the same formula in binary floats, each measured in this run. */
function coreBench(): { name: string; exact: number; float: number }[] {
  const { borrowingBase, consultingLump, remainingFees } = shippedCore();
  const n = 1_000_000;
  const board = (i: number) => 38261 + (i % 900);
  const voluntary = (i: number) => 38322 + (i % 900);
  const figures: CoreFigure[] = [
    {
      name: "borrowingBase",
      exact: (i) => borrowingBase(...inputs(i)),
      float: (i) => floatBorrowingBase(...inputs(i)),
    },
    {
      name: "remainingFees",
      exact: (i) => remainingFees(board(i)),
      float: (i) => floatRemainder(board(i)),
    },
    {
      name: "consultingLump (board)",
      exact: (i) => consultingLump(board(i), "board"),
      float: (i) => floatRemainder(board(i)),
    },
    {
      name: "consultingLump (voluntary)",
      exact: (i) => consultingLump(voluntary(i), "voluntary"),
      float: (i) => floatVoluntary(voluntary(i)),
    },
  ];
  return figures.map(({ name, exact, float }) => ({
    name,
    exact: perSecond(n, exact),
    float: perSecond(n, float),
  }));
}

/** A workbook of `rows` rows of inputs and the formulas `formulas(r)` gives for row r, written as Excel lays it out. */
function scaledBook(rows: number, formulas: (r: number) => string[]): Uint8Array {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet("Model");
  const dates = [38656, 38898, 38442, 38533];
  for (let r = 1; r <= rows; r++) {
    const [ar, inv, lc] = inputs(r);
    sheet.getCell(r, 1).value = ar;
    sheet.getCell(r, 2).value = inv;
    sheet.getCell(r, 3).value = lc;
    sheet.getCell(r, 4).value = dates[r % dates.length];
    formulas(r).forEach((text, i) => (sheet.getCell(r, 5 + i).value = { formula: text }));
  }
  return workbook.write();
}

interface Measured {
  seconds: number;
  /** Peak resident memory of the process and the children it waited for, in MB. */
  peakMb?: number;
}

/** Wall time and peak memory of a command, through GNU time when the machine has it (apt-get install -y time). */
function measure(command: string, args: string[]): Measured {
  const gnuTime = "/usr/bin/time";
  const withTime = existsSync(gnuTime);
  const start = process.hrtime.bigint();
  const run = withTime
    ? spawnSync(gnuTime, ["-f", "BTU-BENCH %M", command, ...args], { encoding: "utf8" })
    : spawnSync(command, args, { encoding: "utf8" });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (run.status !== 0) throw new Error(`${command} failed: ${run.stderr}`);
  const rss = /BTU-BENCH ([0-9]+)/.exec(run.stderr ?? "");
  return { seconds, peakMb: rss ? Number(rss[1]) / 1024 : undefined };
}

function medianOf(runs: Measured[]): Measured {
  const seconds = median(runs.map((r) => r.seconds));
  const peaks = runs.map((r) => r.peakMb).filter((m): m is number => m !== undefined);
  return { seconds, peakMb: peaks.length ? median(peaks) : undefined };
}

const BTU = [path.join(__dirname, "..", "bin", "btu.js")];

/** (c) The file path against LibreOffice recalculating the same book on load and saving it. */
async function filePath(): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "btu-bench-"));
  const rate = termNumber("loan.receivables_rate");
  const share = termNumber("loan.inventory_rate");
  const cap = termNumber("loan.inventory_cap");
  const profile = libreOfficeProfile(path.join(dir, "lo-profile"));
  const hasLibreOffice = spawnSync("soffice", ["--version"]).status === 0;
  console.log(
    `(c) btu recalc vs LibreOffice ${hasLibreOffice ? "" : "(not installed: apt-get install -y libreoffice-calc) "}recalculating on load and saving, native formulas only; medians of 3`
  );
  for (const cells of [10_000, 50_000, 200_000]) {
    const input = path.join(dir, `native-${cells}.xlsx`);
    await fs.writeFile(
      input,
      scaledBook(cells, (r) => [`ROUND(${rate}*A${r}+MIN(${share}*B${r},${cap})-C${r},2)`])
    );
    const ours = medianOf(
      [0, 1, 2].map(() =>
        measure(process.execPath, [...BTU, "recalc", input, "-o", path.join(dir, "ours.xlsx")])
      )
    );
    let line = `    ${f0(cells)} formula cells: btu ${f2(ours.seconds)} s${ours.peakMb ? `, ${f0(ours.peakMb)} MB peak` : ""}`;
    if (hasLibreOffice) {
      const lo = medianOf(
        [0, 1, 2].map(() =>
          measure("soffice", [
            profile,
            "--headless",
            "--norestore",
            "--convert-to",
            "xlsx",
            "--outdir",
            path.join(dir, "lo"),
            input,
          ])
        )
      );
      line += `; LibreOffice ${f2(lo.seconds)} s${lo.peakMb ? `, ${f0(lo.peakMb)} MB` : ""}; time ratio ${f2(ours.seconds / lo.seconds)}${ours.peakMb && lo.peakMb ? `, memory ratio ${f2(ours.peakMb / lo.peakMb)}` : ""}`;
    }
    console.log(line);
  }
  const rows = 20_000;
  const input = path.join(dir, "btu-40000.xlsx");
  await fs.writeFile(
    input,
    scaledBook(rows, (r) => [
      `BTU.CONSULTING_LUMP(D${r},"voluntary")`,
      `BTU.BORROWING_BASE(A${r},B${r},C${r})`,
    ])
  );
  const recalc = medianOf(
    [0, 1, 2].map(() =>
      measure(process.execPath, [...BTU, "recalc", input, "-o", path.join(dir, "r.xlsx")])
    )
  );
  const audit = medianOf(
    [0, 1, 2].map(() =>
      measure(process.execPath, [...BTU, "audit", input, "-o", path.join(dir, "a.xlsx")])
    )
  );
  console.log(
    `(d) ${f0(rows)} rows, ${f0(rows * 2)} BTU cells: recalc ${f2(recalc.seconds)} s${recalc.peakMb ? ` (${f0(recalc.peakMb)} MB)` : ""}, audit ${f2(audit.seconds)} s${audit.peakMb ? ` (${f0(audit.peakMb)} MB)` : ""}; audit/recalc ratio ${f2(audit.seconds / recalc.seconds)}`
  );
  await fs.rm(dir, { recursive: true, force: true });
}

const f0 = (n: number) => Math.round(n).toLocaleString("en-US");
const f2 = (n: number) => n.toFixed(2);

async function main(): Promise<void> {
  console.log(
    `Node ${process.version}, ${os.cpus()[0]?.model ?? "cpu"} ×${os.cpus().length}; medians of ${REPEATS} runs after a warm-up.\n`
  );
  // `npm run bench -- --engine` measures only (a), `-- --core` only (b), `-- --browser` only (e), `-- --files` only (c) and (d).
  if (process.argv.includes("--files")) return filePath();
  if (process.argv.includes("--core")) return printCore();
  if (process.argv.includes("--engine")) return printEngine();
  if (process.argv.includes("--browser")) return printBrowser();
  printEngine();
  printCore();
  await printBrowser();
  await filePath();
}

async function printBrowser(): Promise<void> {
  const figures = await browserBench();
  if (!figures) {
    console.log("(e) browser: no Chromium at /usr/bin/chromium (apt-get install -y chromium)");
    return;
  }
  console.log(
    `(e) functions.js (webpack production) in headless Chromium, 100,000 calls each, µs per call`
  );
  console.log(
    `    BORROWING_BASE ${f2(figures.BORROWING_BASE)} µs, CONSULTING_LUMP (voluntary) ${f2(figures.CONSULTING_LUMP)} µs; plain float ${f2(figures.float)} µs`
  );
}

function printEngine(): void {
  const sheetTimes = spreadsheetBench();
  console.log(
    `(a) HyperFormula, ${f0(ROWS)} cells: BTU.BORROWING_BASE(A,B,C) vs =0.8*A+MIN(0.35*B,3500000)-C`
  );
  console.log(
    `    build + first evaluation: ${f0(sheetTimes.build[0])} ms vs ${f0(sheetTimes.build[1])} ms  ratio ${f2(sheetTimes.build[0] / sheetTimes.build[1])}`
  );
  console.log(
    `    recalculation after all of column A changes: ${f0(sheetTimes.recalc[0])} ms vs ${f0(sheetTimes.recalc[1])} ms  ratio ${f2(sheetTimes.recalc[0] / sheetTimes.recalc[1])}`
  );
}

function printCore(): void {
  console.log(
    `(b) core calls/s (exact; the explanation is written only when read) vs plain float in this script; goal ≤ 10×`
  );
  for (const figure of coreBench()) {
    console.log(
      `    ${figure.name}: ${f0(figure.exact)}/s (${f2(1e6 / figure.exact)} µs) vs ${f0(figure.float)}/s  float is ${f2(figure.float / figure.exact)}× faster`
    );
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
