import type { Plan, PlanChange, PlanChanges } from "../../generated/types.js";

/**
 * What a follow-up plan adds, stops and keeps against the last plan's components, and why: a
 * component added gives the first reason it is in the plan now, one stopped the withholding that
 * keeps it out (or that no rule adds it at this visit), one kept the first reason it stays.
 * `catalogOrder` places the stopped ones, so the list never depends on how the last plan was
 * written down.
 */
export function changesSince(
  previous: readonly string[],
  plan: Plan,
  catalogOrder: (id: string) => number,
  known: (id: string) => boolean,
): PlanChanges {
  const before = new Set(previous);
  const now = new Set(plan.components.map((c) => c.id));
  const added: PlanChange[] = [];
  const kept: PlanChange[] = [];
  for (const component of plan.components) {
    const [first] = component.reasons;
    (before.has(component.id) ? kept : added).push({ id: component.id, rule: first.rule, reason: first.text });
  }
  const stopped = [...before]
    .filter((id) => !now.has(id))
    .sort((a, b) => catalogOrder(a) - catalogOrder(b))
    .map((id): PlanChange => {
      const withheld = plan.withheld.find((w) => w.id === id);
      if (withheld !== undefined) return { id, rule: withheld.rule, reason: withheld.reason };
      return {
        id,
        reason: known(id)
          ? "No rule adds it at this visit: what called for it is no longer found"
          : "Not a component of this pack (renamed or removed since the last plan): review what replaces it",
      };
    });
  return { added, stopped, kept };
}
