/**
 * Which rules produced an audit copy, as the Audit sheet states it: the add-in's version, hashes of
 * the terms data and of TERMS.md's function catalogue, the engine, and the workbook's date system.
 * (Computed where the copy is made: src/headless/provenance.ts.)
 */
export interface Provenance {
  addIn: string;
  terms: string;
  catalogue: string;
  engine: string;
  dateSystem: "1900" | "1904";
}

export function describeProvenance(p: Provenance): string {
  return `${p.addIn}; terms ${p.terms}; TERMS.md catalogue ${p.catalogue}; computed by ${p.engine}; ${p.dateSystem} date system`;
}
