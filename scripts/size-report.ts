/**
 * Size of what Excel loads for the BTU.* functions: dist/functions.js minified and gzipped, against
 * a budget of 150 KB minified, and a check that the agreements' text stayed in its lazy chunk.
 * Exits 1 when either fails.
 *
 *   npm run size        (after npm run build; the build prints it too)
 */
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { minify } from "terser";
import { allClauses } from "../src/core/clauses";

const DIST = path.join(__dirname, "..", "dist");
export const BUDGET_BYTES = 150 * 1024;
/** Long enough that only the agreement itself, not a message quoting a phrase of it, can match. */
const PROBE_LENGTH = 80;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Clause texts whose opening words appear in `code`, i.e. text that should have been left to the lazy chunk. */
export function clauseTextsIn(code: string): string[] {
  // A bundle holds JSON inside a string literal, so quotes in the text arrive escaped.
  const plain = code.replace(/\\/g, "");
  return allClauses()
    .filter(
      (clause) =>
        clause.text.length >= PROBE_LENGTH && plain.includes(clause.text.slice(0, PROBE_LENGTH))
    )
    .map((clause) => clause.id);
}

/** functions.js as the budget counts it: minified again, so that a dev build measures the same. */
export async function measureFunctions(
  code: string
): Promise<{ minifiedBytes: number; gzipBytes: number; leaked: string[] }> {
  const minified = (await minify(code, { compress: true, mangle: true })).code ?? code;
  return {
    minifiedBytes: Buffer.byteLength(minified),
    gzipBytes: zlib.gzipSync(minified, { level: 9 }).length,
    leaked: clauseTextsIn(code),
  };
}

async function main(): Promise<number> {
  const file = path.join(DIST, "functions.js");
  if (!fs.existsSync(file)) {
    console.error("dist/functions.js is missing: run npm run build first.");
    return 1;
  }
  const { minifiedBytes, gzipBytes, leaked } = await measureFunctions(
    fs.readFileSync(file, "utf8")
  );
  const chunks = fs
    .readdirSync(DIST)
    .filter((name) => name.endsWith(".js") && name !== "functions.js");

  console.log("functions.js (loaded by Excel for the BTU.* functions)");
  console.log(`  minified  ${kb(minifiedBytes)}  (budget ${kb(BUDGET_BYTES)})`);
  console.log(`  gzipped   ${kb(gzipBytes)}`);
  console.log("other scripts in dist/");
  for (const name of chunks) {
    const chunk = fs.readFileSync(path.join(DIST, name), "utf8");
    const clauses = clauseTextsIn(chunk).length;
    console.log(
      `  ${name.padEnd(28)}${kb(Buffer.byteLength(chunk))}, ${kb(zlib.gzipSync(chunk).length)} gzipped${clauses ? `, holds the text of ${clauses} clauses` : ""}`
    );
  }
  let status = 0;
  if (minifiedBytes > BUDGET_BYTES) {
    console.error(`functions.js is ${kb(minifiedBytes - BUDGET_BYTES)} over its budget.`);
    status = 1;
  }
  if (leaked.length) {
    console.error(
      `functions.js contains the text of ${leaked.length} clauses (e.g. ${leaked.slice(0, 3).join(", ")}): it must only import("../core/clauses") lazily.`
    );
    status = 1;
  } else {
    console.log("  clause text: not in functions.js (loaded on demand by BTU.CLAUSE)");
  }
  return status;
}

if (require.main === module) {
  main().then(
    (status) => process.exit(status),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    }
  );
}
