/**
 * src/functions/functions.ts is written from the definitions by scripts/generate-functions.ts; a
 * definition changed without `npm run generate` would ship Excel help that says something else.
 */
import { readFileSync } from "fs";
import { FUNCTIONS_FILE, functionsSource } from "../../scripts/generate-functions";
import { CATALOGUE } from "../../src/catalogue";

test("the Excel wrappers on disk are what the definitions generate (run npm run generate)", () => {
  expect(readFileSync(FUNCTIONS_FILE, "utf8")).toBe(functionsSource());
});

test("each keyword parameter is a custom enum listing exactly its choices", () => {
  const source = functionsSource();
  for (const definition of CATALOGUE) {
    for (const param of definition.params.filter((p) => p.kind === "keyword")) {
      const body = new RegExp(`enum ${param.enumName} \\{([^}]*)\\}`).exec(source)?.[1] ?? "";
      expect([...body.matchAll(/(\w+) = "/g)].map((m) => m[1])).toEqual(param.choices!.map((c) => c.value));
    }
  }
});
