import type { CompiledRule, RuleFileText, Ruleset } from "../../core/load/types.js";
import { withholdingReach } from "../../core/load/withholding-reach.js";
import { cohortImpact, type CohortOptions } from "./change-impact.js";
import { rulebookChanges } from "./changes.js";
import { describeComparison, conditionClause, type Wording } from "./condition-text.js";
import { detailEntries } from "./details.js";
import { fileDescriptions } from "./file-descriptions.js";
import { safeHref } from "./links.js";
import type { ComponentEntry, EvidenceEntry, Rulebook } from "./model.js";
import { profilesEntry } from "./profiles.js";
import { ruleEntry } from "./rule-entry.js";
import { scenarioFindings } from "./scenario-findings.js";
import { templateText } from "./template-text.js";

export interface RulebookOptions {
  /** The pack's files, for the descriptions its manifest and rule files open with (not kept by the ruleset). */
  readonly files?: readonly RuleFileText[];
  /** The signed-off pack: the book then opens with what changed since it (`rulebookChanges`). */
  readonly base?: Ruleset;
  /** With `base`: plan this generated cohort with both packs, for the impact figures beside each change. */
  readonly cohort?: CohortOptions;
}

/**
 * The whole pack as a document model: rules in plain language by topic, what they rest on, the
 * scenario tests and their coverage (the scenarios are run here), the catalogs and the profiles.
 * Pure and date-free: the same pack gives a deep-equal model.
 *
 * With `base`, the book opens with what changed since that signed-off pack, and with `cohort`,
 * each change's figures on a generated cohort planned with both packs.
 *
 * @example const html = renderRulebookHtml(buildRulebook(ruleset, { files }));
 * @example buildRulebook(edited, { files, base: signedOff, cohort: { size: 10_000, seed: 1 } });
 */
export function buildRulebook(ruleset: Ruleset, options: RulebookOptions = {}): Rulebook {
  const wording: Wording = { facts: ruleset.facts, components: ruleset.components };
  const descriptions = fileDescriptions(options.files ?? []);
  const findings = scenarioFindings(ruleset, (condition) => describeComparison(condition, wording));
  const evidence = evidenceEntries(ruleset);
  const byId = new Map(evidence.map((entry) => [entry.id, entry]));
  const profiles = ruleset.profiles.map((p) => p.id);
  const entry = (rule: CompiledRule) => ruleEntry(rule, wording, byId, findings.rules.get(rule.id), profiles);
  const description = descriptions.get("pack.yaml");
  return {
    pack: {
      name: ruleset.name,
      version: ruleset.version,
      digest: ruleset.digest,
      ...(description === undefined ? {} : { description }),
      drafts: ruleset.drafts,
    },
    topics: byTopic(ruleset.rules).map(([file, rules]) => {
      const about = descriptions.get(file);
      return {
        file,
        title: topicTitle(file),
        ...(about === undefined ? {} : { description: about }),
        rules: rules.map(entry),
      };
    }),
    inactive: byTopic(ruleset.inactive).flatMap(([, rules]) => rules.map(entry)),
    components: componentEntries(ruleset, wording, byId),
    evidence,
    profiles: profilesEntry(ruleset),
    tests: findings.tests,
    ...(options.base === undefined ? {} : { changes: changesSince(options.base, ruleset, options.cohort) }),
  };
}

function changesSince(base: Ruleset, head: Ruleset, cohort: CohortOptions | undefined) {
  return rulebookChanges(base, head, cohort === undefined ? undefined : cohortImpact(base, head, cohort));
}

/**
 * Rules by file, each file's rules highest priority first, then as written; files in the order
 * of their highest priority (safety before tailoring), then by name.
 */
function byTopic(rules: readonly CompiledRule[]): [string, CompiledRule[]][] {
  const files = new Map<string, CompiledRule[]>();
  for (const rule of rules) files.set(rule.source.file, [...(files.get(rule.source.file) ?? []), rule]);
  const top = (list: readonly CompiledRule[]) => Math.max(...list.map((r) => r.priority));
  return [...files]
    .map(
      ([file, list]) =>
        [file, [...list].sort((a, b) => b.priority - a.priority || a.source.line - b.source.line)] as [
          string,
          CompiledRule[],
        ],
    )
    .sort(([fa, a], [fb, b]) => top(b) - top(a) || (fa < fb ? -1 : fa > fb ? 1 : 0));
}

/** `follow-up.yaml` → `Follow-up`, `topics/psych.yaml` → `Topics/psych`. */
function topicTitle(file: string): string {
  const name = file.replace(/\.ya?ml$/, "");
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function componentEntries(
  ruleset: Ruleset,
  wording: Wording,
  evidence: ReadonlyMap<string, EvidenceEntry>,
): ComponentEntry[] {
  return [...ruleset.components.values()].map((c) => ({
    id: c.id,
    title: c.title,
    category: c.category,
    description: c.description,
    patientText: c.patientText,
    details: detailEntries(c.details, ruleset.facts),
    addedBy: ruleset.rules.filter((r) => r.add.some((a) => a.component === c.id)).map((r) => r.id),
    contraindications: (c.contraindications ?? []).map(({ id, title, when, reason, evidence: cited }) => ({
      id,
      title,
      when: conditionClause(when, wording),
      reason: templateText(reason, ruleset.facts),
      evidence: cited.flatMap((source) => evidence.get(source) ?? []),
    })),
    withheldBy: ruleset.rules.flatMap((r) => {
      const reach = withholdingReach(r.withhold, c);
      return reach === undefined ? [] : [{ rule: r.id, reach }];
    }),
  }));
}

function evidenceEntries(ruleset: Ruleset): EvidenceEntry[] {
  return [...ruleset.evidence.values()].map((source) => {
    const href = safeHref(source.doi === undefined ? (source.url ?? "") : `https://doi.org/${source.doi}`);
    const text = source.doi === undefined ? source.url : `doi:${source.doi}`;
    return {
      id: source.id,
      citation: source.citation,
      ...(href === undefined || text === undefined ? {} : { link: { href, text } }),
      finding: source.finding,
      certainty: source.certainty.replace(/-/g, " "),
      ...(source.certaintyNote === undefined ? {} : { certaintyNote: source.certaintyNote }),
      citedBy: ruleset.rules.filter((r) => r.evidence.includes(source.id)).map((r) => r.id),
      citedByContraindications: [...ruleset.components.values()]
        .flatMap((c) => c.contraindications ?? [])
        .filter((c) => c.evidence.includes(source.id))
        .map((c) => c.id),
    };
  });
}
