import type { FactValue, Facts } from "../facts/types.js";
import type { Plan } from "../generated/types.js";
import type { Ruleset } from "../ruleset/types.js";

/**
 * The facts a rule of `priority` saw, worked out again from the finished plan: the assessment's
 * facts, the plan's profile, and `plan.components` / `plan.categories` as the higher priorities
 * left them (added by a rule that fired above, and withheld by none of those), sorted as the
 * composer sorts them.
 */
export function factsSeenAt(ruleset: Ruleset, plan: Plan, assessmentFacts: Facts, priority: number): Facts {
  const fired = new Set(plan.trace.filter((t) => t.outcome === "fired").map((t) => t.rule));
  const above = ruleset.rules.filter((rule) => rule.priority > priority && fired.has(rule.id));
  const added = new Set(above.flatMap((rule) => rule.add.map((a) => a.component)));
  const withholdings = above.flatMap((rule) => rule.withhold);
  const withheldComponents = new Set(withholdings.map((w) => w.component));
  const withheldCategories = new Set(withholdings.map((w) => w.category));
  const components = [...ruleset.components.values()]
    .filter((c) => added.has(c.id) && !withheldComponents.has(c.id) && !withheldCategories.has(c.category))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const facts = new Map<string, FactValue>(assessmentFacts);
  facts.set("profile", plan.profile);
  facts.set(
    "plan.components",
    components.map((c) => c.id),
  );
  facts.set("plan.categories", [...new Set(components.map((c) => c.category))].sort());
  return facts;
}
