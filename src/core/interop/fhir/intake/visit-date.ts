/**
 * The visit's date from the Bundle's Encounter, when the caller gives none: the local calendar
 * date of `Encounter.period.start` as written (`2026-11-24T08:30:00+10:00` is the 24th, though it
 * is the 23rd in UTC), since the clinic's day is what "today's PHQ-9" means. A record holds many
 * past Encounters, so only a current one (in progress, arrived, triaged) dates the visit, or the
 * Bundle's only Encounter; several current ones on different days date nothing, with a warning.
 */
import type { Issue } from "../../../errors.js";
import { isDate } from "../../../calendar.js";
import type { BundleResource } from "./bundle-index.js";
import { isRecord } from "./mappings/values.js";
import { codes, fhirIssue, messages } from "./messages.js";

/** Encounter statuses of a visit happening now (FHIR R4 encounter-status). */
const current: ReadonlySet<unknown> = new Set(["in-progress", "arrived", "triaged"]);

export function encounterDate(resources: readonly BundleResource[]): { date?: string; issues: Issue[] } {
  const encounters = resources.filter((source) => source.type === "Encounter");
  const now = encounters.filter((source) => current.has(source.resource["status"]));
  const candidates = now.length > 0 ? now : encounters.length === 1 ? encounters : [];
  const dated = candidates.flatMap((source) => {
    const date = startDate(source.resource["period"]);
    return date === undefined ? [] : [{ source, date }];
  });
  const [first, ...others] = new Set(dated.map(({ date }) => date));
  if (first === undefined) return { issues: [] };
  if (others.length === 0) return { date: first, issues: [] };
  const message = messages.encounterDates(dated.map(({ source, date }) => `${source.label} on ${date}`));
  return { issues: [fhirIssue(codes.encounterDate, dated[0]?.source.pointer ?? "", message, "warning")] };
}

/** `period.start`'s date part as written, when it is a real day. */
function startDate(period: unknown): string | undefined {
  const start = isRecord(period) ? period["start"] : undefined;
  const date = typeof start === "string" ? start.slice(0, 10) : undefined;
  return date !== undefined && isDate(date) ? date : undefined;
}
