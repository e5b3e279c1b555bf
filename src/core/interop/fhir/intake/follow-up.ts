/**
 * A record of several visits read as a follow-up. When the patient's record holds an active
 * CarePlan made by backplan (backplan-care-plan.ts), the visit follows that plan:
 *
 * - `followUp.previousComponents`: the CarePlan's activities mapped back to component ids, as
 *   planToFhir encodes them (an inline activity's `detail.code`, a referral's ServiceRequest's
 *   `code`, in backplan's component system);
 * - the episode's start: that CarePlan's `period.start`, else its `created` (the first visit of
 *   the episode, when backplan's first plan was made; a revision keeps it, see serve/);
 * - `followUp.weeksSinceBaseline`: whole weeks from the episode's start to the visit date;
 * - `followUp.baseline.*`: of each instrument, the first result of the episode: the earliest
 *   day-dated result on or after the episode's start and before the visit date (a result of the
 *   visit date is today's, never a baseline; one before the start belongs to an earlier episode).
 *
 * Each is a finding traced to its resource, so backplan's Questionnaire may answer the same
 * fields: the same value is agreement, another is a conflict naming both (assemble.ts). Today's
 * values are read as for any visit (recency.ts). Without an active backplan CarePlan the record
 * says nothing about a follow-up.
 */
import type { Issue } from "../../../errors.js";
import { dayNumber } from "../../../calendar.js";
import { odiPercent } from "../../../run/assessment/instruments/odi.js";
import { toOneDecimal } from "../../../run/assessment/instruments/scoring.js";
import { carePlanComponents, carePlanDate, isBackplanCarePlan } from "./backplan-care-plan.js";
import type { BundleResource } from "./bundle-index.js";
import { type DatedFinding, datedFindings } from "./episode.js";
import type { Finding } from "./finding.js";
import { codes, fhirIssue, messages } from "./messages.js";
import type { JsonObject as Json } from "../types.js";

/** How each baseline score is read from results: a total, or a complete set of items from one resource scored. */
interface BaselineField {
  readonly field: string;
  readonly total: string;
  readonly items?: { readonly prefix: string; readonly count: number; readonly score: (items: number[]) => number };
}

const sum = (items: number[]): number => items.reduce((total, item) => total + item, 0);

const BASELINE_FIELDS: readonly BaselineField[] = [
  {
    field: "followUp.baseline.odiPercent",
    total: "questionnaires.odi.percent",
    items: { prefix: "questionnaires.odi.items[", count: 10, score: (items) => toOneDecimal(odiPercent(items) ?? NaN) },
  },
  { field: "followUp.baseline.painIntensity", total: "pain.intensity" },
  {
    field: "followUp.baseline.startBackTotal",
    total: "questionnaires.startBack.total",
    items: { prefix: "questionnaires.startBack.items[", count: 9, score: sum },
  },
  {
    field: "followUp.baseline.phq9Total",
    total: "questionnaires.phq9.total",
    items: { prefix: "questionnaires.phq9.items[", count: 9, score: sum },
  },
];

/** The followUp findings the record gives, and the warnings that say what was chosen. */
export function followUpFromRecord(
  resources: readonly BundleResource[],
  assessedOn: string | undefined,
  find: (reference: string) => Json | undefined,
): { findings: Finding[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const [chosen, ...others] = activeCarePlans(resources, assessedOn, find);
  if (chosen === undefined) return { findings: [], issues };
  const { source: plan, start } = chosen;
  if (others.length > 0) {
    const message = messages.severalCarePlans(
      plan.label,
      others.map(({ source }) => source.label),
    );
    issues.push(fhirIssue(codes.followUp, plan.pointer, message, "warning"));
  }
  if (start !== undefined && start === assessedOn) {
    issues.push(fhirIssue(codes.followUp, plan.pointer, messages.carePlanToday(plan.label, start), "warning"));
    return { findings: [], issues };
  }
  const components = carePlanComponents(plan, find);
  for (const pointer of components.unmapped)
    issues.push(fhirIssue(codes.followUp, pointer, messages.unmappedActivity(plan.label), "warning"));
  const findings: Finding[] = [{ field: "followUp.previousComponents", value: components.ids, source: plan }];
  if (start === undefined || assessedOn === undefined) {
    issues.push(fhirIssue(codes.followUp, plan.pointer, messages.undatedCarePlan(plan.label), "warning"));
    return { findings, issues };
  }
  const weeks = Math.floor((dayNumber(assessedOn) - dayNumber(start)) / 7);
  findings.push({ field: "followUp.weeksSinceBaseline", value: weeks, source: plan });
  issues.push(
    fhirIssue(codes.followUp, plan.pointer, messages.followUpFromCarePlan(plan.label, start, weeks), "warning"),
  );
  const results = datedFindings(resources).filter(({ date }) => date >= start && date < assessedOn);
  for (const baseline of BASELINE_FIELDS) {
    const found = firstResult(baseline, results);
    if (found.kind === "value") findings.push({ field: baseline.field, value: found.value, source: found.source });
    else {
      const message =
        found.kind === "none"
          ? messages.noBaseline(baseline.field, start, assessedOn)
          : messages.baselineConflict(baseline.field, found.date, found.resources);
      issues.push(fhirIssue(codes.followUp, found.kind === "none" ? plan.pointer : found.pointer, message, "warning"));
    }
  }
  return { findings, issues };
}

/** A backplan CarePlan of the record and the day it began. */
export interface ActivePlan {
  readonly source: BundleResource;
  readonly start: string | undefined;
}

/**
 * The record's active backplan CarePlans begun on or before the visit date (or undated), the
 * latest begun first: the first is the plan this visit follows and revises.
 */
export function activeCarePlans(
  resources: readonly BundleResource[],
  assessedOn: string | undefined,
  find: (reference: string) => Json | undefined,
): ActivePlan[] {
  return (
    resources
      .filter((source) => source.resource["status"] === "active" && isBackplanCarePlan(source, find))
      .map((source) => ({ source, start: carePlanDate(source.resource) }))
      // A CarePlan begun after the visit date is not one this visit follows.
      .filter(({ start }) => assessedOn === undefined || start === undefined || start <= assessedOn)
      .sort((a, b) => ((a.start ?? "") < (b.start ?? "") ? 1 : (a.start ?? "") > (b.start ?? "") ? -1 : 0))
  );
}

type FirstResult =
  | { kind: "value"; value: number; source: BundleResource }
  | { kind: "none" }
  | { kind: "conflict"; date: string; resources: string[]; pointer: string };

/** The baseline field's value from the earliest day with a result: its totals, and each resource's complete items scored. */
function firstResult(baseline: BaselineField, results: readonly DatedFinding[]): FirstResult {
  const candidates: { date: string; value: number; source: BundleResource }[] = [];
  const items = new Map<BundleResource, { date: string; answers: (number | undefined)[] }>();
  for (const { finding, date } of results) {
    if (typeof finding.value !== "number") continue;
    if (finding.field === baseline.total) candidates.push({ date, value: finding.value, source: finding.source });
    else if (baseline.items !== undefined && finding.field.startsWith(baseline.items.prefix)) {
      const index = Number(/\[(\d+)\]$/.exec(finding.field)?.[1]);
      const set = items.get(finding.source) ?? { date, answers: Array.from({ length: baseline.items.count }) };
      if (index < baseline.items.count) set.answers[index] = finding.value;
      items.set(finding.source, set);
    }
  }
  for (const [source, { date, answers }] of items) {
    const complete = answers.filter((answer): answer is number => answer !== undefined);
    if (baseline.items === undefined || complete.length !== baseline.items.count) continue;
    const value = baseline.items.score(complete);
    if (Number.isFinite(value)) candidates.push({ date, value, source });
  }
  const first = candidates.reduce<string | undefined>(
    (earliest, { date }) => (earliest === undefined || date < earliest ? date : earliest),
    undefined,
  );
  const that = candidates.filter(({ date }) => date === first);
  const [one] = that;
  if (one === undefined || first === undefined) return { kind: "none" };
  if (that.every(({ value }) => value === one.value)) return { kind: "value", value: one.value, source: one.source };
  return {
    kind: "conflict",
    date: first,
    resources: [...new Set(that.map(({ source }) => source.label))],
    pointer: one.source.pointer,
  };
}
