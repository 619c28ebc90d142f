/**
 * Full-text search over the clause library: exact phrases and defined terms first, then MiniSearch's
 * ranking. Its own module, so that the taskpane loads the search engine with its Clauses tab only.
 */
import MiniSearch from "minisearch";
import { Clause, allClauses, clauseById } from "./index";

const CLAUSES = allClauses();

export interface ClauseSearchHit {
  clause: Clause;
  /** Higher is better; comparable only within the results of one call. */
  score: number;
  /** About 160 characters of the clause text around the first match. */
  snippet: string;
}

interface IndexedClause {
  idx: number;
  id: string;
  title: string;
  text: string;
}

let index: MiniSearch<IndexedClause> | undefined;

/** Built on first search: most callers only look clauses up by id and never pay for the index. */
function searchIndex(): MiniSearch<IndexedClause> {
  if (!index) {
    index = new MiniSearch<IndexedClause>({
      idField: "idx",
      fields: ["id", "title", "text"],
      searchOptions: {
        boost: { id: 2, title: 3 },
        // Prefix matching on one- and two-letter terms ("a", "of") would match most of the corpus.
        prefix: (term) => term.length >= 3,
        // Light typo tolerance, only where a word is long enough for an edit to be a typo.
        fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
        maxFuzzy: 2,
        combineWith: "OR",
      },
    });
    index.addAll(CLAUSES.map((c, idx) => ({ idx, id: c.id, title: c.title, text: c.text })));
  }
  return index;
}

/** Lower case, straight quotes and single spaces, so that typed phrases match the printed text. */
function normalizePhrase(s: string): string {
  return s
    .normalize("NFKC")
    .replace(/[\u2018\u2019\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201F\u2033]/g, '"')
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Position of `needle` in `hay` starting at a word boundary (and, if `whole`, ending at one), or -1.
 * Written without look-behind, which the older WebKit of some Office hosts does not support.
 */
function findWord(hay: string, needle: string, whole: boolean): number {
  const m = new RegExp(`(^|[^a-z0-9])${escapeRegExp(needle)}${whole ? "(?![a-z0-9])" : ""}`).exec(
    hay
  );
  return m ? m.index + m[1].length : -1;
}

/**
 * Where a term is defined is what someone searching for the term usually wants: `(the "X")`,
 * `"X" means` / `shall mean`, `the term "X"`, `("X")`.
 */
function definesTerm(normText: string, phrase: string): boolean {
  const p = escapeRegExp(phrase);
  return new RegExp(
    `the\\s+"${p}"\\s*\\)` +
      `|\\("${p}"\\)` +
      `|the\\s+term\\s+"${p}"` +
      `|"${p}"(?:\\s+or\\s+"[^"]*")*\\s+(?:means|shall\\s+(?:mean|include|have\\s+the\\s+meaning|be\\s+deemed\\s+to\\s+mean))`
  ).test(normText);
}

const SNIPPET_LENGTH = 160;

function makeSnippet(text: string, phrase: string, terms: readonly string[]): string {
  if (text === "") return "";
  // Character-for-character replacements only, so that positions in `hay` are positions in `text`.
  const hay = text.replace(/[\u2018\u2019]/g, "'").toLowerCase();
  let pos = findWord(hay, phrase, true);
  if (pos < 0) {
    // MiniSearch reports the index terms it matched (after prefix/fuzzy expansion): show the first.
    for (const term of terms) {
      const at = findWord(hay, term.toLowerCase(), false);
      if (at >= 0 && (pos < 0 || at < pos)) pos = at;
    }
  }
  if (pos < 0) pos = 0;
  if (text.length <= SNIPPET_LENGTH) return text;
  let start = Math.max(0, Math.min(pos - 50, text.length - SNIPPET_LENGTH));
  if (start > 0) {
    const space = text.indexOf(" ", start);
    if (space >= 0 && space < pos) start = space + 1;
  }
  let end = Math.min(text.length, start + SNIPPET_LENGTH);
  if (end < text.length) {
    const space = text.lastIndexOf(" ", end);
    if (space > pos) end = space;
  }
  return (start > 0 ? "…" : "") + text.slice(start, end) + (end < text.length ? "…" : "");
}

/**
 * Full-text search over ids, titles and texts (prefix and light fuzzy matching, titles boosted).
 * Ranking, strongest first: the clause whose id was typed; clauses that define the phrase as a
 * term; clauses with the exact phrase in the title; with the exact phrase in the text; then the
 * remaining word matches. Within each group, by MiniSearch relevance.
 */
export function searchClauses(query: string, limit = 20): ClauseSearchHit[] {
  const phrase = normalizePhrase(query);
  if (phrase === "" || limit <= 0) return [];

  const hits = new Map<number, { score: number; terms: string[] }>();
  for (const r of searchIndex().search(query))
    hits.set(r.id as number, { score: r.score, terms: r.terms });

  const idHit = clauseById(query);
  const ranked: { idx: number; tier: number; score: number; terms: string[] }[] = [];
  CLAUSES.forEach((c, idx) => {
    const hit = hits.get(idx);
    const normText = normalizePhrase(c.text);
    let tier: number;
    if (idHit === c) tier = 0;
    else if (definesTerm(normText, phrase)) tier = 1;
    else if (findWord(normalizePhrase(c.title), phrase, true) >= 0) tier = 2;
    else if (findWord(normText, phrase, true) >= 0) tier = 3;
    else if (hit) tier = 4;
    else return;
    ranked.push({ idx, tier, score: hit?.score ?? 0, terms: hit?.terms ?? [] });
  });

  // A phrase the agreements contain ("Borrowing Base") is what the reader wants: a clause that only
  // shares one of its words ("base salary", "BASED") is noise then, unless it has all of them.
  const words = phrase.split(" ").filter((word) => word.length >= 3);
  if (words.length > 1 && ranked.some((r) => r.tier <= 3)) {
    const kept = ranked.filter(
      (r) =>
        r.tier <= 3 ||
        words.every((word) => findWord(normalizePhrase(CLAUSES[r.idx].text), word, true) >= 0)
    );
    ranked.splice(0, ranked.length, ...kept);
  }
  ranked.sort((a, b) => a.tier - b.tier || b.score - a.score || a.idx - b.idx);
  // Fold the tier into the reported score so that score order is result order.
  const step = 1 + Math.max(0, ...ranked.map((r) => r.score));
  return ranked.slice(0, limit).map((r) => {
    const clause = CLAUSES[r.idx];
    return {
      clause,
      score: (4 - r.tier) * step + r.score,
      snippet: makeSnippet(clause.text, phrase, r.terms) || clause.title,
    };
  });
}
