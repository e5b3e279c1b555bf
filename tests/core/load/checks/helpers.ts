import { checkRuleset } from "../../../../src/core/load/index.js";
import type { RuleFileText } from "../../../../src/core/load/types.js";

/** `code file:line:col pointer` of each issue of the pack whose code starts with `prefix`. */
export function found(files: readonly RuleFileText[], prefix: string): string[] {
  return checkRuleset(files)
    .issues.filter((i) => i.code.startsWith(prefix))
    .map(
      (i) =>
        `${i.code} ${i.source === undefined ? "-" : `${i.source.file}:${i.source.line}:${i.source.column}`} ${i.path}`,
    );
}
