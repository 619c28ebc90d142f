/** Formula text as Excel stores it, turned into text HyperFormula parses the same way. */
import { normalizeStoredFormula } from "../catalogue";

/**
 * Excel's stored prefixes go (`_xldudf_`, `_xlfn.`, `_xlws.`), and the bare constants TRUE and FALSE,
 * which HyperFormula knows only as functions, become TRUE() and FALSE().
 */
export function toEngineFormula(stored: string): string {
  const text = normalizeStoredFormula(stored.trim().replace(/^=/, ""));
  const converted = text
    .split(/("(?:[^"]|"")*"?)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/(?<![A-Za-z0-9_.$!'])(TRUE|FALSE)(?![A-Za-z0-9_.(!])/gi, "$1()")))
    .join("");
  return `=${converted}`;
}
