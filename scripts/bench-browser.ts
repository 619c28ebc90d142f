/**
 * (e) of npm run bench: functions.js as Excel loads it, built by webpack in production mode, run in
 * headless Chromium with a stub CustomFunctions.associate: 100,000 calls each of BORROWING_BASE and
 * CONSULTING_LUMP, µs per call, with plain float arithmetic of the same formula in the same page as
 * the baseline. `--root DIR` measures another checkout (an earlier commit, for "before").
 */
import { execFileSync } from "child_process";
import { existsSync, promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { chromium } from "playwright-core";

const CALLS = 100_000;
const CHROMIUM = "/usr/bin/chromium";

/** The page's measurement: the stub registry, then each function over varied inputs, medians of 5. */
const MEASURE = `
(() => {
  const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const time = (n, call) => {
    for (let i = 0; i < n; i++) call(i);
    const runs = [];
    for (let r = 0; r < 5; r++) {
      const start = performance.now();
      for (let i = 0; i < n; i++) call(i);
      runs.push(((performance.now() - start) * 1000) / n);
    }
    return median(runs);
  };
  const f = window.__btu;
  const ar = (i) => 1000000 + ((i * 7919) % 9000000);
  const inv = (i) => 500000 + ((i * 104729) % 14000000);
  const lc = (i) => (i * 31) % 400000;
  const day = (i) => 38322 + (i % 900);
  const float = (i) => Math.round((0.8 * ar(i) + Math.min(0.35 * inv(i), 3500000) - lc(i)) * 100) / 100;
  return {
    BORROWING_BASE: time(${CALLS}, (i) => f.BORROWING_BASE(ar(i), inv(i), lc(i), null, null)),
    CONSULTING_LUMP: time(${CALLS}, (i) => f.CONSULTING_LUMP(day(i), "voluntary", null)),
    float: time(${CALLS}, float),
  };
})()
`;

const STUB = `
window.__btu = {};
window.CustomFunctions = {
  associate: (id, fn) => { window.__btu[id] = fn; },
  Error: class { constructor(code, message) { this.code = code; this.message = message; } },
  ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!", nullReference: "#NULL!" },
};
`;

export interface BrowserFigures {
  BORROWING_BASE: number;
  CONSULTING_LUMP: number;
  float: number;
}

export async function browserBench(
  root = path.join(__dirname, "..")
): Promise<BrowserFigures | undefined> {
  if (!existsSync(CHROMIUM)) return undefined;
  const out = await fs.mkdtemp(path.join(os.tmpdir(), "btu-bench-browser-"));
  try {
    const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [root] });
    execFileSync(
      process.execPath,
      [cli, "--mode", "production", "--env", "local", "--output-path", out],
      {
        cwd: root,
        stdio: "pipe",
      }
    );
    // Loaded from its own file, as Excel loads it: webpack finds its chunks from the script's address.
    await fs.writeFile(
      path.join(out, "bench.html"),
      `<!doctype html><script>${STUB}</script><script src="functions.js"></script>`
    );
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu"],
    });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      await page.goto(`file://${path.join(out, "bench.html")}`);
      if (errors.length) throw new Error(`functions.js failed to load: ${errors.join("; ")}`);
      return (await page.evaluate(MEASURE)) as BrowserFigures;
    } finally {
      await browser.close();
    }
  } finally {
    await fs.rm(out, { recursive: true, force: true });
  }
}

if (require.main === module) {
  const at = process.argv.indexOf("--root");
  const root = at > 0 ? path.resolve(process.argv[at + 1]) : undefined;
  browserBench(root).then(
    (figures) =>
      console.log(figures ? JSON.stringify(figures) : "no Chromium at /usr/bin/chromium"),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    }
  );
}
