/**
 * How a patient at a follow-up is doing against the episode's baseline, for the plan card: from
 * the assessment's `followUp.baseline` and the `progress.*` facts (scored in code, reference §6.10:
 * improved or worse when the change reaches the minimal important change, Ostelo 2008).
 */
import { deriveFacts, type Assessment, type Plan } from "../core/index.js";
import { escapeMarkdown } from "./markdown.js";

/** The progress line and the overall verdict, or `undefined` at a first visit. */
export interface Progress {
  /** `Since the first visit 12 weeks ago: ODI 46 → 28 % (18 points better: improved); pain 6 → 3 (3 points better: improved)`. */
  readonly line: string;
  /** `progress.overall`, when function and pain are both known. */
  readonly overall?: string;
  readonly weeks?: number;
}

function change(baseline: number, points: number | undefined, verdict: unknown, unit: string): string | undefined {
  if (points === undefined || typeof verdict !== "string") return undefined;
  const today = Math.round((baseline - points) * 10) / 10;
  const how = points === 0 ? "no change" : `${String(Math.abs(points))} points ${points > 0 ? "better" : "worse"}`;
  return `${String(baseline)} → ${String(today)}${unit} (${how}: ${verdict})`;
}

export function progressOf(assessment: Assessment): Progress | undefined {
  const followUp = assessment.followUp;
  if (followUp === undefined) return undefined;
  const facts = deriveFacts(assessment);
  const number = (name: string): number | undefined => {
    const value = facts.get(name);
    return typeof value === "number" ? value : undefined;
  };
  const weeks = followUp.weeksSinceBaseline;
  const since =
    weeks === undefined
      ? "Since the first visit of this episode"
      : `Since the first visit ${String(weeks)} ${weeks === 1 ? "week" : "weeks"} ago`;
  const baseline = followUp.baseline ?? {};
  const odi =
    baseline.odiPercent === undefined
      ? undefined
      : change(baseline.odiPercent, number("progress.odiChange"), facts.get("progress.function"), " %");
  const pain =
    baseline.painIntensity === undefined
      ? undefined
      : change(baseline.painIntensity, number("progress.painChange"), facts.get("progress.pain"), "");
  const parts = [
    odi === undefined ? "ODI: no baseline or no result today" : `ODI ${odi}`,
    pain === undefined ? "pain: no baseline or no result today" : `pain ${pain}`,
  ];
  const overall = facts.get("progress.overall");
  return {
    line: `${since}: ${parts.join("; ")}`,
    ...(typeof overall === "string" ? { overall } : {}),
    ...(weeks === undefined ? {} : { weeks }),
  };
}

/** The detail's progress and changes sections at a follow-up (empty at a first visit). */
export function progressDetail(progress: Progress | undefined, plan: Plan): string[] {
  if (progress === undefined) return [];
  const changes = plan.changes;
  const list = (title: string, entries: NonNullable<Plan["changes"]>["added"]): string[] =>
    entries.length === 0
      ? []
      : [
          `**${title}:**`,
          ...entries.map(
            (entry) =>
              `- ${escapeMarkdown(titleOf(plan, entry.id))}: ${escapeMarkdown(entry.reason)}${entry.rule === undefined ? "" : ` (rule \`${entry.rule}\`)`}`,
          ),
          "",
        ];
  return [
    "### Progress since the first visit",
    "",
    `${escapeMarkdown(progress.line)}.${progress.overall === undefined ? "" : ` Overall: **${progress.overall}**.`} Improved or worse means the change reached the minimal important change (ODI 10 points, or 30 % and 5 points; pain 2 points, or 30 % and 1 point).`,
    "",
    ...(changes === undefined
      ? []
      : [
          "### Changes to the plan",
          "",
          ...list("Added", changes.added),
          ...list("Stopped", changes.stopped),
          ...list("Kept", changes.kept),
        ]),
  ];
}

function titleOf(plan: Plan, id: string): string {
  return plan.components.find((component) => component.id === id)?.title ?? id;
}
