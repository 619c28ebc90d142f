/** Parameter names as a reader says them; DOM-free, so the workbook writers can use it too. */

/** Words a parameter name abbreviates, as a reader says them. */
const WORDS: Record<string, string> = {
  lc: "letters of credit",
  tnw: "tangible net worth",
  pv: "present value",
};

/** "termination_date" → "Termination date": the label a reader sees, the name itself beside it in code style. */
export function humanLabel(name: string): string {
  const words = name
    .split("_")
    .map((word) => WORDS[word] ?? word)
    .join(" ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}
