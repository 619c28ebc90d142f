/**
 * The provenance of what the CLI computes: the add-in's version, a hash of the terms data (every
 * contract figure with its clause and dated history), the version of TERMS.md's function catalogue
 * this build implements, the engine, and the workbook's date system. A reader can tell two copies
 * made under different rules apart without trusting either.
 */
import { createHash } from "crypto";
import { HyperFormula } from "hyperformula";
import type { Provenance } from "../audit";
import { TERMS } from "../core";
import { version } from "../../package.json";

/**
 * SHA-256 of TERMS.md's "The function catalogue" section (from its heading to the next "## "
 * heading) that this build implements; a test fails when the spec's text moves on without it.
 */
export const TERMS_CATALOGUE_SHA256 =
  "6a50652273f799be59c32280445c7a2e14f28e71eeb195e0f909fe75fa85043d";

let termsHash: string | undefined;

export function provenance(date1904 = false): Provenance {
  termsHash ??= `sha256:${createHash("sha256").update(JSON.stringify(TERMS)).digest("hex")}`;
  return {
    addIn: `btu-contract-functions ${version}`,
    terms: termsHash,
    catalogue: `sha256:${TERMS_CATALOGUE_SHA256}`,
    engine: `HyperFormula ${HyperFormula.version}`,
    dateSystem: date1904 ? "1904" : "1900",
  };
}
