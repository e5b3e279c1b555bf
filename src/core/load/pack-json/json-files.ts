import type { BundledRule, PackJson } from "../../generated/types.js";
import type { ValidatedFile } from "../pack-model.js";
import type { FileKind } from "../pack-layout.js";
import type { FilePlace, SourceFile } from "../parse/source-file.js";
import { childPointer, pointerSegments } from "../../pointer.js";

/** The name issues outside a rule cite: pack.json keeps no line numbers of its own. */
export const PACK_JSON_FILE = "pack.json";

const START = { file: PACK_JSON_FILE, line: 1, column: 1 } as const;

/**
 * A schema-valid pack.json as the pack files the semantic checks read: pack.yaml, components.yaml,
 * evidence.yaml and one file per rule source, sorted by path as `checkRuleset` sorts them. Each
 * place is a pointer into pack.json; inside a rule its source is where the rule was written.
 */
export function packJsonFiles(pack: PackJson): ValidatedFile[] {
  const { name, version, defaultProfile, profiles, components, evidence } = pack;
  const wholeFile = (pointer: string): FilePlace => ({ path: pointer, source: START });
  const files = [
    jsonFile("pack.yaml", "manifest", { name, version, defaultProfile, profiles }, wholeFile),
    jsonFile("components.yaml", "components", { components }, wholeFile),
    jsonFile("evidence.yaml", "evidence", { evidence }, wholeFile),
    ...ruleFiles(pack.rules),
  ];
  // The bundle validator has checked every part already, against the same schemas.
  return files.map((file) => ({ file, errors: [] }));
}

/** The rules grouped by the file they were written in, in pack.json's order within each file. */
function ruleFiles(rules: readonly BundledRule[]): SourceFile[] {
  const byFile = new Map<string, { rule: BundledRule; index: number }[]>();
  rules.forEach((rule, index) => {
    const entries = byFile.get(rule.source.file);
    if (entries === undefined) byFile.set(rule.source.file, [{ rule, index }]);
    else entries.push({ rule, index });
  });
  return [...byFile]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([path, entries]) =>
      jsonFile(path, "rules", { rules: entries.map((e) => e.rule.rule) }, (pointer) => {
        // `/rules/2/when` in this file is `/rules/<index>/rule/when` in pack.json.
        const [key, position, ...rest] = pointerSegments(pointer);
        const entry = key === "rules" ? entries[Number(position)] : undefined;
        if (entry === undefined) return { path: "/rules", source: { file: path, line: 1, column: 1 } };
        const at = rest.reduce(childPointer, `/rules/${String(entry.index)}/rule`);
        return { path: at, source: { ...entry.rule.source } };
      }),
    );
}

function jsonFile(path: string, kind: FileKind, data: unknown, place: (pointer: string) => FilePlace): SourceFile {
  return { path, kind, data, place, placeOfText: place };
}
