/**
 * Which results are current. An EHR sends a patient's history (the CDS prefetch asks for every
 * Observation of a code), so a field can come from several visits: the latest result on or
 * before the assessment date is the patient's state now, older ones are superseded, and a result
 * older than its instrument's window says nothing about now, so it is left out and asked for.
 * The windows are recall periods rounded up, a clinical choice the rulebook's reviewers own.
 */
import type { Issue } from "../../../errors.js";
import { dayNumber, daysIn, isDate } from "../../../calendar.js";
import type { Finding } from "./finding.js";
import { codes, fhirIssue, messages } from "./messages.js";

/** What a window covers: the fields whose path starts with `prefix`, read and replaced together. */
interface Window {
  readonly prefix: string;
  /** How the group is named in a message. */
  readonly name: string;
  readonly maxAgeDays: number;
}

/**
 * One instrument's items and totals are a group: a PHQ-9's items from one visit never meet
 * another visit's total. Height, weight and BMI are checked against each other, so they too.
 * Questionnaires ask about the last 2 weeks (PHQ-9, GAD-7, STarT Back) or today (ODI, pain): 28
 * days. Body size and smoking change slowly: a year. A field in no group is a group of its own
 * with the default window.
 */
const windows: readonly Window[] = [
  { prefix: "questionnaires.phq9.", name: "PHQ-9", maxAgeDays: 28 },
  { prefix: "questionnaires.gad7.", name: "GAD-7", maxAgeDays: 28 },
  { prefix: "questionnaires.startBack.", name: "STarT Back", maxAgeDays: 28 },
  { prefix: "questionnaires.odi.", name: "ODI", maxAgeDays: 28 },
  { prefix: "lifestyle.bmi", name: "BMI, height and weight", maxAgeDays: 365 },
  { prefix: "lifestyle.heightCm", name: "BMI, height and weight", maxAgeDays: 365 },
  { prefix: "lifestyle.weightKg", name: "BMI, height and weight", maxAgeDays: 365 },
  { prefix: "lifestyle.smoker", name: "smoking status", maxAgeDays: 365 },
];
const DEFAULT_MAX_AGE_DAYS = 28;

function windowOf(field: string): Window {
  return (
    windows.find((window) => field.startsWith(window.prefix)) ?? {
      prefix: field,
      name: field,
      maxAgeDays: DEFAULT_MAX_AGE_DAYS,
    }
  );
}

/** The days a FHIR date or dateTime may be (`2026` is 1 Jan – 31 Dec), as written by the sender. */
export interface Days {
  readonly first: string;
  readonly last: string;
}

/**
 * When a result was obtained: Observation.effective[x] (a period's end, or its start while
 * open), QuestionnaireResponse.authored. `undefined` for an undated result (or a Patient or
 * Condition, which are not results): it is taken as current, and disagrees with the latest
 * result as a conflict.
 */
export function resultDays(resource: Readonly<Record<string, unknown>>): Days | undefined {
  const type = resource["resourceType"];
  if (type === "QuestionnaireResponse") return daysOf(resource["authored"]);
  if (type !== "Observation") return undefined;
  const period = resource["effectivePeriod"];
  const periodEnd =
    typeof period === "object" && period !== null
      ? ((period as Record<string, unknown>)["end"] ?? (period as Record<string, unknown>)["start"])
      : undefined;
  return daysOf(resource["effectiveDateTime"] ?? resource["effectiveInstant"] ?? periodEnd);
}

function daysOf(value: unknown): Days | undefined {
  if (typeof value !== "string") return undefined;
  // FHIR date or dateTime: YYYY, YYYY-MM, YYYY-MM-DD, or that with a time. Anything else, or a
  // day no calendar has, dates nothing: the result is read as undated.
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T.+)?)?)?$/.exec(value);
  if (match === null) return undefined;
  const [, year, month, day] = match;
  if (month !== undefined && !isDate(`${year}-${month}-${day ?? "01"}`)) return undefined;
  if (day !== undefined) return { first: `${year}-${month}-${day}`, last: `${year}-${month}-${day}` };
  if (month !== undefined)
    return { first: `${year}-${month}-01`, last: `${year}-${month}-${daysIn(Number(year), Number(month))}` };
  return { first: `${year}-01-01`, last: `${year}-12-31` };
}

/** How a day is shown in a message: as the sender wrote its precision. */
function shown(days: Days): string {
  return days.first === days.last ? days.first : `${days.first} to ${days.last}`;
}

/**
 * The findings that describe the patient on `assessedOn`: per group, those of the latest dated
 * resource and of any that may be as recent (an imprecise date overlapping it; an undated one);
 * nothing from after the assessment date (a warning each) or
 * from a latest result older than the group's window (one warning, naming it). Without an
 * assessment date every finding is current, as written.
 */
export function currentFindings(
  findings: readonly Finding[],
  assessedOn: string | undefined,
): { findings: Finding[]; issues: Issue[] } {
  if (assessedOn === undefined) return { findings: [...findings], issues: [] };
  const issues: Issue[] = [];
  const future = new Set<string>();
  const dated = new Map<Finding, Days>();
  const groups = new Map<string, Finding[]>();
  for (const finding of findings) {
    const days = resultDays(finding.source.resource);
    if (days !== undefined && days.first > assessedOn) {
      if (!future.has(finding.source.label)) {
        future.add(finding.source.label);
        const message = messages.futureResult(finding.source.label, shown(days), assessedOn);
        issues.push(fhirIssue(codes.futureResult, finding.source.pointer, message, "warning"));
      }
      continue;
    }
    // A result of `2026` may be from any day up to the assessment: no later than it.
    if (days !== undefined)
      dated.set(finding, { first: days.first, last: days.last > assessedOn ? assessedOn : days.last });
    const key = windowOf(finding.field).name;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [finding]);
    else group.push(finding);
  }
  const kept: Finding[] = [];
  for (const group of groups.values()) {
    const latest = group.reduce<Finding | undefined>((best, finding) => {
      const days = dated.get(finding);
      const bestDays = best === undefined ? undefined : dated.get(best);
      return days !== undefined && (bestDays === undefined || days.last > bestDays.last) ? finding : best;
    }, undefined);
    const latestDays = latest === undefined ? undefined : dated.get(latest);
    if (latest === undefined || latestDays === undefined) {
      kept.push(...group);
      continue;
    }
    const window = windowOf(latest.field);
    const stale = dayNumber(assessedOn) - dayNumber(latestDays.last) > window.maxAgeDays;
    if (stale) {
      const message = messages.staleResult(
        window.name,
        latest.source.label,
        shown(latestDays),
        window.maxAgeDays,
        assessedOn,
      );
      issues.push(fhirIssue(codes.staleResult, latest.source.pointer, message, "warning"));
    }
    kept.push(
      ...group.filter((finding) => {
        const days = dated.get(finding);
        // Kept: what may be as recent as the latest (the same day; a year or month overlapping
        // it), so that a disagreement is a conflict rather than a guess.
        return days === undefined ? true : !stale && days.last >= latestDays.first;
      }),
    );
  }
  // Findings in their first order, so conflicts and sources read as before.
  const keep = new Set(kept);
  return { findings: findings.filter((finding) => keep.has(finding)), issues };
}
