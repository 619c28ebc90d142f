#!/usr/bin/env node
/**
 * `npm test`: the whole suite under one time zone (the browser suite in a run of its own, as it
 * measures load time), the date-sensitive suites again under two more (results must not depend on
 * the machine's zone), then one total from jest's JSON summaries.
 * Extra arguments are passed to every jest run (e.g. `npm test -- test/core`).
 */
const { spawnSync } = require("child_process");
const os = require("os");
const fs = require("fs");
const path = require("path");

const extra = process.argv.slice(2);
const dateSensitive = [
  "test/core",
  "test/catalogue",
  "test/headless",
  "test/cli",
  "test/functions",
  "test/audit",
  "test/corpus",
];
const runs = [
  { tz: "America/Los_Angeles", paths: [], ignore: ["/node_modules/", "<rootDir>/test/browser/"] },
  // On its own: it measures the pane's load time, which the other suites' processes would slow.
  { tz: "America/Los_Angeles", paths: ["test/browser"], name: "browser", alone: true },
  { tz: "Pacific/Kiritimati", paths: dateSensitive },
  { tz: "UTC", paths: ["test/core"] },
];

const outDir = path.join(__dirname, "..", ".tmp", "test-results");
fs.mkdirSync(outDir, { recursive: true });
const jest = require.resolve("jest/bin/jest");
// jest's default (cores − 1) runs one suite at a time on a 2-core machine; much of the suite waits on
// LibreOffice, Chromium and Python child processes, so two workers use the machine better.
const workers = Math.max(2, os.cpus().length - 1);
let passed = 0;
let failed = 0;
let broken = false;

for (const { tz, paths, ignore, name, alone } of runs) {
  // Extra arguments choose the suites: the whole-suite run takes them all, browser included.
  if (alone && extra.length) continue;
  const outputFile = path.join(outDir, `jest-${(name ?? tz).replace(/\W+/g, "_")}.json`);
  fs.rmSync(outputFile, { force: true });
  const selected = extra.length ? extra : paths;
  const skipped = ignore && !extra.length ? ignore.map((p) => `--testPathIgnorePatterns=${p}`) : [];
  console.log(
    `\n=== jest under TZ=${tz}${selected.length ? ` (${selected.join(" ")})` : skipped.length ? " (whole suite but the browser's)" : " (whole suite)"} ===`
  );
  const result = spawnSync(
    process.execPath,
    [
      jest,
      "--json",
      `--outputFile=${outputFile}`,
      `--maxWorkers=${workers}`,
      ...skipped,
      ...selected,
    ],
    {
      stdio: "inherit",
      env: { ...process.env, TZ: tz },
    }
  );
  if (!fs.existsSync(outputFile)) {
    console.error(`jest under TZ=${tz} produced no results (exit ${result.status}).`);
    broken = true;
    continue;
  }
  const summary = JSON.parse(fs.readFileSync(outputFile, "utf8"));
  passed += summary.numPassedTests;
  failed += summary.numFailedTests;
  // A suite that fails to load counts no failed test but is a failure all the same.
  if (summary.numRuntimeErrorTestSuites > 0 || result.status !== 0) broken = true;
  if (summary.numTotalTests === 0) broken = true;
}

fs.writeFileSync(path.join(outDir, "totals.json"), JSON.stringify({ passed, failed, broken }));
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 || broken ? 1 : 0);
