/**
 * Files through the real command: bad inputs give one line on stderr, exit code 2 and no output;
 * the input is replaced only with --in-place; --json summaries parse.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { strToU8, zipSync } from "fflate";
import { btu } from "./btu";
import { copySample, tempDir } from "../headless/fixtures";

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function badFiles(): Promise<Record<string, string>> {
  const write = async (name: string, data: Buffer | string) => {
    const file = path.join(dir, name);
    await fs.writeFile(file, data);
    return file;
  };
  return {
    missing: path.join(dir, "missing.xlsx"),
    corrupt: await write(
      "corrupt.xlsx",
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)])
    ),
    "not xlsx (text)": await write("text.xlsx", "Name,Amount\nA,1\n"),
    "not xlsx (other zip)": await write(
      "other.xlsx",
      Buffer.from(zipSync({ "readme.txt": strToU8("not a workbook") }))
    ),
    // Office encrypts a password-protected workbook into a Compound File Binary container.
    encrypted: await write(
      "encrypted.xlsx",
      Buffer.concat([
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        Buffer.alloc(504),
      ])
    ),
  };
}

test("missing, corrupt, non-xlsx and encrypted files: exit 2, one line on stderr, no output left", async () => {
  const files = await badFiles();
  const before = (await fs.readdir(dir)).sort();
  for (const [kind, file] of Object.entries(files)) {
    // Both commands read files the same way; audit is run on two kinds to keep the suite quick.
    for (const command of kind === "missing" || kind === "encrypted"
      ? ["recalc", "audit"]
      : ["recalc"]) {
      const run = btu([command, file, "-o", path.join(dir, `out-${command}.xlsx`)]);
      expect([kind, command, run.status]).toEqual([kind, command, 2]);
      expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(run.stderr).toContain(path.basename(file));
      expect(run.stdout).toBe("");
    }
  }
  expect((await fs.readdir(dir)).sort()).toEqual(before);
});

test("-o naming the input is refused without --in-place; --in-place replaces it through a rename", async () => {
  const file = await copySample(dir, "inplace.xlsx");
  const original = await fs.readFile(file);
  const refused = btu(["recalc", file, "-o", file]);
  expect(refused.status).toBe(2);
  expect(refused.stderr).toMatch(/--in-place/);
  expect((await fs.readFile(file)).equals(original)).toBe(true);

  const json = btu(["recalc", file, "--in-place", "--json"]);
  expect(json.status).toBe(0);
  const summary = JSON.parse(json.stdout);
  expect(summary).toMatchObject({
    input: file,
    output: file,
    errors: [],
    differences: [],
    notRecomputed: [],
  });
  expect(summary.btuCells).toBeGreaterThan(100);
  expect((await fs.readdir(dir)).filter((name) => name.includes("inplace"))).toEqual([
    "inplace.xlsx",
  ]);
});

test("recalc writes IN.recalc.xlsx by default and prints the summary", async () => {
  const file = await copySample(dir, "plain.xlsx");
  const run = btu(["recalc", file]);
  expect(run.status).toBe(0);
  expect(run.stdout).toMatch(
    /Cells recomputed: \d+ formula cells on 5 sheet\(s\), \d+ of them BTU cells\./
  );
  expect(run.stdout).toMatch(/Errors: none/);
  expect(run.stdout).toMatch(/Workbook settings: btu\.discountMethod/);
  await expect(fs.stat(path.join(dir, "plain.recalc.xlsx"))).resolves.toBeTruthy();
});
