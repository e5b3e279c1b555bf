import type { Issue } from "../../errors.js";
import type { PackModel } from "../pack-model.js";

/** One semantic check of a pack, self-described for the registry in ./index.ts. */
export interface Check {
  readonly name: string;
  /** What it guards against, for readers of the registry. */
  readonly description: string;
  run(pack: PackModel): Issue[];
}
