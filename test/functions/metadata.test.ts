/**
 * functions.json as Excel will read it, generated from src/functions/functions.ts by the same
 * library the build uses: no errors (its CLI would exit 0 anyway), and exactly the catalogue.
 */
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { CATALOGUE, FunctionDefinition, ParamKind } from "../../src/catalogue";
import type { FunctionMetadata } from "../../scripts/function-reference";

const SOURCE = path.join(__dirname, "..", "..", "src", "functions", "functions.ts");

let errors: string[];
let functions: FunctionMetadata[];

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(SOURCE);
  errors = result.errors;
  functions = (JSON.parse(result.metadataJson) as { functions: FunctionMetadata[] }).functions;
});

const metadataOf = (name: string) => functions.find((f) => f.id === name)!;

/** Scalars Excel coerces for us; ranges stay untyped so text in them reaches the catalogue's checks. */
const EXPECTED_TYPE: Record<ParamKind, { type: string; dimensionality?: string }> = {
  date: { type: "number" },
  price: { type: "number" },
  fraction: { type: "number" },
  number: { type: "number" },
  keyword: { type: "string" },
  text: { type: "string" },
  money: { type: "any", dimensionality: "matrix" },
  column: { type: "any", dimensionality: "matrix" },
  flags: { type: "any", dimensionality: "matrix" },
  dates: { type: "any", dimensionality: "matrix" },
};

const EXPECTED_RESULT: Record<
  FunctionDefinition["result"],
  { type?: string; dimensionality?: string }
> = {
  // Untyped ("any"), so that a host with formatted number values gets "$#,##0.00" or a date format.
  money: {},
  date: {},
  number: { type: "number" },
  text: { type: "string" },
  boolean: { type: "boolean" },
  rows: { dimensionality: "matrix" },
};

/** Clause ids as printed in a description: "SEP 4(c)(i)", "FA 1(h)", "LMA I.A", "ALLONGE 1". */
const CITED = /\b(?:SEP|FA|SA|LMA|ALLONGE) (?:\d+|[IVX]+\.[A-Z])(?:\([0-9a-z]+\))*/g;

test("keyword parameters are custom enums whose values are the keywords, each with a tooltip", async () => {
  const { metadataJson } = await generateCustomFunctionsMetadata(SOURCE);
  const enums = (
    JSON.parse(metadataJson) as {
      enums: { id: string; values: { stringValue: string; tooltip: string }[] }[];
    }
  ).enums;
  for (const spec of CATALOGUE) {
    spec.params.forEach((param, i) => {
      if (param.kind !== "keyword") return;
      const listed = metadataOf(spec.name).parameters[i] as { customEnumId?: string };
      expect(listed.customEnumId).toBe(param.enumName);
      const values = enums.find((e) => e.id === param.enumName)!.values;
      expect(values.map((v) => v.stringValue)).toEqual(param.choices!.map((c) => c.value));
      for (const value of values) expect(value.tooltip.length).toBeGreaterThan(5);
    });
  }
  // The termination types of SEP 4, in the agreement's order: (a) to (h).
  expect(enums.find((e) => e.id === "TerminationType")!.values.map((v) => v.stringValue)).toEqual([
    "cause",
    "board",
    "voluntary",
    "good_reason",
    "change_of_control",
    "not_elected",
    "death",
    "disability",
  ]);
});

test("custom-functions-metadata reports no errors", () => {
  expect(errors).toEqual([]);
});

test("functions.json lists exactly the catalogue, in its order", () => {
  expect(functions.map((f) => f.id)).toEqual(CATALOGUE.map((spec) => spec.name));
});

describe.each(CATALOGUE.map((spec) => [spec.name, spec] as const))("BTU.%s", (name, spec) => {
  test("has a namespace-less id and name equal to the catalogue name", () => {
    const meta = metadataOf(name);
    expect(meta.id).toBe(name);
    expect(meta.name).toBe(name);
    expect(meta.id).toMatch(/^[A-Z][A-Z0-9_]*$/);
  });

  test("takes the catalogue's parameters, in order, with the same optional flags", () => {
    const meta = metadataOf(name);
    expect(meta.parameters.map((p) => p.name)).toEqual(spec.params.map((p) => p.name));
    expect(meta.parameters.map((p) => p.optional === true)).toEqual(
      spec.params.map((p) => p.optional === true)
    );
  });

  test("types each parameter as Excel should pass it", () => {
    const meta = metadataOf(name);
    meta.parameters.forEach((param, i) => {
      const expected = EXPECTED_TYPE[spec.params[i].kind];
      expect({ name: param.name, type: param.type, dimensionality: param.dimensionality }).toEqual({
        name: param.name,
        ...expected,
      });
    });
    expect(meta.result).toEqual(EXPECTED_RESULT[spec.result]);
  });

  test("asks Excel for its address and its arguments' addresses (the pane explains what Excel passed)", () => {
    expect(metadataOf(name).options).toMatchObject({
      requiresAddress: true,
      requiresParameterAddresses: true,
    });
  });

  test("describes the function and every parameter, and links to its reference anchor", () => {
    const meta = metadataOf(name);
    expect(meta.description?.trim().length).toBeGreaterThan(20);
    for (const param of meta.parameters)
      expect(param.description?.trim().length).toBeGreaterThan(10);
    expect(meta.helpUrl).toBe(`https://localhost:3000/help/functions.html#${name.toLowerCase()}`);
  });

  if (spec.clauses.length) {
    test("cites in its description a clause the catalogue says it applies", () => {
      const cited = metadataOf(name).description?.match(CITED) ?? [];
      const related = cited.filter((id) =>
        spec.clauses.some((clause) => clause.startsWith(id) || id.startsWith(clause))
      );
      expect(related).not.toEqual([]);
    });
  }
});
