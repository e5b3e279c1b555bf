import type { Issue } from "../../errors.js";
import type { PackModel } from "../pack-model.js";
import type { CompileOptions } from "../types.js";

/** One semantic check of a pack, self-described for the registry in ./index.ts. */
export interface Check {
  readonly name: string;
  /** What it guards against, for readers of the registry. */
  readonly description: string;
  /**
   * Set on the checks that prove what the rules' conditions can mean (a condition that never
   * holds, a rule shadowed by a halting one, equivalent rules): they find rules that never change
   * a plan, for authors, and cost most of a pack's checking. A pack loaded only to plan skips them
   * (`checkRuleset`'s `proofs: false`); `lint`, `test` and `bundle` run them.
   */
  readonly proof?: true;
  /** `options.today` dates the governance checks; most checks read only the pack. */
  run(pack: PackModel, options: CompileOptions): Issue[];
}
