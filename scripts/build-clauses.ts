/**
 * Builds src/core/clauses/clauses.json from the verbatim agreement texts.
 *
 *   npx tsx scripts/build-clauses.ts
 *
 * The texts are plain-text renderings of printed documents, so structure has to be recovered from
 * layout: a paragraph starts with a label ("4.", "(c)", "(iii)", "II.", "A.", "1)") at the head of a
 * blank-separated block. The few places where layout alone is ambiguous are resolved by the label
 * sequence and by small, named exception tables below, so that an unexpected label makes the build
 * fail instead of silently producing a wrong tree.
 *
 * Ids of the parts that carry no printed number:
 *   SEP preamble, SEP Exhibit 1, FA recitals, ALLONGE recitals, SA preamble, SA Exhibit A,
 *   SA Financing Statement Exhibit A (its items "1)".."8)" are "SA Financing Statement Exhibit A 1".."8"),
 *   LMA preamble.
 * Signature blocks, testimonium clauses ("IN WITNESS WHEREOF...") and notary acknowledgments are left out.
 */
import * as fs from "fs";
import * as path from "path";
// Type-only, so the build does not load the clauses.json it is about to (re)write.
import type { Clause, ClauseDocument as DocumentId } from "../src/core/clauses";

/**
 * Separates a parent's text before its first child from the text that follows its last child.
 * A copy of the runtime module's constant (importing the value would load clauses.json).
 */
export const TRAILING_MARKER = " […] ";

// ---------------------------------------------------------------------------------------------
// Sections: where each document (and each exhibit) starts and stops in the two files.
// ---------------------------------------------------------------------------------------------

interface SectionSpec {
  file: "sep" | "loan";
  document: DocumentId;
  /** First line of the section (matched against the trimmed line). */
  start: RegExp;
  /** How many non-blank lines at the start are the printed heading (kept out of the text). */
  headingLines: number;
  /** The first line at or after which the section no longer contributes text (trimmed match). */
  end: RegExp | null;
  /**
   * Body sections number their paragraphs from the document root; the text before the first label
   * becomes `frontId`. Exhibit sections are a clause of their own (`frontId`) and any numbered items
   * in them are its children.
   */
  kind: "body" | "exhibit";
  frontId: string;
}

const SECTIONS: SectionSpec[] = [
  // The letterhead line is where the letter starts; "EXHIBIT 10.50" above it is the SEC filing label.
  {
    file: "sep",
    document: "SEP",
    kind: "body",
    frontId: "SEP preamble",
    start: /^\[BTU INTERNATIONAL, INC\. LETTERHEAD\]$/,
    headingLines: 1,
    end: /^Intending to be legally bound/,
  },
  // The exhibit's own signature lines start with underscores.
  {
    file: "sep",
    document: "SEP",
    kind: "exhibit",
    frontId: "SEP Exhibit 1",
    start: /^EXHIBIT 1$/,
    headingLines: 2,
    end: /^_{5,}/,
  },
  {
    file: "loan",
    document: "FA",
    kind: "body",
    frontId: "FA recitals",
    start: /^FIRST AMENDMENT TO LOAN AGREEMENT$/,
    headingLines: 1,
    end: /^IN WITNESS WHEREOF/,
  },
  {
    file: "loan",
    document: "ALLONGE",
    kind: "body",
    frontId: "ALLONGE recitals",
    start: /^ALLONGE TO AND AMENDMENT OF REVOLVING CREDIT NOTE$/,
    headingLines: 1,
    end: /^Signed as a sealed instrument/,
  },
  {
    file: "loan",
    document: "SA",
    kind: "body",
    frontId: "SA preamble",
    start: /^SECURITY AGREEMENT$/,
    headingLines: 1,
    end: /^IN WITNESS WHEREOF/,
  },
  {
    file: "loan",
    document: "SA",
    kind: "exhibit",
    frontId: "SA Exhibit A",
    start: /^EXHIBIT A$/,
    headingLines: 2,
    end: /^EXHIBIT "A"$/,
  },
  // "DEBTOR:" / "SECURED PARTY:" under the heading say whose collateral this is, so they stay in the text.
  {
    file: "loan",
    document: "SA",
    kind: "exhibit",
    frontId: "SA Financing Statement Exhibit A",
    start: /^EXHIBIT "A"$/,
    headingLines: 2,
    end: /^LOAN MODIFICATION AGREEMENT$/,
  },
  {
    file: "loan",
    document: "LMA",
    kind: "body",
    frontId: "LMA preamble",
    start: /^LOAN MODIFICATION AGREEMENT$/,
    headingLines: 1,
    end: /^\[Signature Page Follows\]$/,
  },
];

// ---------------------------------------------------------------------------------------------
// Exceptions to the label sequence, each one a feature of the printed text.
// ---------------------------------------------------------------------------------------------

/** The First Amendment prints "(h)" twice; TERMS.md names them by what they amend. */
const DUPLICATE_LABELS: Record<string, [string, string]> = {
  "FA 1(h)": ["address", "tnw"],
};

/** The Loan Modification Agreement goes from II.A to II.C; there is no II.B to find. */
const KNOWN_GAPS = new Set<string>(["LMA II.C"]);

// ---------------------------------------------------------------------------------------------
// Titles. Printed headings are taken from the text; everything else gets a descriptive title here.
// The build fails if a clause has neither, so a new paragraph cannot slip in untitled.
// ---------------------------------------------------------------------------------------------

const TITLES: Record<string, string> = {
  // Separation agreement
  "SEP preamble":
    "Letter of February 7, 2003: transition out of employment and purpose of the agreement",
  "SEP 3(c)(i)": "No further participation in plans; COBRA continuation at full premium",
  "SEP 3(c)(ii)": "Reimbursement of business expenses",
  "SEP 3(c)(iii)": "Collateral Assignment Agreement for the split-dollar life insurance policy",
  "SEP 3(c)(iii)(A)": "Company Interest and Insured Interest in the Split Dollar Policy",
  "SEP 3(c)(iii)(B)": "Death benefit to the Company and buy-out of the Company Interest",
  "SEP 3(c)(iii)(C)": "Company not to borrow against the Company Interest",
  "SEP 3(c)(iv)": "Options continue to vest and become exercisable",
  "SEP 3(c)(iv)(A)": "Vesting and exercise periods of the Options on termination",
  "SEP 3(c)(iv)(B)": "Options on a consolidation or merger",
  "SEP 3(c)(v)": "Office and secretarial support",
  "SEP 3(c)(vi)": "Key Man Policy premiums and option to assume ownership",
  "SEP 4(a)(i)": "Cause: uncured material breach of the Agreement",
  "SEP 4(a)(ii)": "Cause: fraud, embezzlement or other material dishonesty",
  "SEP 4(a)(iii)": "Cause: conviction of or plea to a felony or crime of moral turpitude",
  "SEP 4(b)(i)": "Board termination of the Consulting Period from July 1, 2004",
  "SEP 4(b)(ii)": "Board termination of the Chairmanship Period from July 1, 2005",
  "SEP 4(c)(i)":
    "Your termination of the Consulting Period from July 1, 2004; Consulting Lump Sum Payment",
  "SEP 4(c)(ii)":
    "Your termination of the Chairmanship Period from July 1, 2005; Chairmanship Lump Sum Payment",
  "SEP 7(a)": 'Definition of "Affiliates"',
  "SEP 7(b)": 'Definition of "Change of Control"',
  "SEP Exhibit 1": "Collateral Assignment Agreement",

  // First Amendment to Loan Agreement
  "FA recitals": "First Amendment to Loan Agreement: parties and recitals",
  "FA 1": "Amendments to the Original Loan Agreement",
  "FA 1(a)": "Termination Date extended to May 31, 2007",
  "FA 1(b)":
    "Borrowing Base redefined (80% of Eligible Receivables plus 35% of Eligible Inventory up to $3,500,000, less letters of credit)",
  "FA 1(c)": "No Fixed Asset component in the Borrowing Base",
  "FA 1(d)": "Fixed Asset listing dropped from the Borrowing Base Report",
  "FA 1(e)": "Section 3 replaced: Security Interest",
  "FA 1(f)": "Event of Default (i) replaced: dissolution, liquidation or merger",
  "FA 1(g)": "Event of Default (j) replaced: cross default above $50,000.00",
  "FA 1(h)-address": "Section 8.16 notice address for Peter H. Dodson, Esquire",
  "FA 1(h)-tnw":
    "Minimum Tangible Net Worth reduced to $10,000,000 plus 50% of annual after-tax income",
  "FA 1(i)": "New covenant: Minimum Net Income [Profitability] of $1.00 per fiscal quarter",
  "FA 1(j)": "Leverage Ratio modified to 2.0 to 1.0",
  "FA 2": "Representations and warranties of the Borrower",
  "FA 3": "Payment or reimbursement of the Bank's expenses",
  "FA 4": "Loan documents remain in full force and effect",
  "FA 5": "Capitalized terms",
  "FA 6": "Order of remedies; waiver of marshaling",

  // Allonge
  "ALLONGE recitals":
    "Allonge to and Amendment of Revolving Credit Note: the Original Note and recitals",
  "ALLONGE 1": "Termination Date of the Original Note extended to May 31, 2007",
  "ALLONGE 2": "Original Note otherwise ratified and confirmed",

  // Security Agreement
  "SA preamble": "Security Agreement: parties, location of tangible Collateral and records",
  "SA 1": "Grant of security interest; application of proceeds; Collateral notifications",
  "SA 2": "Definitions",
  "SA 2(a)": 'Definition of "Collateral"',
  "SA 2(a)(i)": "Collateral: all Inventory",
  "SA 2(a)(ii)": "Collateral: accounts, contract rights and chattel paper",
  "SA 2(a)(iii)": "Collateral: rights to acquire goods and services",
  "SA 2(a)(iv)": "Collateral: products and accessions",
  "SA 2(a)(v)": "Collateral: obligations owing to the Borrower for goods and services",
  "SA 2(a)(vi)": "Collateral: documents and instruments",
  "SA 2(a)(vii)": "Collateral: books and records",
  "SA 2(a)(viii)": "Collateral: proceeds",
  "SA 2(b)": 'Definition of "Contract Rights"',
  "SA 2(c)": 'Definition of "Inventory"',
  "SA 2(d)": 'Definition of "Debtor(s)"',
  "SA 2(e)": 'Definition of "Loan Documents"',
  "SA 2(f)": 'Definition of "Obligation(s)"',
  "SA 2(g)": 'Definition of "Person" or "Party"',
  "SA 2(h)": 'Definition of "Event of Default"',
  "SA 3": "Proceeds held in trust after an Event of Default",
  "SA 4": "Allowances and adjustments to Debtors",
  "SA 5": "Intentionally omitted",
  "SA 6": "Intentionally omitted",
  "SA 7": "Costs and expenses of the Bank",
  "SA 8": "Crediting of cash proceeds to the Obligations",
  "SA 9": "Books and records; delivery of documents to the Bank",
  "SA 10": "Legends on books and records",
  "SA 11": "Examination and inspection rights",
  "SA 11(a)": "Examine and copy books, records and files",
  "SA 11(b)": "Inspect Inventory and other Collateral",
  "SA 11(c)": "Verify the Collateral and compliance",
  "SA 12": "Further assurances",
  "SA 13": "Covenants and warranties of the Borrower",
  "SA 13(a)": "Inventory kept in good order and condition",
  "SA 13(b)": "Insurance",
  "SA 13(c)": "Title to the Collateral; no other liens or transfers",
  "SA 13(d)": "Instruments and chattel paper",
  "SA 13(e)": "Locations of Inventory, records and places of business",
  "SA 13(e)(i)": "Inventory kept at the locations in the preamble",
  "SA 13(e)(ii)": "Location of records; thirty days' notice before removal to another state",
  "SA 13(e)(iii)": "Chief executive office and places of business; thirty days' notice of changes",
  "SA 13(f)": "Bank assumes no liability; indemnity",
  "SA 13(g)": "Intentionally omitted",
  "SA 13(h)": "Loss or diminution of Collateral; Borrowing Base compliance within thirty days",
  "SA 13(i)": "Set-off of deposits and other property",
  "SA 13(j)": "Taxes on Collateral or loans",
  "SA 13(k)": "Notification of Debtors after an Event of Default",
  "SA 13(l)": "Bank may discharge taxes and liens",
  "SA 13(m)": "Government contracts: Assignment of Claims Act",
  "SA 13(n)": "Representations true and correct",
  "SA 13(o)": "Indemnity",
  "SA 14": "Power of attorney; authority to file financing statements; reassignment for collection",
  "SA 15": "Remedies on an Event of Default; sale of Collateral",
  "SA 16": "Waivers; no waiver by the Bank; rights and remedies cumulative",
  "SA 17": "Severability",
  "SA 18": "Successors and assigns; termination; assignment by the Bank",
  "SA 19": "Sealed instrument; Massachusetts law",
  "SA 20": "Order of remedies; waiver of marshalling",
  "SA 21": "Notices",
  "SA 21(a)": "Notice by facsimile",
  "SA 21(b)": "Notice by overnight courier",
  "SA Exhibit A": "Exhibit A: other locations",
  "SA Financing Statement Exhibit A":
    'Exhibit "A" to Financing Statement: description of the Collateral',
  "SA Financing Statement Exhibit A 1": "Collateral: inventory",
  "SA Financing Statement Exhibit A 2": "Collateral: accounts, contract rights and chattel paper",
  "SA Financing Statement Exhibit A 3": "Collateral: rights to acquire goods and services",
  "SA Financing Statement Exhibit A 4": "Collateral: products and accessions",
  "SA Financing Statement Exhibit A 5":
    "Collateral: obligations owing to the Debtor for goods and services",
  "SA Financing Statement Exhibit A 6": "Collateral: documents and instruments",
  "SA Financing Statement Exhibit A 7": "Collateral: books and records",
  "SA Financing Statement Exhibit A 8": "Collateral: proceeds",

  // Loan Modification Agreement
  "LMA preamble": "Loan Modification Agreement: parties",
  "LMA I.A.1": "The Original Note",
  "LMA I.A.2": "The Original Loan Agreement",
  "LMA I.A.3": "Other documents executed in connection therewith (Original Loan Documents)",
  "LMA II.A(i)": "Extend the Termination Date to May 31, 2007",
  "LMA II.A(ii)": "Modify the definition of Borrowing Base",
  "LMA II.A(iii)": "Modify the minimum tangible net worth covenant; minimum net profit covenant",
  "LMA II.A(iv)": "Grant a perfected first lien and security interest in the Collateral",
  "LMA II.C(i)": "First Amendment to Loan Agreement",
  "LMA II.C(ii)": "Allonge to and Amendment of the Original Note",
  "LMA II.C(iii)": "Security Agreement",
  "LMA II.C(iv)": "Other instruments, documents and certificates",
};

// ---------------------------------------------------------------------------------------------
// Lines, blocks and labels
// ---------------------------------------------------------------------------------------------

interface Line {
  text: string; // without trailing whitespace
  indent: number;
  lineNo: number; // 1-based, for error messages
}

interface Block {
  lines: Line[];
}

/**
 * Page numbers ("-5-", a lone "3") and typographic underlines ("-----" under "If to the Borrower:")
 * are artefacts of the printed page. Six-digit postcodes ("387383") are real text, hence the limit.
 */
export function isPageFurniture(line: string): boolean {
  return /^\s*-?\d{1,3}-?\s*$/.test(line) || /^\s*-[-\s]*$/.test(line);
}

type LabelKind = "num" | "numparen" | "lower" | "roman" | "upper" | "ROMAN" | "UPPER";

interface LabelCandidate {
  kind: LabelKind;
  ord: number;
}

interface LabelToken {
  token: string; // as printed, e.g. "(iii)", "4.", "II.", "1)"
  value: string; // without punctuation, e.g. "iii", "4", "II", "1"
  column: number;
  candidates: LabelCandidate[];
}

const LABEL_RE = /^(\((?:[a-z]{1,5}|[A-Z])\)|\d{1,2}\.|\d{1,2}\)|[IVX]{1,4}\.|[A-Z]\.)(?:\s+|$)/;

function romanValue(s: string): number | null {
  const digits: Record<string, number> = { i: 1, v: 5, x: 10 };
  const lower = s.toLowerCase();
  if (!/^[ivx]+$/.test(lower)) return null;
  let total = 0;
  for (let k = 0; k < lower.length; k++) {
    const cur = digits[lower[k]];
    const next = k + 1 < lower.length ? digits[lower[k + 1]] : 0;
    total += cur < next ? -cur : cur;
  }
  // Reject non-canonical spellings so that a stray letter group is not read as a numeral.
  return toRoman(total) === lower ? total : null;
}

function toRoman(n: number): string {
  const table: [number, string][] = [
    [10, "x"],
    [9, "ix"],
    [5, "v"],
    [4, "iv"],
    [1, "i"],
  ];
  let out = "";
  for (const [v, s] of table)
    while (n >= v) {
      out += s;
      n -= v;
    }
  return out;
}

/** A label such as "(i)" or "I." is ambiguous by glyph; list every reading and let the sequence decide. */
function candidatesFor(token: string): LabelCandidate[] {
  const out: LabelCandidate[] = [];
  let m: RegExpMatchArray | null;
  if ((m = token.match(/^\(([a-z]+)\)$/))) {
    if (m[1].length === 1) out.push({ kind: "lower", ord: m[1].charCodeAt(0) - 96 });
    const r = romanValue(m[1]);
    if (r !== null) out.push({ kind: "roman", ord: r });
  } else if ((m = token.match(/^\(([A-Z])\)$/))) {
    out.push({ kind: "upper", ord: m[1].charCodeAt(0) - 64 });
  } else if ((m = token.match(/^(\d+)\.$/))) {
    out.push({ kind: "num", ord: Number(m[1]) });
  } else if ((m = token.match(/^(\d+)\)$/))) {
    out.push({ kind: "numparen", ord: Number(m[1]) });
  } else if ((m = token.match(/^([A-Z]+)\.$/))) {
    if (m[1].length === 1) out.push({ kind: "UPPER", ord: m[1].charCodeAt(0) - 64 });
    const r = romanValue(m[1]);
    if (r !== null) out.push({ kind: "ROMAN", ord: r });
  }
  return out;
}

/** Labels at the head of a block; SA 13(e) prints "(e)    (i)    That..." on one line, hence a list. */
function leadingLabels(line: Line): { labels: LabelToken[]; rest: string } {
  const labels: LabelToken[] = [];
  let column = line.indent;
  let rest = line.text.slice(line.indent);
  for (;;) {
    const m = rest.match(LABEL_RE);
    if (!m) break;
    const token = m[1];
    labels.push({
      token,
      value: token.replace(/[().]/g, ""),
      column,
      candidates: candidatesFor(token),
    });
    const consumed = m[0].length;
    column += consumed;
    rest = rest.slice(consumed);
  }
  return { labels, rest };
}

function toLines(raw: string[], firstLineNo: number): Line[] {
  return raw.map((t, k) => {
    const text = t.replace(/\s+$/, "");
    return { text, indent: text.length - text.trimStart().length, lineNo: firstLineNo + k };
  });
}

function splitBlocks(lines: Line[]): Block[] {
  const blocks: Block[] = [];
  let cur: Line[] = [];
  for (const line of lines) {
    if (line.text.trim() === "" || isPageFurniture(line.text)) {
      if (cur.length) blocks.push({ lines: cur });
      cur = [];
    } else {
      cur.push(line);
    }
  }
  if (cur.length) blocks.push({ lines: cur });
  return blocks;
}

/** A paragraph interrupted by a page break leaves its first half without closing punctuation. */
function endsParagraph(block: Block): boolean {
  const last = block.lines[block.lines.length - 1].text.trim().replace(/["')\]]+$/, "");
  return /[.;:!?]$/.test(last);
}

function reflow(lines: string[]): string {
  return lines
    .map((l) => l.trim())
    .filter((l) => l !== "")
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();
}

// ---------------------------------------------------------------------------------------------
// The paragraph tree
// ---------------------------------------------------------------------------------------------

interface Node {
  /** The id part this node adds to its parent's id ("(c)", " 4", ".A", " 1"), or a fixed id. */
  part: string;
  fixedId?: string;
  suffix?: string;
  parent: Node | null; // null: directly under the document
  document: DocumentId;
  kind?: LabelKind;
  /** Column of the label; text starting left of it after a child is the parent's again. */
  labelIndent?: number;
  /** Indentation of the label block's later lines (hanging indent of list items). */
  contIndent?: number;
  segments: string[][];
  childrenAtLastAppend: number;
  children: Node[];
  title?: string;
}

function nodeId(n: Node): string {
  if (n.fixedId) return n.fixedId;
  const base = n.parent ? nodeId(n.parent) : n.document;
  return base + n.part + (n.suffix ? "-" + n.suffix : "");
}

function appendText(n: Node, text: string): void {
  if (text === "") return;
  if (n.segments.length === 0 || n.children.length > n.childrenAtLastAppend) n.segments.push([]);
  n.segments[n.segments.length - 1].push(text);
  n.childrenAtLastAppend = n.children.length;
}

function nodeText(n: Node): string {
  return n.segments.map((s) => s.join(" ")).join(TRAILING_MARKER);
}

interface Level {
  kind: LabelKind;
  ord: number;
  node: Node;
}

function idPart(
  kind: LabelKind,
  label: LabelToken,
  parent: Node | null,
  sectionRoot: Node | null
): string {
  if (kind === "lower" || kind === "roman" || kind === "upper") return label.token;
  // "SA 21", "SA Financing Statement Exhibit A 1" under a root; "LMA I.A", "LMA I.A.1" below it.
  return parent === sectionRoot ? " " + label.value : "." + label.value;
}

function parseSection(spec: SectionSpec, lines: Line[], out: Node[]): void {
  const front: Node = {
    part: "",
    fixedId: spec.frontId,
    parent: null,
    document: spec.document,
    segments: [],
    childrenAtLastAppend: 0,
    children: [],
  };
  out.push(front);
  // Numbered paragraphs of a body hang from the document; an exhibit's items hang from the exhibit.
  const sectionRoot: Node | null = spec.kind === "exhibit" ? front : null;
  const stack: Level[] = [];
  let target: Node = front;

  // Merge the halves of paragraphs split by page breaks before looking at structure.
  const blocks: Block[] = [];
  for (const b of splitBlocks(lines)) {
    const prev = blocks[blocks.length - 1];
    if (prev && leadingLabels(b.lines[0]).labels.length === 0 && !endsParagraph(prev)) {
      prev.lines.push(...b.lines);
    } else {
      blocks.push({ lines: [...b.lines] });
    }
  }

  let prevText = "";
  for (const block of blocks) {
    const first = block.lines[0];
    const leading = leadingLabels(first);
    const rest = leading.rest;
    let labels = leading.labels;
    const blockText = reflow(block.lines.map((l) => l.text));

    // An amendment that quotes the replacement section ("...substituting the following section (i):")
    // prints the quoted section's own label; it is part of the amending paragraph, not a new one.
    if (labels.length > 0) {
      const quoted = new RegExp(
        "section\\s+" + labels[0].token.replace(/[().]/g, "\\$&") + "\\s*:$",
        "i"
      );
      if (quoted.test(prevText)) labels = [];
    }

    if (labels.length === 0) {
      // Unlabelled text after a child belongs to the child (a quoted formula, an address, a second
      // paragraph) unless it is printed left of it. Two layouts need two tests: the SEP prints
      // continuation lines flush left, so its trailing text is told by a first line left of the
      // child's label ("Upon the giving of notice..." after 4(a)(iii)); the LMA and the exhibit use
      // hanging indents, so their trailing text is told by lines left of the child's hanging indent
      // ("In connection with the foregoing..." after II.A(iv)).
      const minIndent = Math.min(...block.lines.map((l) => l.indent));
      const leavesTarget =
        target.labelIndent !== undefined &&
        (first.indent < target.labelIndent ||
          (target.contIndent !== undefined && minIndent < target.contIndent));
      if (leavesTarget) {
        if (!target.parent) {
          throw new Error(
            `line ${first.lineNo}: text after top-level paragraph ${nodeId(target)} has nowhere to go`
          );
        }
        target = target.parent;
      }
      appendText(target, blockText);
      prevText = blockText;
      continue;
    }

    for (let k = 0; k < labels.length; k++) {
      const label = labels[k];
      const node = placeLabel(spec, label, stack, sectionRoot, first.lineNo);
      node.labelIndent = label.column;
      if (k === labels.length - 1) {
        const later = block.lines.slice(1);
        if (later.length) node.contIndent = Math.min(...later.map((l) => l.indent));
        appendText(node, reflow([rest, ...later.map((l) => l.text)]));
      }
      out.push(node);
      target = node;
    }
    prevText = blockText;
  }
}

/** Finds where a label belongs by the sequence: the next sibling of an open level, else a first child. */
function placeLabel(
  spec: SectionSpec,
  label: LabelToken,
  stack: Level[],
  sectionRoot: Node | null,
  lineNo: number
): Node {
  const make = (kind: LabelKind, parent: Node | null): Node => ({
    part: idPart(kind, label, parent, sectionRoot),
    parent,
    document: spec.document,
    kind,
    segments: [],
    childrenAtLastAppend: 0,
    children: [],
  });
  const attach = (node: Node): Node => {
    node.parent?.children.push(node);
    return node;
  };

  // Deepest open level first: "(iv)" after "(iii)(C)" closes the (A)-(C) level and continues the
  // roman one; "(i)" after FA 1(h) continues the letters rather than opening roman numerals.
  for (let depth = stack.length - 1; depth >= 0; depth--) {
    const level = stack[depth];
    for (const c of label.candidates) {
      if (c.kind !== level.kind) continue;
      const candidate = make(c.kind, level.node.parent);
      const id = nodeId(candidate);
      const next = c.ord === level.ord + 1 || (c.ord === level.ord + 2 && KNOWN_GAPS.has(id));
      const repeat =
        c.ord === level.ord && DUPLICATE_LABELS[id] !== undefined && !level.node.suffix;
      if (!next && !repeat) continue;
      if (repeat) [level.node.suffix, candidate.suffix] = DUPLICATE_LABELS[id];
      stack.length = depth;
      stack.push({ kind: c.kind, ord: c.ord, node: candidate });
      return attach(candidate);
    }
  }

  const starts = label.candidates.filter((c) => c.ord === 1);
  if (starts.length === 0) {
    const open = stack.map((l) => nodeId(l.node)).join(" > ") || "(none)";
    throw new Error(
      `line ${lineNo}: label ${label.token} continues no open sequence (open: ${open})`
    );
  }
  // "(i)" / "I." starting a new level are numerals, not the ninth letter.
  const start = starts.find((c) => c.kind === "roman" || c.kind === "ROMAN") ?? starts[0];
  const parent = stack.length ? stack[stack.length - 1].node : sectionRoot;
  const node = attach(make(start.kind, parent));
  stack.push({ kind: start.kind, ord: 1, node });
  return node;
}

// ---------------------------------------------------------------------------------------------
// Titles
// ---------------------------------------------------------------------------------------------

/**
 * Printed headings: SEP's capitals ("BY YOU OTHER THAN FOR GOOD REASON."), the LMA's run-in
 * headings ("Ratification."), and heading-only paragraphs ("BACKGROUND").
 */
function printedHeading(
  document: DocumentId,
  kind: LabelKind | undefined,
  text: string
): string | undefined {
  const caps = text.match(/^([A-Z][A-Z0-9 ,'&-]*[A-Z])\.(?:\s|$)/);
  if (caps && caps[1].length > 1) return caps[1];
  if (/^[A-Z][A-Z ,'&-]+[A-Z]$/.test(text)) return text;
  if (document === "LMA" && kind === "UPPER") {
    const runIn = text.match(/^([A-Z][A-Za-z ,]{2,60}?)\.\s/);
    if (runIn) return runIn[1];
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Entry points
// ---------------------------------------------------------------------------------------------

function sectionLines(spec: SectionSpec, raw: string[]): Line[] {
  const startIdx = raw.findIndex((l) => spec.start.test(l.trim()));
  if (startIdx < 0) throw new Error(`start of ${spec.frontId} not found`);
  let endIdx = raw.length;
  if (spec.end) {
    const rel = raw.slice(startIdx + 1).findIndex((l) => spec.end!.test(l.trim()));
    if (rel < 0) throw new Error(`end of ${spec.frontId} not found`);
    endIdx = startIdx + 1 + rel;
  }
  let bodyIdx = startIdx;
  for (let seen = 0; seen < spec.headingLines; bodyIdx++) if (raw[bodyIdx].trim() !== "") seen++;
  return toLines(raw.slice(bodyIdx, endIdx), bodyIdx + 1);
}

export function parseClauses(sepText: string, loanText: string): Clause[] {
  const files = {
    sep: sepText.replace(/\r\n?/g, "\n").split("\n"),
    loan: loanText.replace(/\r\n?/g, "\n").split("\n"),
  };
  const nodes: Node[] = [];
  for (const spec of SECTIONS) parseSection(spec, sectionLines(spec, files[spec.file]), nodes);

  const clauses: Clause[] = nodes.map((n) => {
    const id = nodeId(n);
    const text = nodeText(n);
    const title = TITLES[id] ?? printedHeading(n.document, n.kind, text);
    if (!title) throw new Error(`no title for ${id}: add one to TITLES`);
    return { id, document: n.document, parent: n.parent ? nodeId(n.parent) : null, title, text };
  });

  const seen = new Set<string>();
  for (const c of clauses) {
    if (seen.has(c.id)) throw new Error(`duplicate clause id ${c.id}`);
    seen.add(c.id);
  }
  const unused = Object.keys(TITLES).filter((id) => !seen.has(id));
  if (unused.length)
    throw new Error(`TITLES names clauses that were not found: ${unused.join(", ")}`);
  return clauses;
}

export function renderClausesJson(clauses: readonly Clause[]): string {
  return JSON.stringify(clauses, null, 2) + "\n";
}

export const CLAUSES_DIR = path.join(__dirname, "..", "src", "core", "clauses");

export function readSources(): { sepText: string; loanText: string } {
  return {
    sepText: fs.readFileSync(
      path.join(CLAUSES_DIR, "text", "separation-agreement-2003.txt"),
      "utf8"
    ),
    loanText: fs.readFileSync(path.join(CLAUSES_DIR, "text", "loan-amendment-2004.txt"), "utf8"),
  };
}

if (require.main === module) {
  const { sepText, loanText } = readSources();
  const clauses = parseClauses(sepText, loanText);
  const outFile = path.join(CLAUSES_DIR, "clauses.json");
  fs.writeFileSync(outFile, renderClausesJson(clauses));
  console.log(`wrote ${clauses.length} clauses to ${path.relative(process.cwd(), outFile)}`);
}
