/**
 * Which rules produced an audit copy: the add-in's version, a hash of the terms data (every
 * contract figure with its clause and dated history), the version of TERMS.md's function catalogue
 * this build implements, the engine that computed it, and the workbook's date system. A reader can
 * tell two copies made under different rules apart without trusting either.
 */
import { sha256 } from "@noble/hashes/sha256";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils";
import { TERMS } from "../core";
import { version } from "../../package.json";

/**
 * SHA-256 of TERMS.md's "The function catalogue" section (from its heading to the next "## "
 * heading) that this build implements; a test fails when the spec's text moves on without it.
 */
export const TERMS_CATALOGUE_SHA256 = "6a50652273f799be59c32280445c7a2e14f28e71eeb195e0f909fe75fa85043d";

export interface Provenance {
  addIn: string;
  terms: string;
  catalogue: string;
  engine: string;
  dateSystem: "1900" | "1904";
}

const sha = (text: string) => `sha256:${bytesToHex(sha256(utf8ToBytes(text)))}`;

let termsHash: string | undefined;

export function provenance(engine: string, date1904 = false): Provenance {
  termsHash ??= sha(JSON.stringify(TERMS));
  return { addIn: `btu-contract-functions ${version}`, terms: termsHash, catalogue: `sha256:${TERMS_CATALOGUE_SHA256}`, engine, dateSystem: date1904 ? "1904" : "1900" };
}

export function describeProvenance(p: Provenance): string {
  return `${p.addIn}; terms ${p.terms}; TERMS.md catalogue ${p.catalogue}; computed by ${p.engine}; ${p.dateSystem} date system`;
}
