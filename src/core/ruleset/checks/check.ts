import type { Issue } from "../../errors.js";
import type { PackModel } from "../pack-model.js";
import type { CompileOptions } from "../types.js";

/** One semantic check of a pack, self-described for the registry in ./index.ts. */
export interface Check {
  readonly name: string;
  /** What it guards against, for readers of the registry. */
  readonly description: string;
  /** `options.today` dates the governance checks; most checks read only the pack. */
  run(pack: PackModel, options: CompileOptions): Issue[];
}
