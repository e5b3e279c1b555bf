import type { CompiledRule } from "../../core/load/types.js";
import { actionText, categoryWord } from "./action-text.js";
import { conditionClause, type Wording } from "./condition-text.js";
import { detailEntries } from "./details.js";
import type { EvidenceEntry, RuleEntry, RuleTests } from "./model.js";
import { neverUnder, readsProfile } from "./profiles.js";
import { templateText } from "./template-text.js";
import { quoted } from "./value-words.js";

/** One rule as the rulebook shows it: plain language, then everything it rests on. */
export function ruleEntry(
  rule: CompiledRule,
  wording: Wording,
  evidence: ReadonlyMap<string, EvidenceEntry>,
  tests: RuleTests | undefined,
  profiles: readonly string[],
): RuleEntry {
  const { facts, components } = wording;
  const title = (id: string) => components.get(id)?.title ?? id;
  return {
    id: rule.id,
    title: rule.title,
    ...(rule.description === undefined ? {} : { description: rule.description }),
    priority: rule.priority,
    governance: rule.governance,
    source: `${rule.source.file}:${rule.source.line}`,
    when: conditionClause(rule.when, wording),
    action: actionText(rule, components),
    additions: rule.add.map((a) => ({
      component: a.component,
      title: title(a.component),
      reason: templateText(a.reason, facts),
      details: detailEntries(a.details ?? {}, facts),
    })),
    withholdings: rule.withhold.map((w) => ({
      ...(w.component === undefined ? {} : { component: w.component }),
      target:
        w.component === undefined ? `all ${categoryWord(w.category ?? "")} components` : quoted(title(w.component)),
      reason: templateText(w.reason, facts),
    })),
    ...(rule.halt === undefined ? {} : { halt: templateText(rule.halt.reason, facts) }),
    evidence: rule.evidence.flatMap((id) => evidence.get(id) ?? []),
    readsProfile: readsProfile(rule),
    neverUnder: neverUnder(rule, profiles),
    ...(tests === undefined ? {} : { tests }),
  };
}
