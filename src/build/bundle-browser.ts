/**
 * Build step: bundles src/browser.ts into dist/browser/backplan.js (ESM, minified, for browsers)
 * and reports its size. Refuses a bundle that holds the `yaml` package (pack.json replaces it),
 * a schema validator other than the assessment's and pack.json's (the generated validators are a
 * third of a bundle's code, and a browser checks only those two), a rule file's schema document
 * (validate/schema-documents.ts: only the YAML checks read them) or could call `eval`/`new
 * Function` (a strict Content-Security-Policy blocks both).
 * Run: `tsx src/build/bundle-browser.ts [--out FILE]`.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const root = fileURLToPath(new URL("../../", import.meta.url));

/** The bundle's text and its size, minified and minified + gzipped (level 9). */
export interface BrowserBundle {
  readonly code: string;
  readonly minifiedBytes: number;
  readonly gzippedBytes: number;
  /** Bytes of output per input package (`backplan` for our own code), largest first. */
  readonly byPackage: readonly (readonly [string, number])[];
  /** The generated schema validators it holds (src/core/generated/validators/<name>.js), by name. */
  readonly validators: readonly string[];
  /** The schema documents it holds (schemas/<name>.schema.json), by name. */
  readonly schemas: readonly string[];
}

/** The only validators a page calls: `recommend` checks an assessment, `rulesetFromJson` a pack.json. */
const BROWSER_VALIDATORS = ["assessment", "bundle"];

/** The only schema document a page reads: the assessment's, whose messages name its fields. */
const BROWSER_SCHEMAS = ["assessment"];

/** Bundles the browser entry in memory; throws when the bundle breaks the rules above. */
export async function bundleBrowser(): Promise<BrowserBundle> {
  const result = await build({
    entryPoints: [join(root, "src/browser.ts")],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    metafile: true,
    legalComments: "none",
    logLevel: "silent",
  });
  const bytes = result.outputFiles[0]?.contents ?? new Uint8Array();
  const code = new TextDecoder().decode(bytes);
  const byPackage = new Map<string, number>();
  const validators: string[] = [];
  const schemas: string[] = [];
  for (const output of Object.values(result.metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const name = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ?? "backplan";
      byPackage.set(name, (byPackage.get(name) ?? 0) + bytesInOutput);
      const validator = /generated\/validators\/([\w-]+)\.js$/.exec(input)?.[1];
      if (validator !== undefined) validators.push(validator);
      const schema = /schemas\/([\w-]+)\.schema\.json$/.exec(input)?.[1];
      if (schema !== undefined) schemas.push(schema);
    }
  }
  if (byPackage.has("yaml")) throw new Error("the browser bundle holds the yaml package: an import leads to it");
  const extra = validators.filter((name) => !BROWSER_VALIDATORS.includes(name));
  if (extra.length > 0) throw new Error(`the browser bundle holds validators it never calls: ${extra.join(", ")}`);
  const documents = schemas.filter((name) => !BROWSER_SCHEMAS.includes(name));
  if (documents.length > 0)
    throw new Error(`the browser bundle holds schema documents it never reads: ${documents.join(", ")}`);
  if (callsEval(code)) throw new Error("the browser bundle calls eval or Function");
  return {
    code,
    minifiedBytes: bytes.length,
    gzippedBytes: gzipSync(bytes, { level: 9 }).length,
    byPackage: [...byPackage].sort((a, b) => b[1] - a[1]),
    validators: validators.sort(),
    schemas: schemas.sort(),
  };
}

/**
 * Whether the code calls `eval` or the `Function` constructor (with or without `new`). lodash's
 * `Function("return this")()` is allowed: it finds the global object only where neither `global`
 * nor `self` exists, which no browser is (the CSP test shows no violation).
 */
export function callsEval(code: string): boolean {
  const rest = code.replaceAll('||Function("return this")()', "");
  return /\beval\s*\(|\bFunction\s*\(/.test(rest);
}

/** Writes the bundle to `file` (default dist/browser/backplan.js) and returns it. */
export async function writeBrowserBundle(file = join(root, "dist/browser/backplan.js")): Promise<BrowserBundle> {
  const bundle = await bundleBrowser();
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, bundle.code);
  return bundle;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf("--out");
  const file = at === -1 ? undefined : process.argv[at + 1];
  const out = file === undefined ? join(root, "dist/browser/backplan.js") : resolve(file);
  const bundle = await writeBrowserBundle(out);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  console.log(
    `${out}: ${String(bundle.minifiedBytes)} B (${kb(bundle.minifiedBytes)}) minified, ` +
      `${String(bundle.gzippedBytes)} B (${kb(bundle.gzippedBytes)}) minified + gzipped`,
  );
  for (const [name, bytes] of bundle.byPackage) console.log(`  ${name.padEnd(24)} ${kb(bytes)}`);
}
