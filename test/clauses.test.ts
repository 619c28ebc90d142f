import * as fs from "fs";
import * as path from "path";
import {
  parseClauses,
  renderClausesJson,
  TRAILING_MARKER as BUILD_MARKER,
} from "../scripts/build-clauses";
import {
  allClauses,
  childrenOf,
  clauseById,
  Clause,
  fullText,
  normalizeClauseId,
  TRAILING_MARKER,
} from "../src/core/clauses";
import { searchClauses } from "../src/core/clauses/search";

const CLAUSES_DIR = path.join(__dirname, "..", "src", "core", "clauses");
const sepText = fs.readFileSync(
  path.join(CLAUSES_DIR, "text", "separation-agreement-2003.txt"),
  "utf8"
);
const loanText = fs.readFileSync(path.join(CLAUSES_DIR, "text", "loan-amendment-2004.txt"), "utf8");
const clauses = allClauses();

// The test keeps its own definition of page furniture rather than importing the parser's, so that
// a parser change that drops real words cannot pass by redefining what counts as furniture.
function isFurniture(line: string): boolean {
  return /^\s*-?\d{1,3}-?\s*$/.test(line) || /^\s*-[-\s]*$/.test(line);
}

function collapse(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}

function normalizedSource(raw: string): string {
  return collapse(
    raw
      .split(/\r?\n/)
      .filter((l) => !isFurniture(l))
      .join("\n")
  );
}

const SOURCE = { sep: normalizedSource(sepText), loan: normalizedSource(loanText) };
const sourceOf = (c: Clause): string => (c.document === "SEP" ? SOURCE.sep : SOURCE.loan);

function parts(c: Clause): string[] {
  return c.text.split(TRAILING_MARKER).map(collapse);
}

describe("clauses.json", () => {
  test("is exactly what the parser produces from the texts (regenerate with npx tsx scripts/build-clauses.ts)", () => {
    const committed = fs.readFileSync(path.join(CLAUSES_DIR, "clauses.json"), "utf8");
    expect(renderClausesJson(parseClauses(sepText, loanText))).toBe(committed);
  });

  test("the runtime module and the build script use the same marker", () => {
    expect(TRAILING_MARKER).toBe(BUILD_MARKER);
  });

  test("ids are unique and every clause is well formed", () => {
    const ids = clauses.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const c of clauses) {
      expect(["SEP", "FA", "ALLONGE", "SA", "LMA"]).toContain(c.document);
      expect(c.id.startsWith(c.document + " ")).toBe(true);
      expect(c.title.trim()).not.toBe("");
      expect(c.text).toBe(c.text.trim());
      expect(c.text).not.toMatch(/\s{2,}|\n/);
    }
  });

  test("the only clause with no words of its own is SA 13(e), whose (i) is printed on its line", () => {
    expect(clauses.filter((c) => c.text === "").map((c) => c.id)).toEqual(["SA 13(e)"]);
  });

  test("every clause text occurs verbatim in its source, in document order", () => {
    const cursor = { sep: 0, loan: 0 };
    const startOf = new Map<string, number>();
    for (const c of clauses) {
      const key = c.document === "SEP" ? "sep" : "loan";
      const [own, ...after] = parts(c);
      if (own !== "") {
        const at = SOURCE[key].indexOf(own, cursor[key]);
        if (at < 0) throw new Error(`${c.id}: text not found verbatim after the previous clause`);
        cursor[key] = at + 1;
        startOf.set(c.id, at);
      }
      for (const p of after) {
        expect(p).not.toBe("");
        const at = sourceOf(c).indexOf(p, startOf.get(c.id) ?? 0);
        if (at < 0)
          throw new Error(`${c.id}: trailing text not found verbatim after the clause start`);
      }
    }
  });

  test("page numbers and underlines are not part of any text", () => {
    for (const c of clauses) {
      expect(c.text).not.toMatch(/(^|\s)-\d{1,2}-(\s|$)/);
      expect(c.text).not.toMatch(/-{3,}/);
    }
  });

  test("parents exist, come first, and belong to the same document", () => {
    const order = new Map(clauses.map((c, i) => [c.id, i]));
    for (const c of clauses) {
      if (c.parent === null) continue;
      const parent = clauseById(c.parent);
      expect(parent).toBeDefined();
      expect(parent!.document).toBe(c.document);
      expect(order.get(c.parent)!).toBeLessThan(order.get(c.id)!);
      expect(c.id.startsWith(c.parent)).toBe(true);
    }
  });

  const EXPECTED_IDS = [
    // Separation agreement
    "SEP preamble",
    "SEP 1",
    "SEP 2",
    "SEP 2(a)",
    "SEP 2(b)",
    "SEP 2(c)",
    "SEP 3",
    "SEP 3(a)",
    "SEP 3(b)",
    "SEP 3(c)",
    "SEP 3(c)(i)",
    "SEP 3(c)(ii)",
    "SEP 3(c)(iii)",
    "SEP 3(c)(iii)(A)",
    "SEP 3(c)(iii)(B)",
    "SEP 3(c)(iii)(C)",
    "SEP 3(c)(iv)",
    "SEP 3(c)(iv)(A)",
    "SEP 3(c)(iv)(B)",
    "SEP 3(c)(v)",
    "SEP 3(c)(vi)",
    "SEP 4",
    "SEP 4(a)",
    "SEP 4(a)(i)",
    "SEP 4(a)(ii)",
    "SEP 4(a)(iii)",
    "SEP 4(b)",
    "SEP 4(b)(i)",
    "SEP 4(b)(ii)",
    "SEP 4(c)",
    "SEP 4(c)(i)",
    "SEP 4(c)(ii)",
    "SEP 4(d)",
    "SEP 4(e)",
    "SEP 4(f)",
    "SEP 4(g)",
    "SEP 4(h)",
    "SEP 5",
    "SEP 6",
    "SEP 7",
    "SEP 7(a)",
    "SEP 7(b)",
    "SEP 8",
    "SEP 9",
    "SEP Exhibit 1",
    // First Amendment
    "FA recitals",
    "FA 1",
    "FA 1(a)",
    "FA 1(b)",
    "FA 1(c)",
    "FA 1(d)",
    "FA 1(e)",
    "FA 1(f)",
    "FA 1(g)",
    "FA 1(h)-address",
    "FA 1(h)-tnw",
    "FA 1(i)",
    "FA 1(j)",
    "FA 2",
    "FA 3",
    "FA 4",
    "FA 5",
    "FA 6",
    // Allonge
    "ALLONGE recitals",
    "ALLONGE 1",
    "ALLONGE 2",
    // Security Agreement
    "SA preamble",
    ...Array.from({ length: 21 }, (_, i) => `SA ${i + 1}`),
    ...["i", "ii", "iii", "iv", "v", "vi", "vii", "viii"].map((r) => `SA 2(a)(${r})`),
    ..."abcdefgh".split("").map((l) => `SA 2(${l})`),
    "SA 11(a)",
    "SA 11(b)",
    "SA 11(c)",
    ..."abcdefghijklmno".split("").map((l) => `SA 13(${l})`),
    "SA 13(e)(i)",
    "SA 13(e)(ii)",
    "SA 13(e)(iii)",
    "SA 21(a)",
    "SA 21(b)",
    "SA Exhibit A",
    "SA Financing Statement Exhibit A",
    ...Array.from({ length: 8 }, (_, i) => `SA Financing Statement Exhibit A ${i + 1}`),
    // Loan Modification Agreement
    "LMA preamble",
    "LMA I",
    "LMA I.A",
    "LMA I.A.1",
    "LMA I.A.2",
    "LMA I.A.3",
    "LMA I.B",
    "LMA II",
    "LMA II.A",
    "LMA II.A(i)",
    "LMA II.A(ii)",
    "LMA II.A(iii)",
    "LMA II.A(iv)",
    "LMA II.C",
    "LMA II.C(i)",
    "LMA II.C(ii)",
    "LMA II.C(iii)",
    "LMA II.C(iv)",
    "LMA III",
    ..."ABCDEFGHIJKLMNOPQR".split("").map((l) => `LMA III.${l}`),
  ];

  test("every numbered paragraph of the five documents is a clause, and nothing else is", () => {
    const ids = clauses.map((c) => c.id);
    expect([...ids].sort()).toEqual([...new Set(EXPECTED_IDS)].sort());
    for (const id of [
      "SEP 4(c)(i)",
      "SEP 3(c)(iii)(B)",
      "SEP 3(c)(iv)(A)",
      "FA 1(b)",
      "FA 1(h)-address",
      "FA 1(h)-tnw",
      "FA 1(j)",
      "SA 13(h)",
      "SA 21(a)",
      "SA 21(b)",
      "LMA II.A",
      "LMA III.F",
      "ALLONGE 1",
    ]) {
      expect(clauseById(id)?.id).toBe(id);
    }
  });

  test("inline enumerations and quoted section labels are not clauses; the LMA has no II.B", () => {
    for (const id of [
      "SEP 3(c)(iv)(A)(i)",
      "SEP 4(c)(i)(A)",
      "SEP 4(c)(i)(B)",
      "SEP 4(g)(A)",
      "SEP 7(b)(i)",
      "SEP 3(i)",
      "FA 1(f)(i)",
      "FA 1(g)(j)",
      "FA 1(h)",
      "SA 2(h)(a)",
      "LMA III.D(i)",
      "LMA II.B",
    ]) {
      expect(clauseById(id)).toBeUndefined();
    }
    expect(clauseById("FA 1(f)")!.text).toContain(
      "substituting the following section (i): (i) If the Borrower shall dissolve"
    );
    expect(clauseById("FA 1(g)")!.text).toContain("section (j): (j) Except for indebtedness");
    expect(clauseById("SEP 4(c)(i)")!.text).toContain("(A) receiving bi-weekly payments");
  });

  test("the sequence, not the glyph, decides between letters and roman numerals", () => {
    expect(clauseById("FA 1(i)")!.parent).toBe("FA 1");
    expect(clauseById("SA 13(i)")!.parent).toBe("SA 13");
    expect(clauseById("SA 2(a)(i)")!.parent).toBe("SA 2(a)");
    expect(clauseById("SA 2(h)")!.parent).toBe("SA 2");
    expect(clauseById("SA 13(h)")!.parent).toBe("SA 13");
    expect(clauseById("LMA III.I")!.title).toBe("Binding Effect");
    expect(clauseById("FA 1(h)-address")!.text).toContain("45 Rockefeller Plaza");
    expect(clauseById("FA 1(h)-tnw")!.text).toContain("MINIMUM TANGIBLE NET WORTH");
    // The "Additionally, Schedule A..." paragraph is what FA 1(j) calls "section (h) above".
    expect(clauseById("FA 1(h)-tnw")!.text).toContain(
      "Additionally, Schedule A is further amended"
    );
  });

  test("a parent's text stops at its first child and resumes after its last", () => {
    const a = clauseById("SEP 4(a)")!;
    expect(a.text).toMatch(
      /shall constitute Cause: \[…\] Upon the giving of notice of termination for Cause/
    );
    expect(a.text).not.toContain("material breach by you");
    expect(clauseById("SEP 3(c)(iv)")!.text).toContain(
      "provided this is consistent with applicable law. […] Except as otherwise expressly provided in this Paragraph 3(c)(iv)"
    );
    expect(clauseById("SEP 3(c)(iv)(B)")!.text).not.toContain("Except as otherwise");
    expect(clauseById("SA 2(a)")!.text).toContain(' […] "Collateral" shall not include');
    expect(clauseById("SA 2")!.text).toContain(" […] All words and terms used in this Agreement");
    expect(clauseById("SA 21")!.text).toContain(" […] in each case, to the address");
    expect(clauseById("SA 21")!.text).toContain("Richard J. Levin, Esquire");
    expect(clauseById("LMA I.A")!.text).toContain(
      " […] Except as otherwise provided herein or in the Closing Documents"
    );
    expect(clauseById("LMA II.A")!.text).toContain(" […] In connection with the foregoing");
    expect(clauseById("LMA II.A")!.text).toContain("Twenty Thousand ($20,000.00) Dollars");
    expect(clauseById("SA Financing Statement Exhibit A")!.text).toContain(
      " […] All references to the UCC"
    );
    expect(clauseById("SA Financing Statement Exhibit A 8")!.text).not.toContain("All references");
  });

  test("paragraphs split by a page break are joined without the page number", () => {
    expect(clauseById("SEP 3(c)(iii)(B)")!.text).toContain(
      "(Two Hundred Thirty Two Thousand Dollars ($232,000)) and any amount of cash build-up"
    );
    expect(clauseById("SEP 4(f)")!.text).toContain(
      "one lump sum in an amount representing the remainder"
    );
    expect(clauseById("SA 13(h)")!.text).toContain(
      "would materially and adversely affect the value of"
    );
    expect(clauseById("LMA III.L")!.text).toContain(
      "shall be deemed to be a waiver thereof. No waiver by any party"
    );
  });

  test("key terms are where TERMS.md cites them", () => {
    expect(clauseById("FA 1(b)")!.text).toContain(
      "Three Million Five Hundred Thousand ($3,500,000.00) Dollars"
    );
    const g = clauseById("SEP 4(g)")!.text;
    expect(g).toContain("prior to June 30, 2003");
    expect(g).toContain("subsequent to June 30, 2003");
    expect(clauseById("SA 21(b)")!.text).toContain(
      "effective on the Business Day after being deposited"
    );
    expect(clauseById("LMA III.F")!.text).toContain("within ten (10) days");
    expect(clauseById("ALLONGE 1")!.text).toContain('"May 31, 2007"');
    expect(clauseById("SA 13(h)")!.text).toContain("within thirty (30) days of notice");
  });

  test("titles: printed headings where printed, descriptive titles elsewhere", () => {
    expect(clauseById("SEP 4(c)")!.title).toBe("BY YOU OTHER THAN FOR GOOD REASON");
    expect(clauseById("SEP 4")!.title).toBe(
      "TERMINATION OF THE TRANSITION PERIOD, CONSULTING PERIOD AND CHAIRMANSHIP PERIOD"
    );
    expect(clauseById("LMA III.F")!.title).toBe("Costs and Expenses");
    expect(clauseById("LMA I")!.title).toBe("BACKGROUND");
    expect(clauseById("FA 1(a)")!.title).toBe("Termination Date extended to May 31, 2007");
    expect(clauseById("SEP Exhibit 1")!.title).toBe("Collateral Assignment Agreement");
  });

  test("the clauses cover at least 97% of the words outside signature blocks and acknowledgments", () => {
    const words = (s: string): string[] => s.toLowerCase().match(/[a-z0-9]+/g) ?? [];
    // Signature blocks run from the testimonium to the next document heading (or to the end).
    const signatureStart =
      /^\s*(IN WITNESS WHEREOF|Intending to be legally bound|Signed as a sealed instrument|\[Signature Page Follows\]|_{3,})/;
    const documentHeading =
      /^(EXHIBIT 1|ALLONGE TO AND AMENDMENT OF REVOLVING CREDIT NOTE|SECURITY AGREEMENT|EXHIBIT A|LOAN MODIFICATION AGREEMENT)$/;
    const sourceWords: string[] = [];
    for (const raw of [sepText, loanText]) {
      let inSignature = false;
      for (const line of raw.split(/\r?\n/)) {
        if (signatureStart.test(line)) inSignature = true;
        else if (documentHeading.test(line.trim())) inSignature = false;
        if (!inSignature && !isFurniture(line)) sourceWords.push(...words(line));
      }
    }
    const available = new Map<string, number>();
    for (const c of clauses) {
      // The printed label ("(iii)", "4.", "II.") is carried by the id, not repeated in the text.
      for (const w of words(c.id + " " + c.title + " " + c.text.split(TRAILING_MARKER).join(" "))) {
        available.set(w, (available.get(w) ?? 0) + 1);
      }
    }
    let covered = 0;
    for (const w of sourceWords) {
      const n = available.get(w) ?? 0;
      if (n > 0) {
        covered++;
        available.set(w, n - 1);
      }
    }
    const ratio = covered / sourceWords.length;
    expect(sourceWords.length).toBeGreaterThan(10000);
    expect(ratio).toBeGreaterThanOrEqual(0.97);
    // Only document headings, the letterhead and filing labels are outside the clauses; a larger
    // gap means a paragraph was lost even if the ratio still passes.
    expect(sourceWords.length - covered).toBeLessThan(40);
  });
});

describe("normalizeClauseId", () => {
  test.each([
    ["SEP4(c)(i)", "SEP 4(c)(i)"],
    ["sep 4(c)(i)", "SEP 4(c)(i)"],
    ["  SEP   4 (c) (i) ", "SEP 4(c)(i)"],
    ["fa 1(h)-tnw", "FA 1(h)-tnw"],
    ["FA 1(H)-ADDRESS", "FA 1(h)-address"],
    ["sep 3(c)(iii)(b)", "SEP 3(c)(iii)(B)"],
    ["lma ii.a", "LMA II.A"],
    ["LMA II.A.(i)", "LMA II.A(i)"],
    ["lma iii.f", "LMA III.F"],
    ["sa21", "SA 21"],
    ["SA Section 21(a)", "SA 21(a)"],
    ["SEP ¶ 4(g)", "SEP 4(g)"],
    ["allonge 1", "ALLONGE 1"],
    ["sep exhibit 1", "SEP Exhibit 1"],
    ["sa financing statement exhibit a 1", "SA Financing Statement Exhibit A 1"],
    ["fa recitals", "FA recitals"],
    // Not clauses: tidied but not invented.
    ["fa 1(h)", "FA 1(h)"],
    ["lma ii.b", "LMA ii.b"],
    ["hello", "hello"],
  ])("%j → %j", (input, expected) => {
    expect(normalizeClauseId(input)).toBe(expected);
  });

  test("every id is its own normal form, whatever its case or spacing", () => {
    for (const c of clauses) {
      expect(normalizeClauseId(c.id)).toBe(c.id);
      expect(normalizeClauseId(c.id.toLowerCase())).toBe(c.id);
      expect(normalizeClauseId(c.id.toUpperCase().replace(/ /g, ""))).toBe(c.id);
    }
  });
});

describe("lookup", () => {
  test("clauseById is tolerant and returns undefined for unknown ids", () => {
    expect(clauseById("sa 13 (h)")?.id).toBe("SA 13(h)");
    expect(clauseById("SEP 10")).toBeUndefined();
    expect(clauseById("")).toBeUndefined();
  });

  test("childrenOf lists direct children in order", () => {
    expect(childrenOf("SEP 4(a)").map((c) => c.id)).toEqual([
      "SEP 4(a)(i)",
      "SEP 4(a)(ii)",
      "SEP 4(a)(iii)",
    ]);
    expect(childrenOf("fa 1").map((c) => c.id)).toEqual([
      "FA 1(a)",
      "FA 1(b)",
      "FA 1(c)",
      "FA 1(d)",
      "FA 1(e)",
      "FA 1(f)",
      "FA 1(g)",
      "FA 1(h)-address",
      "FA 1(h)-tnw",
      "FA 1(i)",
      "FA 1(j)",
    ]);
    expect(childrenOf("LMA II").map((c) => c.id)).toEqual(["LMA II.A", "LMA II.C"]);
    expect(childrenOf("SEP 5")).toEqual([]);
    expect(childrenOf("nonsense")).toEqual([]);
  });

  test("fullText reads the paragraph and its descendants in printed order, with labels", () => {
    const t = fullText("SEP 4(a)")!;
    const lines = t.split("\n");
    expect(lines[0]).toMatch(/^\(a\) BY THE COMPANY FOR CAUSE\./);
    expect(lines[1]).toMatch(/^\(i\) material breach/);
    expect(lines[2]).toMatch(/^\(ii\) fraud/);
    expect(lines[3]).toMatch(/^\(iii\) conviction/);
    expect(lines[4]).toMatch(/^Upon the giving of notice of termination for Cause/);
    expect(lines).toHaveLength(5);

    const lma = fullText("LMA I")!.split("\n");
    expect(lma[0]).toBe("I. BACKGROUND");
    expect(lma[1]).toMatch(/^A\. The Credit Facility\./);
    expect(lma[2]).toBe("1. The Original Note;");
    expect(fullText("SA 13(e)")!.split("\n")[0]).toBe("(e)");
    expect(fullText("FA 1(h)-tnw")!).toMatch(/^\(h\) Schedule A/);
    expect(fullText("SA Financing Statement Exhibit A")!.split("\n")[1]).toMatch(
      /^1\) All inventory/
    );
    expect(fullText("SEP 4")!).toContain("(h) DISABILITY.");
    expect(fullText("nope")).toBeUndefined();
  });

  test("allClauses is read-only", () => {
    expect(Object.isFrozen(clauses)).toBe(true);
    expect(Object.isFrozen(clauses[0])).toBe(true);
  });
});

describe("searchClauses", () => {
  test('"Borrowing Base" ranks the definition, FA 1(b), first', () => {
    const hits = searchClauses("Borrowing Base");
    expect(hits[0].clause.id).toBe("FA 1(b)");
    expect(hits[0].snippet.toLowerCase()).toContain("borrowing base");
  });

  test('a phrase the agreements contain leaves out clauses sharing one word ("base salary", "BASED")', () => {
    const hits = searchClauses("Borrowing Base");
    expect(hits.length).toBeGreaterThan(1);
    for (const hit of hits) expect(hit.clause.text.toLowerCase()).toContain("borrowing base");
    // One word alone still finds them: SEP 1's "base salary".
    expect(searchClauses("base").map((h) => h.clause.id)).toContain("SEP 1");
  });

  test.each(["three months' prior written notice", "Three Months\u2019 Prior  Written Notice"])(
    "%j finds the four notice clauses of SEP 4(b) and 4(c) first",
    (query) => {
      const hits = searchClauses(query);
      expect(
        hits
          .slice(0, 4)
          .map((h) => h.clause.id)
          .sort()
      ).toEqual(["SEP 4(b)(i)", "SEP 4(b)(ii)", "SEP 4(c)(i)", "SEP 4(c)(ii)"].sort());
      for (const h of hits.slice(0, 4))
        expect(h.snippet).toContain("three months' prior written notice");
    }
  );

  test.each([["SA 21"], ["sa21"], ["SEP 4(c)(i)"], ["lma iii.f"], ["FA 1(h)-tnw"]])(
    "an id typed as the query (%j) ranks that clause first",
    (query) => {
      expect(searchClauses(query)[0].clause.id).toBe(normalizeClauseId(query));
    }
  );

  test("defined terms rank their definition first", () => {
    expect(searchClauses("Consulting Fee")[0].clause.id).toBe("SEP 3(a)");
    expect(searchClauses("Change of Control")[0].clause.id).toBe("SEP 7(b)");
  });

  test("prefix and light fuzzy matching", () => {
    expect(searchClauses("marshal").map((h) => h.clause.id)).toEqual(
      expect.arrayContaining(["FA 6", "SA 20"])
    );
    expect(searchClauses("colateral assignmnet")[0].clause.id).toMatch(
      /^SEP (3\(c\)\(iii\)|Exhibit 1)/
    );
  });

  test("scores follow result order, snippets are short, limit is honoured", () => {
    const hits = searchClauses("Event of Default", 7);
    expect(hits).toHaveLength(7);
    for (let i = 1; i < hits.length; i++)
      expect(hits[i].score).toBeLessThanOrEqual(hits[i - 1].score);
    for (const h of searchClauses("Collateral")) expect(h.snippet.length).toBeLessThanOrEqual(162);
    expect(searchClauses("   ")).toEqual([]);
    expect(searchClauses("Borrowing Base", 0)).toEqual([]);
  });
});
