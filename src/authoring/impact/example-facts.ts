import { safeParseAssessment } from "../../core/run/assessment/index.js";
import { deriveFacts } from "../../core/run/facts/catalog.js";
import type { FactValue } from "../../core/run/facts/types.js";
import type { CompiledRule, Ruleset } from "../../core/load/types.js";

/** Past this many facts an example stops being compact; the first ones by name are shown. */
const MAX_FACTS = 8;

/**
 * The facts to show beside a cohort example: those the `rules` read (looked up on either side),
 * sorted by name, each with the assessment's value or `null` when not recorded. Context facts
 * (`profile`, `plan.*`) are what rules decided, not what the patient answered: left out.
 */
export function exampleFacts(
  assessment: unknown,
  rules: readonly string[],
  rulesets: readonly Ruleset[],
): Record<string, FactValue | null> {
  const definitions = new Map<string, CompiledRule>();
  for (const ruleset of rulesets)
    for (const rule of ruleset.rules) if (!definitions.has(rule.id)) definitions.set(rule.id, rule);
  const context = (fact: string) => rulesets.some((r) => r.facts.get(fact)?.origin === "context");
  const names = [...new Set(rules.flatMap((id) => definitions.get(id)?.facts ?? []))]
    .filter((fact) => !context(fact))
    .sort()
    .slice(0, MAX_FACTS);
  const parsed = safeParseAssessment(assessment);
  const facts = parsed.ok ? deriveFacts(parsed.value) : new Map<string, FactValue>();
  return Object.fromEntries(names.map((name) => [name, facts.get(name) ?? null]));
}
