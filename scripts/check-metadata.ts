/**
 * Fails when custom-functions-metadata rejects src/functions/functions.ts. Its own CLI exits 0
 * even on errors, and a function it cannot parse simply goes missing from Excel.
 *
 *   npx tsx scripts/check-metadata.ts      (part of npm run lint)
 */
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";

const FUNCTIONS = path.join(__dirname, "..", "src", "functions", "functions.ts");

generateCustomFunctionsMetadata(FUNCTIONS).then(
  ({ errors, metadataJson }) => {
    if (errors.length) {
      for (const error of errors) console.error(error);
      process.exit(1);
    }
    const count = (JSON.parse(metadataJson) as { functions: unknown[] }).functions.length;
    console.log(`custom-functions-metadata: ${count} functions, no errors.`);
  },
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  }
);
