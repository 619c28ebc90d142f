/**
 * The function reference that the help URLs of functions.json point to: one static page with an
 * anchor per function, generated from functions.json itself (the metadata Excel shows, written
 * from the definitions) plus each definition's group, clauses, settings and worked examples. webpack.config.js calls
 * `buildFunctionReference` on every build, so dist/help/ always matches dist/functions.json.
 */
import {
  CATALOGUE,
  FunctionDefinition,
  GROUPS,
  ParamKind,
  SETTING_KEYS,
  exampleFormula,
} from "../src/catalogue";
import { TERMS, Term, formatMoney, Decimal } from "../src/core";
import { clauseById } from "../src/core/clauses";

/** The parts of functions.json the page uses (the schema of custom-functions-metadata). */
export interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters: {
    name: string;
    description?: string;
    type?: string;
    dimensionality?: string;
    optional?: boolean;
  }[];
  result?: { type?: string; dimensionality?: string };
  options?: Record<string, boolean>;
}

/** An identifier that may wrap after its underscores ("fiscal_ years"), never inside a word. */
function breakAtUnderscores(name: string): string {
  return escapeHtml(name).replace(/_/g, "_<wbr>");
}

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!
  );
}

/** The anchor of a function on the page: the id in lower case, as in its help URL. */
export function anchorOf(name: string): string {
  return name.toLowerCase();
}

const TAKES: Record<ParamKind, string> = {
  date: "a date",
  money: "dollars: a number or a range, summed",
  price: "dollars: one number",
  fraction: "a fraction from 0 to 1",
  column: "a range or an array",
  flags: "a range of TRUE/FALSE",
  dates: "a date or a range of dates",
  number: "a number",
  keyword: "a keyword",
  text: "text",
};

function returns(spec: FunctionDefinition): string {
  switch (spec.result) {
    case "money":
      return "An amount in dollars, rounded once to cents.";
    case "date":
      return "A date as a serial number: format the cell as a date.";
    case "number":
      return "A number.";
    case "text":
      return "Text.";
    case "boolean":
      return "TRUE or FALSE.";
    case "rows":
      return `A table of ${spec.spill?.columns ?? "several"} columns that spills into the cells below and to the right, with no header row.`;
  }
}

function signature(meta: FunctionMetadata): string {
  const params = meta.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ");
  return `BTU.${meta.name}(${params})`;
}

function argumentsTable(meta: FunctionMetadata, spec: FunctionDefinition): string {
  if (!meta.parameters.length) return `<p>No arguments.</p>`;
  const rows = meta.parameters.map((param, i) => {
    const kind = spec.params[i].kind;
    const optional = param.optional ? ` <span class="optional">optional</span>` : "";
    return `<tr><th scope="row"><code>${breakAtUnderscores(param.name)}</code>${optional}</th><td>${escapeHtml(TAKES[kind])}</td><td>${escapeHtml(param.description ?? "")}</td></tr>`;
  });
  return [
    `<table class="arguments">`,
    `<caption>Arguments</caption>`,
    `<thead><tr><th scope="col">Argument</th><th scope="col">Takes</th><th scope="col">Meaning</th></tr></thead>`,
    `<tbody>${rows.join("")}</tbody>`,
    `</table>`,
  ].join("");
}

function clauseList(spec: FunctionDefinition): string {
  if (!spec.clauses.length) return "";
  const items = spec.clauses.map((id) => {
    const title = clauseById(id)?.title;
    return `<li><code>${escapeHtml(id)}</code>${title ? ` ${escapeHtml(title)}` : ""}</li>`;
  });
  return `<h4>Clauses it applies</h4><ul class="clauses">${items.join("")}</ul>`;
}

function examples(spec: FunctionDefinition): string {
  const rows = spec.examples.map(
    (example) =>
      `<tr><td><code>${escapeHtml(exampleFormula(spec, example))}</code></td><td>${escapeHtml(example.shows)}</td></tr>`
  );
  return `<table class="examples"><caption>Worked examples</caption><thead><tr><th scope="col">Formula</th><th scope="col">Result</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

const SETTING_TEXT: Record<keyof typeof SETTING_KEYS, string> = {
  discountMethod: "the workbook's default discount method, used when method is blank",
  extraHolidays: "the workbook's extra holidays, added to every business-day count",
  watchShare: "the workbook's watch share, used when watch_share is blank",
};

function settingsNote(spec: FunctionDefinition): string {
  if (!spec.settings?.length) return "";
  return `<p class="settings"><strong>Workbook settings it reads</strong> ${escapeHtml(spec.settings.map((name) => SETTING_TEXT[name]).join("; "))} (set in the task pane).</p>`;
}

function termValue(term: Term, value: number | string | null): string {
  if (value === null) return "not stated in these documents";
  if (term.unit === "usd" && typeof value === "number") return formatMoney(new Decimal(value));
  return `${value}${term.unit === "usd" || term.unit === "date" || term.unit === "rate" || term.unit === "ratio" ? "" : ` ${term.unit}`}`;
}

function termTable(): string {
  const rows = TERMS.map((term) => {
    const [original, ...changes] = term.history;
    const value = changes.length
      ? `${changes.map((version) => `${termValue(term, version.value)} from ${version.from}`).join("; ")}; before: ${termValue(term, original.value)}`
      : termValue(term, original.value);
    return `<tr><th scope="row"><code>${escapeHtml(term.id)}</code></th><td>${escapeHtml(value)}</td><td><code>${escapeHtml(term.clause)}</code></td><td>${escapeHtml(term.description)}</td></tr>`;
  });
  return [
    `<table class="terms">`,
    `<caption>Term ids for <code>BTU.TERM</code> (rates as fractions, dates as ISO dates; <code>BTU.TERM</code> returns dates as serials)</caption>`,
    `<thead><tr><th scope="col">term_id</th><th scope="col">Value</th><th scope="col">Clause</th><th scope="col">What it is</th></tr></thead>`,
    `<tbody>${rows.join("")}</tbody>`,
    `</table>`,
  ].join("");
}

function section(meta: FunctionMetadata, spec: FunctionDefinition): string {
  const anchor = anchorOf(meta.id);
  return [
    `<section class="function" id="${escapeHtml(anchor)}" aria-labelledby="${escapeHtml(anchor)}-title">`,
    `<h3 id="${escapeHtml(anchor)}-title"><code>${escapeHtml(signature(meta))}</code></h3>`,
    `<p class="description">${escapeHtml(meta.description ?? "")}</p>`,
    argumentsTable(meta, spec),
    `<p class="returns"><strong>Returns</strong> ${escapeHtml(returns(spec))}</p>`,
    clauseList(spec),
    settingsNote(spec),
    examples(spec),
    spec.name === "TERM" ? termTable() : "",
    `</section>`,
  ].join("\n");
}

/** Pairs each catalogue function with its metadata; a missing or reordered entry stops the build. */
function pair(
  metadata: FunctionMetadata[]
): { meta: FunctionMetadata; spec: FunctionDefinition }[] {
  return CATALOGUE.map((spec) => {
    const meta = metadata.find((m) => m.id === spec.name);
    if (!meta)
      throw new Error(
        `functions.json has no ${spec.name}: every catalogue function needs a @customfunction in src/functions/functions.ts.`
      );
    const names = meta.parameters.map((p) => p.name).join(", ");
    const expected = spec.params.map((p) => p.name).join(", ");
    if (names !== expected)
      throw new Error(
        `functions.json gives ${spec.name}(${names}); the catalogue says (${expected}).`
      );
    return { meta, spec };
  });
}

const CONVENTIONS = [
  "Dates are Excel serial numbers (1900 date system): type DATE(2005,3,31) or refer to a cell holding a date; a fractional part is ignored.",
  "Money is computed in exact decimals and rounded once, at the end, to cents.",
  "Where an argument takes amounts, a range is accepted and its numbers are summed; empty cells count as 0, and text in such a range is an error rather than a silent 0.",
  'Keywords are case-insensitive, and the clause is accepted as a synonym ("voluntary" or "4(c)").',
  "A required argument left blank, a wrong type, a negative amount, an unknown keyword or a date outside the agreement gives #VALUE!; where the agreement gives no answer the result is #N/A. Point at the error to read a message that names the clause and says what to change.",
  "An error already in an input cell passes through unchanged.",
  "Two workbook settings, kept in the workbook by the task pane, change results: the default discount method of the termination payments, and extra holidays added to every business-day deadline. Each function below says which it reads.",
];

export interface FunctionReference {
  /** help/functions.html */
  html: string;
  /** help/help.css, a separate file so the page's Content-Security-Policy can forbid inline styles. */
  css: string;
}

export function buildFunctionReference(functionsJson: string): FunctionReference {
  const metadata = (JSON.parse(functionsJson) as { functions: FunctionMetadata[] }).functions;
  const pairs = pair(metadata);
  const body = GROUPS.map((group, index) => {
    const members = pairs.filter(({ spec }) => spec.group === group);
    if (!members.length) return "";
    const id = `group-${index + 1}`;
    return `<section class="group" aria-labelledby="${id}"><h2 id="${id}">${escapeHtml(group)}</h2>\n${members.map(({ meta, spec }) => section(meta, spec)).join("\n")}</section>`;
  });
  const contents = GROUPS.map((group) => {
    const members = pairs.filter(({ spec }) => spec.group === group);
    if (!members.length) return "";
    const links = members.map(
      ({ meta }) =>
        `<li><a href="#${escapeHtml(anchorOf(meta.id))}"><code>BTU.${escapeHtml(meta.name)}</code></a></li>`
    );
    return `<h2 class="toc-group">${escapeHtml(group)}</h2><ul>${links.join("")}</ul>`;
  });
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self'">
<title>BTU functions: reference</title>
<link rel="stylesheet" href="help.css">
</head>
<body>
<header>
<h1>BTU functions</h1>
<p>Excel functions for the 2003 separation agreement of BTU International with its former CEO and the 2004 loan documents with Sovereign Bank. Each function cites the clauses it applies; the task pane shows the explanation behind any cell.</p>
</header>
<nav aria-label="Functions">${contents.join("")}</nav>
<main>
<section class="conventions" aria-labelledby="conventions"><h2 id="conventions">How every function reads its arguments</h2><ul>${CONVENTIONS.map((c) => `<li>${escapeHtml(c)}</li>`).join("")}</ul></section>
${body.join("\n")}
</main>
<footer><p>Generated from functions.json, the same metadata Excel shows in its formula tooltips.</p></footer>
</body>
</html>
`;
  return { html, css: CSS };
}

const CSS = `:root { color-scheme: light; --ink: #1f1f1f; --muted: #5c5c5c; --line: #d6d6d6; --accent: #0f5c4d; --wash: #f3f7f6; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; display: grid; grid-template-columns: 19rem 1fr; grid-template-areas: "head head" "nav main" "foot foot"; }
header { grid-area: head; padding: 1.5rem 2rem 1rem; border-bottom: 4px solid var(--accent); background: var(--wash); }
header h1 { margin: 0 0 .25rem; font-size: 1.6rem; color: var(--accent); }
header p { margin: 0; max-width: 60rem; color: var(--muted); }
nav { grid-area: nav; padding: 1rem 1.25rem; border-right: 1px solid var(--line); font-size: .85rem; position: sticky; top: 0; align-self: start; max-height: 100vh; overflow: auto; }
nav .toc-group { font-size: .8rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); margin: 1rem 0 .25rem; }
nav ul { list-style: none; margin: 0; padding: 0; }
nav li { margin: .1rem 0; }
main { grid-area: main; padding: 1rem 2rem 2rem; min-width: 0; }
footer { grid-area: foot; padding: 1rem 2rem; border-top: 1px solid var(--line); color: var(--muted); font-size: .85rem; }
a { color: var(--accent); }
a:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
code { font-family: Consolas, "SF Mono", Menlo, monospace; font-size: .92em; }
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; padding-bottom: .25rem; border-bottom: 1px solid var(--line); }
.function { margin: 1.25rem 0 2rem; padding: 1rem 1.25rem; border: 1px solid var(--line); border-left: 4px solid var(--accent); border-radius: 4px; }
.function:target { background: var(--wash); }
.function h3 { margin: 0 0 .5rem; font-size: 1.05rem; overflow-wrap: anywhere; }
.function h4 { margin: 1rem 0 .25rem; font-size: .95rem; }
table { border-collapse: collapse; width: 100%; margin: .75rem 0; font-size: .9rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--line); }
thead th { background: var(--wash); font-weight: 600; }
tbody th { font-weight: normal; }
.optional { display: inline-block; margin-left: .35rem; padding: 0 .35rem; border-radius: 3px; background: #e8e8e8; color: var(--muted); font-size: .75rem; }
.clauses { margin: 0; padding-left: 1.25rem; }
.terms td:nth-child(3) { white-space: nowrap; }
.examples td { overflow-wrap: anywhere; font-variant-numeric: tabular-nums; }
.examples td:first-child { width: 60%; }
.arguments td, .terms td { overflow-wrap: anywhere; }
@media (max-width: 48rem) { body { display: block; } nav { position: static; max-height: none; border-right: 0; border-bottom: 1px solid var(--line); } }
`;
