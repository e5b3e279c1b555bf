import type { Issue } from "../../errors.js";
import { issue } from "../issue.js";
import { duplicateComponentId, duplicateEvidenceId, duplicateProfileId, duplicateRuleId } from "../messages.js";
import type { Catalog, PackModel } from "../pack-model.js";
import type { Check } from "./check.js";

/** Each kind of id, where its items are, and what its duplicates are called. */
const KINDS = [
  { noun: "rule", items: (pack: PackModel) => pack.rules, problem: duplicateRuleId },
  { noun: "component", items: (pack: PackModel) => pack.components, problem: duplicateComponentId },
  { noun: "evidence", items: (pack: PackModel) => pack.evidence, problem: duplicateEvidenceId },
  { noun: "profile", items: (pack: PackModel) => pack.profiles, problem: duplicateProfileId },
] as const;

export const duplicateIds: Check = {
  name: "duplicate-ids",
  description: "Rule, component, evidence and profile ids are unique across the pack; a repeat names the first.",
  run(pack) {
    return KINDS.flatMap(({ noun, items, problem }) =>
      duplicatesIn(items(pack), (first, item, id) => {
        const { source } = first.file.place(`${first.pointer}/id`);
        const firstAt = `${source.file}:${source.line}:${source.column}`;
        return issue(problem, item.file.place(`${item.pointer}/id`), { noun, id, first: firstAt });
      }),
    );
  },
};

type Item = Catalog<{ readonly id: string }>["items"][number];

function duplicatesIn(
  catalog: Catalog<{ readonly id: string }> | undefined,
  report: (first: Item, item: Item, id: string) => Issue,
): Issue[] {
  const first = new Map<string, Item>();
  const issues: Issue[] = [];
  for (const item of catalog?.items ?? []) {
    const seen = first.get(item.value.id);
    if (seen === undefined) first.set(item.value.id, item);
    else issues.push(report(seen, item, item.value.id));
  }
  return issues;
}
