/**
 * Reads the project's TypeScript through the compiler's parser, so the scans in these tests see
 * code only: comments are trivia the parser skips, and string literals are their own nodes.
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

export const ROOT = path.join(__dirname, "..", "..");

/** Every .ts file under `dir` (relative to the project root), minus paths matching `skip`. */
export function tsFiles(dir: string, skip: RegExp = /$^/): string[] {
  const found: string[] = [];
  const walk = (relative: string): void => {
    for (const entry of fs.readdirSync(path.join(ROOT, relative), { withFileTypes: true })) {
      const child = path.posix.join(relative, entry.name);
      if (skip.test(child)) continue;
      if (entry.isDirectory()) walk(child);
      else if (entry.name.endsWith(".ts")) found.push(child);
    }
  };
  walk(dir);
  return found.sort();
}

export function parseFile(relative: string): ts.SourceFile {
  return parseText(fs.readFileSync(path.join(ROOT, relative), "utf8"), relative);
}

export function parseText(text: string, fileName = "source.ts"): ts.SourceFile {
  return ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2020, true);
}

/** A node found by a scan, with where it is for the failure message. */
export interface Found {
  file: string;
  line: number;
  text: string;
}

function where(node: ts.Node): Found {
  const source = node.getSourceFile();
  return {
    file: source.fileName,
    line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1,
    text: node.getText(),
  };
}

/**
 * A definition's worked examples (`examples: [...]`) hold the figures TERMS.md states as inputs and
 * results: expected values, not figures a calculation uses, so the figure scans do not enter them.
 */
function isWorkedExamples(node: ts.Node): boolean {
  return ts.isPropertyAssignment(node) && node.name.getText() === "examples";
}

/** The agreement's own words, `quoted(clause, text)`: test/core/quotes.test.ts checks each against the clause text. */
export function isQuote(node: ts.Node): node is ts.CallExpression {
  return ts.isCallExpression(node) && node.expression.getText() === "quoted";
}

function collect(source: ts.SourceFile, keep: (node: ts.Node) => boolean): ts.Node[] {
  const nodes: ts.Node[] = [];
  const visit = (node: ts.Node): void => {
    if (isWorkedExamples(node) || isQuote(node)) return;
    if (keep(node)) nodes.push(node);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return nodes;
}

/** Whole string literals ("…", '…', and `…` without substitutions), with their values. */
export function stringLiterals(source: ts.SourceFile): (Found & { value: string })[] {
  return collect(source, (n) => ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)).map(
    (n) => ({ ...where(n), value: (n as ts.StringLiteralLike).text })
  );
}

/** The text of every string and template piece (the literal parts between substitutions). */
export function textPieces(source: ts.SourceFile): (Found & { value: string })[] {
  const isPiece = (n: ts.Node) =>
    ts.isStringLiteral(n) ||
    ts.isNoSubstitutionTemplateLiteral(n) ||
    ts.isTemplateHead(n) ||
    ts.isTemplateMiddle(n) ||
    ts.isTemplateTail(n);
  return collect(source, isPiece).map((n) => ({
    ...where(n),
    value: (n as ts.LiteralLikeNode).text,
  }));
}

/** Numeric and BigInt literals, with the number each one denotes. */
export function numericLiterals(source: ts.SourceFile): (Found & { value: number })[] {
  return collect(source, (n) => ts.isNumericLiteral(n) || ts.isBigIntLiteral(n)).map((n) => {
    const text = (n as ts.LiteralExpression).text.replace(/_/g, "").replace(/n$/, "");
    return { ...where(n), value: Number(text) };
  });
}

/** Identifiers in code, including property names (`x.toLocaleString`) and type names (`: Date`). */
export function identifiers(source: ts.SourceFile): (Found & { name: string })[] {
  return collect(source, (n) => ts.isIdentifier(n)).map((n) => ({
    ...where(n),
    name: (n as ts.Identifier).text,
  }));
}

export const describeFound = (found: readonly Found[]): string[] =>
  found.map((f) => `${f.file}:${f.line} ${f.text}`);
