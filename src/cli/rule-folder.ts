import { isAbsolute, relative, resolve } from "node:path";
import { bundledRulesDir } from "../node/bundled.js";

/** Where a rule folder is read from, and how messages show it. */
export interface RuleFolder {
  readonly path: string;
  readonly name: string;
}

/**
 * The folder given on the command line, shown as typed; or the bundled pack, shown relative to
 * the working folder when it lies inside it (`rules/safety.yaml:12:5`), else in full.
 */
export function ruleFolder(dir: string | undefined, cwd: string): RuleFolder {
  if (dir !== undefined) return { path: resolve(cwd, dir), name: dir };
  const fromCwd = relative(cwd, bundledRulesDir);
  const inside = fromCwd !== "" && !fromCwd.startsWith("..") && !isAbsolute(fromCwd);
  return { path: bundledRulesDir, name: inside ? fromCwd : bundledRulesDir };
}
