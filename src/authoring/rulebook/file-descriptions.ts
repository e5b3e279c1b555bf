import { fileKindOf } from "../../core/load/pack-layout.js";
import { readYamlFile } from "../../core/load/parse/yaml-file.js";
import type { RuleFileText } from "../../core/load/types.js";

/**
 * The `description` each pack file opens with (`pack.yaml`'s and each rule file's), by path. The
 * compiled ruleset keeps neither, so the files are read again; a file that does not parse, or
 * has no description, is left out.
 *
 * @example fileDescriptions(files).get("safety.yaml"); // "Safety first. Emergency red flags …"
 */
export function fileDescriptions(files: readonly RuleFileText[]): ReadonlyMap<string, string> {
  const descriptions = new Map<string, string>();
  for (const text of files) {
    const kind = fileKindOf(text.path);
    if (kind !== "manifest" && kind !== "rules") continue;
    const data = readYamlFile(text, kind).file?.data;
    const description =
      typeof data === "object" && data !== null ? (data as { description?: unknown }).description : undefined;
    if (typeof description === "string") descriptions.set(text.path, description);
  }
  return descriptions;
}
