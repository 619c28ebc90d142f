/**
 * Each keyword parameter's `choices` (shown by the formula builder and in error help) must be exactly
 * what the core accepts: checked against the "use one of …" list of the core's own error.
 */
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
};

const keywordParams = CATALOGUE.flatMap((spec) => spec.params.map((param, index) => ({ spec, param, index })).filter(({ param }) => param.kind === "keyword"));

describe("keyword choices", () => {
  it.each(keywordParams.map(({ spec, param, index }) => [`${spec.name}.${param.name}`, spec.name, param.name, index] as const))(
    "%s lists exactly the keywords the core accepts",
    (_label, name, _param, index) => {
      const probe = PROBES[name];
      expect(probe).toBeDefined();
      const result = evaluate(name, probe("not-a-keyword", index) as never).result;
      if (result.ok) throw new Error("an unknown keyword must be refused");
      const listed = [...(/use one of (.*)\.$/.exec(result.message)?.[1] ?? "").matchAll(/"([^"]+)"/g)].map((m) => m[1]);
      expect(CATALOGUE.find((spec) => spec.name === name)!.params[index].choices?.map((choice) => choice.value)).toEqual(listed);
    },
  );
});
