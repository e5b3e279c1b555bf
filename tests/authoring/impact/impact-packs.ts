/** The bundled pack and an edit of it with many changed plans, for the impact's tests. */
import { join } from "node:path";
import { compileRuleset } from "../../../src/core/load/index.js";
import type { Ruleset } from "../../../src/core/load/types.js";
import { readRuleFiles } from "../../../src/node/rule-files.js";
import { ROOT } from "../../cli/run-main.js";

/** `rules/` as it is (base), and with the activity and PHQ-9 thresholds moved (head). */
export async function bundledAndEdited(): Promise<{ base: Ruleset; head: Ruleset }> {
  const files = await readRuleFiles(join(ROOT, "rules"), "rules");
  const edits: Record<string, [string, string]> = {
    "lifestyle.yaml": ["operator: lessThan, value: 150 }", "operator: lessThan, value: 120 }"],
    "psychological.yaml": [
      "phq9.total, operator: greaterThanInclusive, value: 10 }",
      "phq9.total, operator: greaterThanInclusive, value: 12 }",
    ],
  };
  const edited = files.map((file) => {
    const edit = edits[file.path];
    if (edit === undefined) return file;
    const text = file.text.replace(...edit);
    if (text === file.text) throw new Error(`the edit of ${file.path} changed nothing`);
    return { ...file, text };
  });
  return { base: compileRuleset(files), head: compileRuleset(edited) };
}
