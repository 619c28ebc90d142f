import { invalid } from "./outcome";

/** Keywords ignore case, spaces, hyphens and a leading "SEP"/"SA" document prefix. */
function normalize(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/^(sep|sa|fa|lma)\s+/, "")
    .replace(/[\s-]+/g, "_");
}

/**
 * Reads a keyword argument. `choices` maps each keyword to its synonyms (typically the clause id, as
 * in "4(c)" for "voluntary"); blank input takes `fallback`, and without one it is an error.
 */
export function parseKeyword<K extends string>(
  input: string | undefined,
  choices: Record<K, readonly string[]>,
  fallback: K | undefined,
  clause: string,
  argument: string
): K {
  const keys = Object.keys(choices) as K[];
  if (input === undefined || input.trim() === "") {
    if (fallback !== undefined) return fallback;
    invalid(clause, `${argument} is required: use one of ${keys.map((k) => `"${k}"`).join(", ")}.`);
  }
  const wanted = normalize(input);
  const match = keys.find(
    (key) =>
      normalize(key) === wanted || choices[key].some((synonym) => normalize(synonym) === wanted)
  );
  if (match === undefined) {
    invalid(
      clause,
      `unknown ${argument} "${input}": use one of ${keys.map((k) => `"${k}"`).join(", ")}.`
    );
  }
  return match;
}
