/** Formula text as Excel stores it, turned into text HyperFormula parses the same way. */
import { FormulaTextError, displayFunctionName, tokenize } from "../catalogue";

/**
 * Excel's stored prefixes go (`_xldudf_`, `_xlfn.`, `_xlws.`), and the constants TRUE and FALSE,
 * which HyperFormula knows only as functions, become TRUE() and FALSE(). Text the tokenizer cannot
 * read is passed on as it is, for HyperFormula to report.
 */
export function toEngineFormula(stored: string): string {
  const text = stored.trim().replace(/^=/, "");
  try {
    const converted = tokenize(text)
      .map((token) => (token.type === "function" ? displayFunctionName(token.text) : token.type === "bool" ? `${token.text}()` : token.text))
      .join("");
    return `=${converted}`;
  } catch (error) {
    if (error instanceof FormulaTextError) return `=${text}`;
    throw error;
  }
}
