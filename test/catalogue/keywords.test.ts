/**
 * Each keyword parameter's `choices` (shown by the formula builder and in error help) must be exactly
 * what the core accepts: checked against the "use one of …" list of the core's own error.
 */
import fc from "fast-check";
import { CATALOGUE, evaluate } from "../../src/catalogue";

/** Arguments that reach each function's keyword check (dates inside the agreements, plain amounts). */
const PROBES: Record<string, (keyword: string, index: number) => unknown[]> = {
  CONSULTING_LUMP: (k, i) => (i === 1 ? [38442, k] : [38442, "voluntary", k]),
  CHAIRMAN_LUMP: (k, i) => (i === 1 ? [38442, k] : [38442, "voluntary", k]),
  REMAINING_FEES: (k) => [38442, k],
  FEES_EARNED: (k) => [38442, 38442, k],
  FEE_SCHEDULE: (k) => [k],
  TERMINATION_DATE: (k, i) => (i === 1 ? [38442, k] : [38442, "board", k]),
  OPTION_EXPIRY: (k) => [38442, k],
  SPLIT_DOLLAR_BUYOUT: (k) => [100000, 10, k],
  MIN_TNW: (k) => [38442, [[2004]], [[1000]], k],
  TNW_HEADROOM: (k) => [20000000, 38442, [[2004]], [[1000]], k],
  TNW_LEDGER: (k) => [[[2004]], [[1000]], k],
  NOTICE_EFFECTIVE: (k) => [38442, k],
  EVENT_DEADLINES: (k) => [k, 38442],
  COMPLIANCE: (k) => [39082, 11500000, [[2004]], [[1000]], 290000, 21000000, null, k],
};

const keywordParams = CATALOGUE.flatMap((spec) =>
  spec.params
    .map((param, index) => ({ spec, param, index }))
    .filter(({ param }) => param.kind === "keyword")
);

describe("keyword choices", () => {
  it.each(
    keywordParams.map(
      ({ spec, param, index }) =>
        [`${spec.name}.${param.name}`, spec.name, param.name, index] as const
    )
  )("%s lists exactly the keywords the core accepts", (_label, name, _param, index) => {
    const probe = PROBES[name];
    expect(probe).toBeDefined();
    const result = evaluate(name, probe("not-a-keyword", index) as never).result;
    if (result.ok) throw new Error("an unknown keyword must be refused");
    const listed = [
      ...(/use one of (.*)\.$/.exec(result.message)?.[1] ?? "").matchAll(/"([^"]+)"/g),
    ].map((m) => m[1]);
    expect(
      CATALOGUE.find((spec) => spec.name === name)!.params[index].choices?.map(
        (choice) => choice.value
      )
    ).toEqual(listed);
  });
});

describe("any text a user types for a keyword", () => {
  // The core only ever sees its own words: reading what was typed (case, clause ids, junk) is the
  // catalogue's, so the property that junk never throws and never computes lives here.
  it.each(
    keywordParams.map(
      ({ spec, param, index }) => [`${spec.name}.${param.name}`, spec.name, index, param] as const
    )
  )("%s: a keyword, or #VALUE! naming a clause", (_label, name, index, param) => {
    const keys = param.choices!.map((choice) => choice.value);
    const typed = fc.oneof(
      fc.constantFrom(...keys),
      fc.constantFrom(...keys).map((k) => ` ${k.toUpperCase()} `),
      fc.string({ maxLength: 12 })
    );
    fc.assert(
      fc.property(typed, (text) => {
        const result = evaluate(name, PROBES[name](text, index) as never).result;
        if (!result.ok) {
          expect(result.code).toBe("#VALUE!");
          // An event keyword spans both agreements: its message names the function instead.
          expect(result.message).toMatch(/^((SEP|FA|SA|LMA|ALLONGE) |BTU\.EVENT_DEADLINES: )/);
        }
      }),
      { numRuns: 60, seed: 9 }
    );
  });
});
