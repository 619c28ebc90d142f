/** `btu demo`, the README's main job: the sample recalculated headless, key results with their clauses. */
import { promises as fs } from "fs";
import { btu } from "./btu";
import { SAMPLE } from "../headless/fixtures";

test("prints the key results with their clauses and leaves the sample untouched", async () => {
  const before = await fs.readFile(SAMPLE);
  const run = btu(["demo"]);
  expect(run.stderr).toBe("");
  expect(run.status).toBe(0);
  expect(run.stdout).toMatch(/Errors: none/);
  // TERMS.md worked examples for a termination on 2005-03-31.
  expect(run.stdout).toMatch(/Consulting lump, board, 2005-03-31 +458,860\.27 +SEP 4\(b\)\(i\)/);
  expect(run.stdout).toMatch(/voluntary, simple discount +427,896\.63 +SEP 4\(c\)\(i\)/);
  // The sample's covenant years are TERMS.md's MIN_TNW example: 11,000,000.00.
  expect(run.stdout).toMatch(/Minimum TNW after FY2006 +11,000,000\.00 +FA 1\(h\)-tnw/);
  expect((await fs.readFile(SAMPLE)).equals(before)).toBe(true);
});
