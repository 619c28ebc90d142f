/**
 * What the catalogue and Excel's functions may import. The taskpane shares functions.js's modules
 * (webpack `dependOn`), so every module the functions reach ships in what Excel loads for them:
 * the catalogue must not pull in the audit, the headless engine or the pane, and the functions
 * must name the catalogue's modules they need rather than its index, which reaches all of them.
 */
import * as path from "path";
import * as ts from "typescript";
import { parseFile, parseText, tsFiles } from "../core/source";

/** The modules a file imports code from (type-only imports left out), as paths from the root. */
function codeImports(relative: string, source = parseFile(relative)): string[] {
  const found: string[] = [];
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) continue;
    if (!statement.moduleSpecifier || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      if (clause?.isTypeOnly) continue;
      const bindings = clause?.namedBindings;
      const allTypes =
        clause &&
        !clause.name &&
        bindings &&
        ts.isNamedImports(bindings) &&
        bindings.elements.every((element) => element.isTypeOnly);
      if (allTypes) continue;
    } else if (statement.isTypeOnly) continue;
    const specifier = statement.moduleSpecifier.text;
    found.push(
      specifier.startsWith(".")
        ? path.posix.join(path.posix.dirname(relative), specifier)
        : `npm:${specifier}`
    );
  }
  return found;
}

describe("the layers Excel's functions.js is built from", () => {
  it("reads import and export statements as the bundler does: type-only ones are not code", () => {
    const source = parseText(
      [
        'import * as native from "../../audit/native";',
        'import type { NativeBuilder } from "../audit/native";',
        'import { type Args } from "../audit/native";',
        'export * from "./tokens";',
        'import { ical } from "ical-generator";',
      ].join("\n"),
      "src/catalogue/functions/x.ts"
    );
    expect(codeImports("src/catalogue/functions/x.ts", source)).toEqual([
      "src/audit/native",
      "src/catalogue/functions/tokens",
      "npm:ical-generator",
    ]);
  });

  it("the catalogue imports code from the core and itself only (its definitions are handed the native formula writers)", () => {
    const outside = tsFiles("src/catalogue").flatMap((file) =>
      codeImports(file)
        .filter((target) => !target.startsWith("npm:"))
        .filter((target) => !/^src\/(core|catalogue)(\/|$)/.test(target))
        .map((target) => `${file} imports ${target}`)
    );
    expect(outside).toEqual([]);
  });

  it("Excel's functions import the catalogue's modules by name, not its index", () => {
    const viaIndex = tsFiles("src/functions").flatMap((file) =>
      codeImports(file)
        .filter((target) => target === "src/catalogue" || target === "src/catalogue/index")
        .map((target) => `${file} imports ${target}`)
    );
    expect(viaIndex).toEqual([]);
  });
});
