import type { PreparedComponent } from "../../core/run/compose/components.js";
import { screen } from "../../core/run/compose/contraindications.js";
import { prepare } from "../../core/run/compose/prepare.js";
import type { FactValue, Facts } from "../../core/run/facts/types.js";
import type { Plan } from "../../core/generated/types.js";
import type { Ruleset } from "../../core/load/types.js";

/**
 * The facts a rule of `priority` saw, worked out again from the finished plan: the assessment's
 * facts, the plan's profile, and `plan.components` / `plan.categories` as the higher priorities
 * left them (added by a rule that fired above, withheld by none of those, and neither
 * contraindicated nor unscreened on that state), sorted as the composer sorts them.
 */
export function factsSeenAt(ruleset: Ruleset, plan: Plan, assessmentFacts: Facts, priority: number): Facts {
  const fired = new Set(plan.trace.filter((t) => t.outcome === "fired").map((t) => t.rule));
  const above = ruleset.rules.filter((rule) => rule.priority > priority && fired.has(rule.id));
  const added = new Set(above.flatMap((rule) => rule.add.map((a) => a.component)));
  const withholdings = above.flatMap((rule) => rule.withhold);
  const withheldComponents = new Set(withholdings.map((w) => w.component));
  const withheldCategories = new Set(withholdings.map((w) => w.category));
  const kept = prepare(ruleset).byId.filter(
    ({ definition: { id, category } }) =>
      added.has(id) && !withheldComponents.has(id) && !withheldCategories.has(category),
  );
  const facts = withState(assessmentFacts, plan, kept);
  // Contraindications read the state the rules decided; what they rule out is then dropped.
  if (kept.some((c) => c.contraindications.length > 0))
    setState(
      facts,
      kept.filter((c) => screen(c.contraindications, facts).verdict === "clear"),
    );
  return facts;
}

/**
 * The facts the contraindications saw: the assessment's, the profile, and the plan state the rules
 * decided, before any contraindication (the plan's components and those a contraindication withheld).
 */
export function factsScreenedOn(ruleset: Ruleset, plan: Plan, assessmentFacts: Facts): Facts {
  const decided = new Set(screenedComponents(plan));
  return withState(
    assessmentFacts,
    plan,
    prepare(ruleset).byId.filter((c) => decided.has(c.definition.id)),
  );
}

/** The components the rules decided on and the contraindications screened: kept, or withheld by one. */
export function screenedComponents(plan: Plan): string[] {
  const withheld = plan.withheld.filter((w) => w.rule.startsWith("contraindication:")).map((w) => w.id);
  return [...plan.components.map((c) => c.id), ...withheld];
}

function withState(
  assessmentFacts: Facts,
  plan: Plan,
  components: readonly PreparedComponent[],
): Map<string, FactValue> {
  const facts = new Map<string, FactValue>(assessmentFacts);
  facts.set("profile", plan.profile);
  setState(facts, components);
  return facts;
}

/** `plan.components` and `plan.categories` for components sorted by id, as the composer lists them. */
function setState(facts: Map<string, FactValue>, components: readonly PreparedComponent[]): void {
  facts.set(
    "plan.components",
    components.map((c) => c.definition.id),
  );
  facts.set("plan.categories", [...new Set(components.map((c) => c.definition.category))].sort());
}
