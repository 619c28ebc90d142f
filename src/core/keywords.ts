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
  if (input !== undefined && Object.prototype.hasOwnProperty.call(choices, input))
    return input as K;
  const keys = Object.keys(choices) as K[];
  if (input === undefined || input.trim() === "") {
    if (fallback !== undefined) return fallback;
    invalid(clause, `${argument} is required: use one of ${keys.map((k) => `"${k}"`).join(", ")}.`);
  }
  const match = readerOf(choices).get(normalize(input));
  if (match === undefined) {
    invalid(
      clause,
      `unknown ${argument} "${input}": use one of ${keys.map((k) => `"${k}"`).join(", ")}.`
    );
  }
  return match;
}

/** Each table's words and synonyms, normalized once: a keyword is read on every call of a sheet's cells. */
const readers = new WeakMap<object, Map<string, string>>();

function readerOf<K extends string>(choices: Record<K, readonly string[]>): Map<string, K> {
  let reader = readers.get(choices) as Map<string, K> | undefined;
  if (!reader) {
    reader = new Map();
    for (const key of Object.keys(choices) as K[]) {
      for (const word of [key, ...choices[key]])
        if (!reader.has(normalize(word))) reader.set(normalize(word), key);
    }
    readers.set(choices, reader);
  }
  return reader;
}
