/**
 * src/functions/functions.ts is written from the definitions by scripts/generate-functions.ts; a
 * definition changed without `npm run generate` would ship Excel help that says something else.
 * The generator formats with Prettier, which jest's module sandbox cannot load, so it runs as a process.
 */
import { spawnSync } from "child_process";
import { readFileSync } from "fs";
import * as path from "path";
import { CATALOGUE } from "../../src/catalogue";

const ROOT = path.join(__dirname, "..", "..");
const WRAPPERS = path.join(ROOT, "src", "functions", "functions.ts");

test("the Excel wrappers on disk are what the definitions generate (run npm run generate)", () => {
  const run = spawnSync(
    process.execPath,
    ["--import", "tsx", "scripts/generate-functions.ts", "--check"],
    { cwd: ROOT, encoding: "utf8" }
  );
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
});

test("each keyword parameter is a custom enum listing exactly its choices", () => {
  const source = readFileSync(WRAPPERS, "utf8");
  for (const definition of CATALOGUE) {
    for (const param of definition.params.filter((p) => p.kind === "keyword")) {
      const body = new RegExp(`enum ${param.enumName} \\{([^}]*)\\}`).exec(source)?.[1] ?? "";
      expect([...body.matchAll(/(\w+) = "/g)].map((m) => m[1])).toEqual(
        param.choices!.map((c) => c.value)
      );
    }
  }
});
