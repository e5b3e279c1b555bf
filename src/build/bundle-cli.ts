/**
 * Build step (`npm run build`, after tsc): bundles what `backplan recommend` and `backplan explain`
 * load, from the compiled `dist/cli/start.js`, into `dist/cli-bundle/start.js` (ESM, split: the
 * rule checker that an edited pack needs is a chunk loaded only then), and what `backplan impact`
 * loads into `dist/cli-bundle/impact-start.js`, with its worker thread as an entry of its own
 * (`impact-worker.js`, beside the chunk that starts it). A few chunks, tree-shaken, start on 30 %
 * less CPU than the ~130 compiled modules and yaml's 36 CommonJS files (`explain`, which imports
 * the whole library, on half); impact's modules load on a quarter of the CPU in its own thread,
 * and on a fifth in each worker. Two builds, not one: chunks split for both would make
 * `recommend` load more files. `dist/` keeps its layout: the library and every other command use
 * the compiled modules.
 *
 * Every other dynamic import (the other commands, which `backplan --help` lists, and the authoring
 * toolkit) stays a module of `dist/`, imported by its path from the bundle. Modules that find files
 * from their own URL (`../../rules`, `../../package.json`) find the same ones from
 * `dist/cli-bundle/`, which sits as deep as `dist/node/`; the build refuses any other module that
 * reads `import.meta`, until it is checked to hold from there too.
 * Run: `tsx src/build/bundle-cli.ts`.
 */
import { readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { build, type Plugin } from "esbuild";

const root = fileURLToPath(new URL("../../", import.meta.url));
const dist = join(root, "dist");
const outdir = join(dist, "cli-bundle");

/** A bundle: its entries, and what they may load on demand, bundled as chunks (paths in `dist/`). */
interface Bundle {
  readonly entryPoints: Readonly<Record<string, string>>;
  readonly onDemand: readonly string[];
}

const BUNDLES: readonly Bundle[] = [
  {
    entryPoints: { start: "cli/start.js" },
    onDemand: ["cli/commands/recommend.js", "cli/commands/explain.js", "core/load/check-ruleset.js"],
  },
  {
    entryPoints: { "impact-start": "cli/start.js", "impact-worker": "node/impact-worker.js" },
    onDemand: [
      "cli/commands/impact.js",
      "core/load/check-ruleset.js",
      "node/index.js",
      "authoring/index.js",
      "cli/rule-folder.js",
      "cli/diagnostics.js",
    ],
  },
];

/**
 * The modules in the bundle that may read `import.meta.url`: each resolves a path that holds from
 * `dist/cli-bundle/` (impact-workers: its worker, `./impact-worker.js`, is an entry of the bundle).
 */
const READS_OWN_URL = ["node/bundled.js", "node/prebuilt-pack.js", "cli/version.js", "node/impact-workers.js"];

/**
 * yaml's ES module build (its package's `default` export) rather than the CommonJS one Node picks:
 * the same parser, tree-shaken. It lacks only the CommonJS build's LOG_TOKENS / LOG_STREAM
 * debugging switches, and warns through `console.warn` rather than `process.emitWarning`, which no
 * parse here reaches (assessments parse with `logLevel: "error"`; rule files never call `toJS`).
 */
function yamlModule(entry: "index.js" | "dist/util.js"): string {
  const manifest = createRequire(import.meta.url).resolve("yaml/package.json");
  return join(dirname(manifest), "browser", entry);
}

/** Resolves yaml to its ES build, and leaves dynamic imports outside `onDemand` to `dist/`. */
function paths(onDemand: readonly string[]): Plugin {
  return {
    name: "backplan-cli-paths",
    setup(build) {
      build.onResolve({ filter: /^yaml$/ }, () => ({ path: yamlModule("index.js") }));
      // The formatter's helpers (in the authoring toolkit `impact` imports): the same ES build.
      build.onResolve({ filter: /^yaml\/util$/ }, () => ({ path: yamlModule("dist/util.js") }));
      build.onResolve({ filter: /^\./ }, ({ kind, path, resolveDir }) => {
        if (kind !== "dynamic-import") return undefined;
        const target = relative(dist, resolve(resolveDir, path)).split(sep).join("/");
        if (onDemand.includes(target)) return undefined;
        return { path: `../${target}`, external: true };
      });
    },
  };
}

await rm(outdir, { recursive: true, force: true });
const readers = new Set<string>();
for (const { entryPoints, onDemand } of BUNDLES) {
  const { metafile } = await build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(Object.entries(entryPoints).map(([name, path]) => [name, join(dist, path)])),
    outdir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    metafile: true,
    plugins: [paths(onDemand)],
    logLevel: "warning",
  });
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      if (bytesInOutput === 0 || input.includes("node_modules")) continue;
      const file = relative(dist, resolve(root, input)).split(sep).join("/");
      if ((await readFile(resolve(root, input), "utf8")).includes("import.meta")) readers.add(file);
    }
  }
}
const unchecked = [...readers].filter((file) => !READS_OWN_URL.includes(file));
if (unchecked.length > 0) {
  process.stderr.write(
    `the CLI bundle holds modules that read import.meta, not known to resolve from dist/cli-bundle/: ${unchecked.join(", ")}\n`,
  );
  process.exit(1);
}
