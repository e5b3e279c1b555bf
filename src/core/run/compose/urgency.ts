import type { Details, Plan, PlanComponent } from "../../generated/types.js";

/** A referral's urgency, as the component catalog's details schema spells it. */
export type Urgency = NonNullable<Details["urgency"]>;

/** Most urgent first: the order `plan.urgency` and the merging of rules' urgencies follow. */
const ORDER: readonly (Plan["urgency"] | Urgency)[] = ["emergency", "same-day", "urgent", "soon", "routine", "none"];

/** The more urgent of two urgencies. */
export function moreUrgent<T extends Plan["urgency"] | Urgency>(a: T, b: T): T {
  return ORDER.indexOf(a) <= ORDER.indexOf(b) ? a : b;
}

/** Whether an urgency calls for a banner and for the safety tier of data gaps. */
export function isPressing(urgency: Plan["urgency"] | Urgency | undefined): boolean {
  return urgency === "emergency" || urgency === "same-day" || urgency === "urgent";
}

/**
 * The plan's urgency: that of its most urgent referral, or `none` when it holds no referral. A
 * referral without an urgency, or `soon`, counts as routine: the plan's scale has no `soon`.
 */
export function planUrgency(components: readonly PlanComponent[]): Plan["urgency"] {
  let urgency: Plan["urgency"] = "none";
  for (const { category, details } of components) {
    if (category !== "referral") continue;
    const given = details.urgency ?? "routine";
    urgency = moreUrgent(urgency, given === "soon" ? "routine" : given);
  }
  return urgency;
}
