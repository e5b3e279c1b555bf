import type { Details, Plan, PlanChange, PlanChanges, WithheldComponent } from "../../generated/types.js";
import { urgencyBanner } from "./urgency-banner.js";

/** Shared wording for the human renderings, so text and markdown say the same things. */

/**
 * The status line after the urgency banner: a halt, or missing answers. A halt under an
 * emergency, same-day or urgent referral is said in that referral's banner (`haltNote`) instead.
 */
export function statusBanner(plan: Plan): string | undefined {
  switch (plan.status) {
    case "urgent": {
      if (urgencyBanner(plan) !== undefined) return undefined;
      const referral = plan.components.find((c) => c.category === "referral");
      const why = referral === undefined ? "" : ` ${referral.title}: ${referral.reasons[0].text}.`;
      return `URGENT:${why} ${haltNote(plan)}`;
    }
    case "incomplete":
      return `INCOMPLETE: ${plan.dataGaps.length} missing ${plan.dataGaps.length === 1 ? "answer" : "answers"} could change this plan. Collect ${plan.dataGaps.length === 1 ? "it" : "them"} before relying on it.`;
    case "complete":
      return undefined;
  }
}

/** `The plan was halted: 3 withheld, see below.` */
export function haltNote(plan: Plan): string {
  return `The plan was halted: ${plan.withheld.length} withheld, see below.`;
}

/** How the plan names a contraindication in `withheld[].rule` and `dataGaps[].rules`. */
const CONTRAINDICATION = "contraindication:";

/**
 * Who withheld a component: `rule no-acupuncture`, `contraindication manipulation-osteoporosis`,
 * or, for one whose contraindications could not be screened (its reason names them), where the
 * answers they need are. `name` marks up an id (markdown shows it as code).
 */
export function withheldBy({ rule, unscreened }: WithheldComponent, name = (id: string) => id): string {
  return unscreened === true ? "the answers needed are data gaps" : changedBy(rule, name);
}

export function heading(plan: Plan): string {
  const who = plan.assessmentId === undefined ? "" : ` for assessment ${plan.assessmentId}`;
  const { name, version, digest } = plan.ruleset;
  return `Care plan${who} (profile ${plan.profile}; rules ${name} ${version}, ${digest.slice(0, 19)}…)`;
}

/** `sessions: 6; frequency: weekly; avoid: paracetamol alone | opioids` in the catalog's key order. */
export function detailsLine(details: Details): string {
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${Array.isArray(value) ? value.join(" | ") : String(value)}`)
    .join("; ");
}

export function ruleCounts(plan: Plan): string {
  const count = (outcome: string): number => plan.trace.filter((t) => t.outcome === outcome).length;
  return `${plan.trace.length} rules: ${count("fired")} fired, ${count("not-fired")} not fired, ${count("undetermined")} undetermined`;
}

/** `added 1, stopped 2, kept 5`: the counts of a follow-up plan's changes. */
export function changeCounts({ added, stopped, kept }: PlanChanges): string {
  return `added ${added.length}, stopped ${stopped.length}, kept ${kept.length}`;
}

/** A follow-up plan's changes in one list: added, then stopped, then kept, each with why. */
export function changeEntries(
  changes: PlanChanges,
): { readonly kind: "added" | "stopped" | "kept"; readonly change: PlanChange }[] {
  return [
    ...changes.added.map((change) => ({ kind: "added" as const, change })),
    ...changes.stopped.map((change) => ({ kind: "stopped" as const, change })),
    ...changes.kept.map((change) => ({ kind: "kept" as const, change })),
  ];
}

/** Who a withholding or a change is down to: `rule cbt-declined`, `contraindication manipulation-osteoporosis`. */
export function changedBy(rule: string, name = (id: string) => id): string {
  return rule.startsWith(CONTRAINDICATION)
    ? `contraindication ${name(rule.slice(CONTRAINDICATION.length))}`
    : `rule ${name(rule)}`;
}
