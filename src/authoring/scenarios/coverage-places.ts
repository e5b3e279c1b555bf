import type { SourcePosition } from "../../core/errors.js";
import { childPointer } from "../../core/pointer.js";
import { fileKindOf } from "../../core/load/pack-layout.js";
import { readYamlFile } from "../../core/load/parse/yaml-file.js";
import type { SourceFile } from "../../core/load/parse/source-file.js";
import type { RuleFileText } from "../../core/load/types.js";

/** Where a part of a rule is written: the rule's id and a JSON Pointer from the rule (`/when/all/0`). */
export type ConditionPlaces = (rule: string, pointer: string) => SourcePosition | undefined;

/**
 * Finds each rule's parts in the pack's rule files, so a report can send the author to
 * `psych.yaml:17:11` rather than to the rule's first line. The compiled ruleset keeps only where
 * each rule starts, so the rule files are read again (a file that does not parse places nothing).
 *
 * @example conditionPlaces(files)("depression", "/when/all/0"); // { file: "psych.yaml", line: 17, column: 11 }
 */
export function conditionPlaces(files: readonly RuleFileText[]): ConditionPlaces {
  const rules = new Map<string, { file: SourceFile; pointer: string }>();
  for (const text of files) {
    if (fileKindOf(text.path) !== "rules") continue;
    const { file } = readYamlFile(text, "rules");
    const list = file === undefined ? undefined : (file.data as { rules?: unknown }).rules;
    if (file === undefined || !Array.isArray(list)) continue;
    list.forEach((item: unknown, index) => {
      const id = typeof item === "object" && item !== null ? (item as { id?: unknown }).id : undefined;
      if (typeof id === "string") rules.set(id, { file, pointer: childPointer("/rules", index) });
    });
  }
  return (rule, pointer) => {
    const found = rules.get(rule);
    return found?.file.place(`${found.pointer}${pointer}`).source;
  };
}
