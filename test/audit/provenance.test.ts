/**
 * Provenance: the hashes an audit copy carries are computed from what they name, and the catalogue
 * hash follows TERMS.md.
 */
import { createHash } from "crypto";
import { readFileSync } from "fs";
import * as path from "path";
import { HyperFormula } from "hyperformula";
import { TERMS_CATALOGUE_SHA256, provenance } from "../../src/headless/provenance";
import { TERMS } from "../../src/core";
import { version } from "../../package.json";

const TERMS_MD = path.join(__dirname, "..", "..", "..", "shared", "spec", "TERMS.md");

test("the catalogue hash is that of TERMS.md's function catalogue, so a change to the spec is noticed", () => {
  const text = readFileSync(TERMS_MD, "utf8");
  const start = text.indexOf("## The function catalogue");
  const section = text.slice(start, text.indexOf("\n## ", start + 1));
  expect(start).toBeGreaterThan(0);
  expect(createHash("sha256").update(section).digest("hex")).toBe(TERMS_CATALOGUE_SHA256);
});

test("provenance names the add-in's version, the terms data's hash, the engine and the date system", () => {
  const made = provenance(true);
  expect(made).toEqual({
    addIn: `btu-contract-functions ${version}`,
    terms: `sha256:${createHash("sha256").update(JSON.stringify(TERMS)).digest("hex")}`,
    catalogue: `sha256:${TERMS_CATALOGUE_SHA256}`,
    engine: `HyperFormula ${HyperFormula.version}`,
    dateSystem: "1904",
  });
  expect(provenance().dateSystem).toBe("1900");
});
