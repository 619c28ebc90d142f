// ESLint as Office add-ins lint: eslint-plugin-office-addins' recommended rules (Office.js load/sync
// patterns, Prettier) with typescript-eslint's recommended rules for TypeScript.
import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";
import globals from "globals";

// The Office plugin bundles its own typescript-eslint; ESLint allows one "@typescript-eslint" plugin
// object, so its configs are pointed at the project's (the same rules, a newer release).
const office = officeAddins.configs.recommended.map((config) =>
  config.plugins?.["@typescript-eslint"]
    ? { ...config, plugins: { ...config.plugins, "@typescript-eslint": tseslint.plugin } }
    : config
);

export default [
  { ignores: ["dist/**", "node_modules/**", ".tmp/**", "coverage/**", "test-output/**"] },
  ...office,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parser: tseslint.parser,
      ecmaVersion: 2022,
      sourceType: "module",
      globals: {
        ...globals.browser,
        ...globals.node,
        Office: "readonly",
        Excel: "readonly",
        CustomFunctions: "readonly",
      },
    },
  },
  {
    files: ["**/*.js"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  { files: ["test/**"], languageOptions: { globals: globals.jest } },
];
