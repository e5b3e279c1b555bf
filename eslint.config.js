// Type-aware linting, strict: the compiler's checks plus typescript-eslint's strictTypeChecked.
// Then what each folder may import (README, "Layout"), as import-path patterns per file group.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

/**
 * A relative path that climbs into core/, authoring/ or node/ other than through its entry
 * (`index.js`) or one of the `allowed` modules (a regex, without `.js`). The schemas' generated
 * types and standalone validators (core/generated/) are shapes, not internals: the service
 * validates CDS Hooks bodies with them.
 */
const pastEntry = (allowed) =>
  `^(\\.\\./)+(?!(core|authoring|node)/index\\.js$|core/generated/|(${allowed})\\.js$)(core|authoring|node)/`;

/**
 * What the CLI loads before any command, what `recommend` loads, and the impact worker thread:
 * tests/cli/startup.test.ts and recommend-prebuilt.test.ts pin that `recommend` does not load the
 * YAML checks (an entry point re-exports them: the whole core is 228 modules, recommend's 127),
 * and each impact worker would load the authoring toolkit whole. These files may import the
 * modules below, and no others, past an entry.
 */
const LEAN_FILES = [
  "src/cli/bin.ts",
  "src/cli/start.ts",
  "src/cli/main.ts",
  "src/cli/arguments.ts",
  "src/cli/diagnostics.ts",
  "src/cli/rule-options.ts",
  "src/cli/rule-folder.ts",
  "src/cli/plan-input.ts",
  "src/cli/commands/recommend.ts",
  "src/node/assessment-file.ts",
  "src/node/json-text.ts",
  "src/node/yaml-text.ts",
  "src/node/load-ruleset.ts",
  "src/node/prebuilt-pack.ts",
  "src/node/rule-files.ts",
  "src/node/impact-worker.ts",
];
const LEAN_MODULES = [
  "core/(errors|suggest|calendar)",
  "core/load/(types|check-ruleset|pack-layout)",
  "core/load/pack-json/(index|to-json|transfer)",
  "core/load/compile/deep-freeze",
  "core/run/engine",
  "core/present/render/(index|json)",
  "authoring/impact/(plan-range|planner|subjects)",
  "node/(assessment-file|load-ruleset|bundled|stdin)",
].join("|");

/** `no-restricted-imports` for static imports and `no-restricted-syntax` for `import()`, from [regex, message] pairs. */
function restrict(files, rules) {
  return {
    files,
    rules: {
      "no-restricted-imports": ["error", { patterns: rules.map(([regex, message]) => ({ regex, message })) }],
      // esquery's regex literals cannot hold "/": it is written \x2F there.
      "no-restricted-syntax": [
        "error",
        ...rules.map(([regex, message]) => ({
          selector: `ImportExpression[source.value=/${regex.replaceAll("/", "\\x2F")}/]`,
          message,
        })),
      ],
    },
  };
}

const EDGE = "an edge imports what a consumer would: backplan (src/core/index.ts), backplan/authoring or backplan/node";
const edge = [[pastEntry("$^"), EDGE]];
const lean = [[pastEntry(LEAN_MODULES), EDGE]];
const pure = [
  ["^node:", "the core and the authoring toolkit are pure: no Node APIs (they bundle for browsers)"],
  ["^(\\.\\./)+(cli|serve|node)/", "the core and the authoring toolkit never import an edge"],
];
const core = [...pure, ["^(\\.\\./)+authoring/", "the core never imports the authoring toolkit"]];
const run = [
  ...core,
  ["^(\\.\\./)+(present|interop)/", "run/ plans; presenting a plan (present/) and FHIR (interop/) build on it"],
];
const load = [
  ...core,
  ["^(\\.\\./)+(present|interop)/", "load/ checks and compiles a pack; present/ and interop/ build on it"],
  ["^(\\.\\./)+run/compose/", "load/ may use the operators and facts of run/, not how a plan is composed"],
];

export default tseslint.config(
  { ignores: ["dist/", "src/core/generated/validators.*", "src/core/generated/types.ts", "coverage/"] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      // `_name` marks a value left out on purpose (e.g. destructuring a key away).
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
    },
  },
  // Later groups replace earlier ones for the files they match: each lists all that applies.
  restrict(["src/cli/**/*.ts", "src/serve/**/*.ts", "src/node/**/*.ts"], edge),
  restrict(LEAN_FILES, lean),
  restrict(["src/authoring/**/*.ts"], pure),
  restrict(["src/core/**/*.ts"], core),
  restrict(["src/core/run/**/*.ts"], run),
  restrict(["src/core/load/**/*.ts"], load),
  { files: ["**/*.js"], ...tseslint.configs.disableTypeChecked },
);
