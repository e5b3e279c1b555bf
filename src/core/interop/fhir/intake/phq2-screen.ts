/**
 * PHQ-2 (LOINC 55758-7, its total) read as what it is: a screen. It fills no assessment field (a
 * PHQ-2 is not a PHQ-9, and its two items say nothing about item 9); a positive one (3 or more)
 * when the Bundle has no current PHQ-9 is a warning that the PHQ-9 must be completed, which the
 * plan already lists as a data gap. Its items (44250-9, 44255-8) are PHQ-9 items 1 and 2 and are
 * read as such (a partial PHQ-9, left out with its own warning).
 */
import type { Issue } from "../../../errors.js";
import { dayNumber } from "../../../calendar.js";
import type { Assessment } from "../../../generated/types.js";
import type { BundleResource } from "./bundle-index.js";
import { none } from "./mappings/answer-lists.js";
import { isRecord, score } from "./mappings/values.js";
import { codes, fhirIssue, messages } from "./messages.js";
import { type Days, resultDays } from "./recency.js";
import { LOINC } from "./systems.js";

const PHQ2_TOTAL = "55758-7";
const POSITIVE = 3;
/** The PHQ-2 asks about the last 2 weeks, as the PHQ-9 does: the same 28-day window. */
const MAX_AGE_DAYS = 28;
const total = score(none, "an integer");

export function phq2Screen(
  resources: readonly BundleResource[],
  assessment: Partial<Assessment>,
  assessedOn: string | undefined,
): Issue[] {
  const phq9 = assessment.questionnaires?.phq9;
  if (phq9?.total !== undefined || phq9?.items !== undefined) return [];
  let latest: { source: BundleResource; value: number; days?: Days } | undefined;
  for (const source of resources) {
    const { resource } = source;
    if (source.type !== "Observation" || !isPhq2(resource["code"])) continue;
    if (resource["status"] === "entered-in-error" || resource["status"] === "cancelled") continue;
    const read = total.read(resource);
    if (read === undefined || read === "absent" || typeof read.value !== "number") continue;
    const days = resultDays(resource);
    if (assessedOn !== undefined && days !== undefined) {
      if (days.first > assessedOn || dayNumber(assessedOn) - dayNumber(days.last) > MAX_AGE_DAYS) continue;
    }
    if (latest === undefined || (days !== undefined && (latest.days === undefined || days.last > latest.days.last)))
      latest = { source, value: read.value, ...(days === undefined ? {} : { days }) };
  }
  if (latest === undefined || latest.value < POSITIVE) return [];
  const message = messages.screenPositive(latest.source.label, latest.value);
  return [fhirIssue(codes.screenPositive, latest.source.pointer, message, "warning")];
}

function isPhq2(concept: unknown): boolean {
  const codings = isRecord(concept) && Array.isArray(concept["coding"]) ? (concept["coding"] as unknown[]) : [];
  return codings.some((coding) => isRecord(coding) && coding["system"] === LOINC && coding["code"] === PHQ2_TOTAL);
}
