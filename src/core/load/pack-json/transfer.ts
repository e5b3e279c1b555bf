import type { PackJson } from "../../generated/types.js";
import { packJsonFiles } from "./json-files.js";
import { packToJson } from "./to-json.js";
import { compilePack, completePack } from "../compile/compile.js";
import { buildPackModel } from "../pack-model.js";
import type { Ruleset } from "../types.js";

/**
 * A compiled ruleset as plain data, for another thread to compile again: its pack.json
 * (`packToJson`), which `rulesetFromTransfer` compiles with the same compiler, so its plans equal
 * the original's. Compiled conditions are closures: they cannot cross threads themselves.
 */
export function rulesetTransfer(ruleset: Ruleset): PackJson {
  return packToJson(ruleset);
}

/**
 * Compiles a transfer of a ruleset that passed every check in the thread that sent it. The checks
 * are not run again: they find nothing in a pack that passed them, and in a worker they cost
 * forty times the compile (`rulesetFromJson` runs them: it trusts no file). A transfer that is
 * not whole throws.
 *
 * @example const ruleset = rulesetFromTransfer(rulesetTransfer(loaded)); // in a worker thread
 */
export function rulesetFromTransfer(pack: PackJson): Ruleset {
  const complete = completePack(buildPackModel(packJsonFiles(pack), []), []);
  if (complete === undefined) throw new Error(`the transferred pack "${pack.name}" is not complete`);
  return compilePack(complete, pack.digest, [], { includeDrafts: pack.includeDrafts });
}
