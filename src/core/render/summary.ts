import type { Details, Plan } from "../generated/types.js";

/** Shared wording for the human renderings, so text and markdown say the same things. */

export function statusBanner(plan: Plan): string | undefined {
  switch (plan.status) {
    case "urgent": {
      const referral = plan.components.find((c) => c.category === "referral");
      const why = referral === undefined ? "" : ` ${referral.title}: ${referral.reasons[0].text}.`;
      return `URGENT:${why} The plan was halted: ${plan.withheld.length} withheld, see below.`;
    }
    case "incomplete":
      return `INCOMPLETE: ${plan.dataGaps.length} missing ${plan.dataGaps.length === 1 ? "answer" : "answers"} could change this plan. Collect ${plan.dataGaps.length === 1 ? "it" : "them"} before relying on it.`;
    case "complete":
      return undefined;
  }
}

export function heading(plan: Plan): string {
  const who = plan.assessmentId === undefined ? "" : ` for assessment ${plan.assessmentId}`;
  const { name, version, digest } = plan.ruleset;
  return `Care plan${who} (profile ${plan.profile}; rules ${name} ${version}, ${digest.slice(0, 19)}…)`;
}

/** `sessions: 6; frequency: weekly` in the catalog's key order. */
export function detailsLine(details: Details): string {
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${String(value)}`)
    .join("; ");
}

export function ruleCounts(plan: Plan): string {
  const count = (outcome: string): number => plan.trace.filter((t) => t.outcome === outcome).length;
  return `${plan.trace.length} rules: ${count("fired")} fired, ${count("not-fired")} not fired, ${count("undetermined")} undetermined`;
}
