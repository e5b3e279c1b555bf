import type { Issue } from "../errors.js";
import type { Plan, PlanChange, PlanChanges } from "../generated/types.js";

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
      return withheld === undefined
        ? { id, reason: "No rule adds it at this visit: what called for it is no longer found" }
        : { id, rule: withheld.rule, reason: withheld.reason };
    });
  return { added, stopped, kept };
}

/** An issue for each previous component the pack does not know, at its place in the assessment. */
export function unknownPreviousComponents(previous: readonly string[], known: ReadonlySet<string>): Issue[] {
  return previous.flatMap((id, i) =>
    known.has(id)
      ? []
      : [
          {
            code: "engine/unknown-component",
            path: `/followUp/previousComponents/${i}`,
            severity: "error" as const,
            message: `"${id}" is not a component of this pack: the last plan's components are compared by id`,
          },
        ],
  );
}
