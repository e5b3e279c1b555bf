import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Issue } from "../core/errors.js";
import { rulesetFromTransfer } from "../core/load/pack-json/transfer.js";
import { packToJson } from "../core/load/pack-json/to-json.js";
import type { PackJson } from "../core/load/pack-json/index.js";
import type { RulesetCheck } from "../core/load/check-ruleset.js";
import { deepFreeze } from "../core/load/compile/deep-freeze.js";
import type { Ruleset, RuleFileText } from "../core/load/types.js";

/** The file `npm run build` writes beside the compiled `dist/node/` modules. */
export const PREBUILT_PACK_FILE = "bundled-pack.json";

/** Raised whenever what the file holds changes; another format is never read. */
const PREBUILT_FORMAT = 1;

/**
 * The bundled pack as `npm run build` checked it to plan (`checkRuleset(files, { proofs: false })`,
 * no drafts, no scenario tests), so the CLI plans without parsing YAML: a third of a second of a
 * `backplan recommend` run. It stands for exactly the files it was checked from (`files`).
 */
export interface PrebuiltPack {
  readonly format: typeof PREBUILT_FORMAT;
  /** `filesDigest` of the pack's files at build time. */
  readonly files: string;
  /** The check's warnings (it had no errors), with paths relative to the pack. */
  readonly warnings: readonly Issue[];
  readonly pack: PackJson;
}

/**
 * `sha256:<hex>` over the files in the order given, each framed as path, NUL, text, NUL (YAML
 * text cannot hold NUL): equal digests mean the same paths with the same bytes. node:crypto, not
 * the pack digest's pure-JS hash: that one costs 60 ms of a cold start, this one 1 ms.
 */
function filesDigest(files: readonly RuleFileText[]): string {
  const hash = createHash("sha256");
  for (const { path, text } of files) hash.update(path).update("\0").update(text).update("\0");
  return `sha256:${hash.digest("hex")}`;
}

/** What the build writes for `files`, whose check gave `ruleset`. */
export function prebuiltPack(files: readonly RuleFileText[], ruleset: Ruleset): PrebuiltPack {
  return { format: PREBUILT_FORMAT, files: filesDigest(files), warnings: ruleset.warnings, pack: packToJson(ruleset) };
}

// `../node/`, not `./`: the same file from dist/node/ and from the CLI bundle in dist/cli-bundle/.
const BUILT = fileURLToPath(new URL(`../node/${PREBUILT_PACK_FILE}`, import.meta.url));

/**
 * What checking `files` to plan gives, taken from the prebuilt pack when it was built from exactly
 * these files (same paths, same bytes); else `undefined`, and the caller checks the YAML. Compiled
 * again by `rulesetFromTransfer`, the same compiler, so its plans equal the YAML pack's. A file
 * that is missing (running from `src/`), unreadable or of another format is a miss, never an error.
 */
export async function prebuiltCheck(
  files: readonly RuleFileText[],
  prebuilt: string = BUILT,
): Promise<RulesetCheck | undefined> {
  let built: Partial<PrebuiltPack> | null;
  try {
    built = JSON.parse(await readFile(prebuilt, "utf8")) as Partial<PrebuiltPack> | null;
  } catch {
    return undefined;
  }
  if (built?.format !== PREBUILT_FORMAT || built.files !== filesDigest(files)) return undefined;
  const { pack, warnings = [] } = built;
  if (pack === undefined) return undefined;
  const frozen = deepFreeze(warnings);
  return { ruleset: Object.freeze({ ...rulesetFromTransfer(pack), warnings: frozen }), issues: frozen };
}
