import js from "@eslint/js";
import pluginQuery from "@tanstack/eslint-plugin-query";
import { createNodeResolver, importX } from "eslint-plugin-import-x";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import reactRefresh from "eslint-plugin-react-refresh";
import globals from "globals";
import tseslint from "typescript-eslint";

const features = ["drafts", "jobs", "player", "settings", "timeline"];

// Full zod compiles object parsers with `new Function` and probes for it, which the studio's
// CSP reports; it also costs 25 KB gzip. Browser code and the contract use zod/mini.
const fullZod = ["zod", "zod/v4", "zod/v3"].map((name) => ({
  name,
  message:
    'Use zod/mini (`import * as z from "zod/mini"`): full zod evals under the CSP and is 25 KB.',
}));

export default tseslint.config(
  { ignores: ["dist", "build", "coverage", "playwright-report", "test-results", ".data"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { "import-x": importX },
    settings: {
      "import-x/resolver-next": [
        createNodeResolver({ extensions: [".ts", ".tsx", ".js", ".json"] }),
      ],
    },
    rules: {
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "import-x/no-restricted-paths": [
        "error",
        {
          zones: [
            // The contract is the one module both runtimes share: it stays pure.
            {
              target: "./src/contract",
              from: ["./src", "./server"],
              // Tests share generators from src/test; the contract's own tsconfig (no DOM,
              // no Node) keeps non-test contract code from reaching them.
              except: ["./contract", "./test"],
              message: "src/contract is pure: it imports nothing from the studio or the engine.",
            },
            // The engine reaches into src/ only through the contract.
            {
              target: "./server",
              from: "./src",
              except: ["./contract"],
              message: "server/ imports nothing from src/ but src/contract.",
            },
            // Features do not import each other; shared code lives in src/lib or src/components.
            ...features.map((feature) => ({
              target: `./src/features/${feature}`,
              from: "./src/features",
              except: [`./${feature}`],
              message: "Features do not import each other: move what they share to src/lib.",
            })),
            {
              target: "./src/features",
              from: "./src/app",
              message: "The app shell composes features; features do not import it.",
            },
            // Shared code does not depend on features or on the app shell.
            {
              target: ["./src/lib", "./src/components", "./src/api"],
              from: ["./src/features", "./src/app"],
              message: "src/lib, src/components and src/api are shared: they import no feature.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    languageOptions: { globals: globals.browser },
    plugins: {
      "react-hooks": reactHooks,
      "react-refresh": reactRefresh,
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "react-refresh/only-export-components": ["error", { allowConstantExport: true }],
      "no-restricted-imports": ["error", { paths: fullZod }],
    },
  },
  ...pluginQuery.configs["flat/recommended"],
  { ...jsxA11y.flatConfigs.recommended, files: ["src/**/*.tsx"] },
  {
    files: ["src/contract/**/*.ts"],
    languageOptions: { globals: {} },
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: fullZod,
          patterns: [
            { group: ["node:*"], message: "src/contract runs in the browser too: no Node APIs." },
            {
              group: ["react", "react-*", "@tanstack/*", "zustand"],
              message: "src/contract is framework-free.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["server/**/*.ts", "e2e/**/*.ts", "bench/**/*.ts", "scripts/**/*.ts", "*.{js,ts}"],
    languageOptions: { globals: globals.node },
  },
  {
    // The UI kit in src/components is the one place for these raw elements: every feature's
    // buttons, keys, dialogs and alerts look and behave alike because they come from it.
    files: ["src/app/**/*.tsx", "src/features/**/*.tsx"],
    ignores: ["**/*.test.tsx"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "JSXOpeningElement[name.name='button']",
          message:
            "Use the kit (src/components): Button, IconButton, MenuItem or SeekMarker, not <button>.",
        },
        {
          selector: "JSXOpeningElement[name.name='kbd']",
          message: "Use <Kbd> from src/components/kbd.",
        },
        {
          selector: "JSXOpeningElement[name.name='dialog']",
          message: "Use <Dialog> from src/components/dialog: it handles focus and Escape.",
        },
        {
          selector: "JSXAttribute[name.name='role'][value.value='alert']",
          message: "Use <Alert> from src/components/alert (layout inline, floating or overlay).",
        },
      ],
    },
  },
  {
    files: ["**/*.test.{ts,tsx}"],
    rules: { "react-refresh/only-export-components": "off" },
  },
);
