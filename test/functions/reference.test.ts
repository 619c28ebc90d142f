/**
 * The function reference shipped as help/functions.html: an anchor for every help URL, text
 * escaped, and worked examples that the functions really give (values from TERMS.md).
 */
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import {
  CATALOGUE,
  evaluate,
  exampleArguments,
  exampleFormula,
  findFunction,
} from "../../src/catalogue";
import { isoToSerial } from "../../src/core";
import { FunctionMetadata, buildFunctionReference } from "../../scripts/function-reference";

let functionsJson: string;

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(
    path.join(__dirname, "..", "..", "src", "functions", "functions.ts")
  );
  functionsJson = result.metadataJson;
});

const metadata = () => (JSON.parse(functionsJson) as { functions: FunctionMetadata[] }).functions;

test("every help URL of functions.json lands on an anchor of the page", () => {
  const { html } = buildFunctionReference(functionsJson);
  for (const fn of metadata()) {
    const anchor = new URL(fn.helpUrl!).hash.slice(1);
    expect(html).toContain(`id="${anchor}"`);
    expect(html).toContain(`<code>BTU.${fn.name}(`);
  }
});

test("each function lists the clauses the catalogue says it applies", () => {
  const { html } = buildFunctionReference(functionsJson);
  for (const spec of CATALOGUE) {
    const start = html.indexOf(`id="${spec.name.toLowerCase()}"`);
    const section = html.slice(start, html.indexOf("</section>", start));
    for (const clause of spec.clauses)
      expect(section).toContain(`<code>${clause.replace(/&/g, "&amp;")}</code>`);
  }
});

test("the page is static: no script, no remote resource", () => {
  const { html, css } = buildFunctionReference(functionsJson);
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i);
  expect(css).not.toMatch(/url\(|@import/i);
  expect(html).toContain(
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self'">`
  );
});

test("metadata text is escaped", () => {
  const hostile = metadata().map((fn, i) =>
    i === 0
      ? {
          ...fn,
          description: `<img src=x onerror=alert(1)> & "quotes"`,
          parameters: fn.parameters.map((p) => ({
            ...p,
            description: "</td><script>alert(2)</script>",
          })),
        }
      : fn
  );
  const { html } = buildFunctionReference(JSON.stringify({ functions: hostile }));
  expect(html).not.toContain("<img src=x");
  expect(html).not.toContain("<script>");
  expect(html).toContain("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;");
  expect(html).toContain("&lt;/td&gt;&lt;script&gt;alert(2)&lt;/script&gt;");
});

test("a catalogue function missing from functions.json stops the build", () => {
  const incomplete = metadata().filter((fn) => fn.id !== "BORROWING_BASE");
  expect(() => buildFunctionReference(JSON.stringify({ functions: incomplete }))).toThrow(
    /BORROWING_BASE/
  );
});

const EXAMPLES = CATALOGUE.flatMap((definition) =>
  definition.examples.map((example) => ({ definition, example }))
);

test("every function has a worked example, and every summary starts with a verb", () => {
  for (const definition of CATALOGUE) {
    expect(definition.examples.length).toBeGreaterThan(0);
    expect(definition.summary).toMatch(/^(Gives|Lists|Counts|Tests|Looks|Shows) /);
  }
});

describe.each(
  EXAMPLES.filter(({ example }) => example.cell !== undefined).map(
    ({ definition, example }) => [exampleFormula(definition, example), definition, example] as const
  )
)("%s", (_formula, definition, example) => {
  test(`gives ${example.shows}, as TERMS.md states or as worked by hand in the definition`, () => {
    const { result } = evaluate(definition.name, exampleArguments(example));
    const cell = example.cell!;
    if (typeof cell === "object" && "error" in cell)
      expect(result).toMatchObject({ ok: false, code: cell.error });
    else
      expect(result).toEqual({
        ok: true,
        value: typeof cell === "object" ? isoToSerial(cell.date) : cell,
      });
  });
});

test("the FEE_SCHEDULE example: 105 rows, first and last as TERMS.md states, total 816000.00", () => {
  const [example] = findFunction("FEE_SCHEDULE")!.examples;
  const { result } = evaluate("FEE_SCHEDULE", exampleArguments(example));
  const rows = (result as { value: number[][] }).value;
  expect(rows).toHaveLength(105);
  expect(rows[0]).toEqual([isoToSerial("2003-07-14"), 7803.28]);
  expect(rows[104]).toEqual([isoToSerial("2007-06-30"), 2794.52]);
  expect(rows.reduce((cents, [, amount]) => cents + Math.round(amount * 100), 0)).toBe(81600000);
});
