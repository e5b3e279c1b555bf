/**
 * The episode's duration from the problem list: an active low back pain Condition's onset to the
 * visit date, in weeks. It is the problem list's onset, not the patient's account of this episode
 * (a chronic low back pain entered years ago may be a new flare), so it is only a fallback: any
 * other source of `pain.durationWeeks` (backplan's Questionnaire) wins, and using it is a warning.
 * Codes verified against cited sources (notes in the test that pins each).
 */
import { dayNumber } from "../../../calendar.js";
import type { BundleResource } from "./bundle-index.js";
import { type ConditionCode, matchesCode } from "./condition-codes.js";
import type { Finding } from "./finding.js";
import { isRecord } from "./mappings/values.js";
import { codes, fhirIssue, messages } from "./messages.js";
import { resultDays } from "./recency.js";
import { ICD10CM, SNOMED } from "./systems.js";

const lowBackPainCodes: readonly ConditionCode[] = [
  // Low back pain (finding); Chronic low back pain (finding), the code Synthea's records carry.
  { system: SNOMED, code: "279039007" },
  { system: SNOMED, code: "278860009" },
  // ICD-10-CM M54.5 Low back pain (until FY2021), split from October 2021 into M54.50
  // unspecified, M54.51 vertebrogenic, M54.59 other low back pain.
  { system: ICD10CM, code: "M54.5" },
  { system: ICD10CM, code: "M54.50" },
  { system: ICD10CM, code: "M54.51" },
  { system: ICD10CM, code: "M54.59" },
];

const FIELD = "pain.durationWeeks";

/**
 * The fallback finding of a current low back pain Condition with an onset on or before
 * `assessedOn` (onsetDateTime, or onsetPeriod.start; a year or month counts from its first day).
 */
export function onsetDuration(
  source: BundleResource,
  codings: readonly Readonly<Record<string, unknown>>[],
  assessedOn: string | undefined,
): Finding[] {
  if (assessedOn === undefined) return [];
  if (!codings.some((coding) => matchesCode(lowBackPainCodes, coding["system"], coding["code"]))) return [];
  const { resource } = source;
  const period = resource["onsetPeriod"];
  const onset = resource["onsetDateTime"] ?? (isRecord(period) ? period["start"] : undefined);
  // The onset is dated as a result is: its day as written, in the sender's own offset.
  const days =
    typeof onset === "string" ? resultDays({ resourceType: "Observation", effectiveDateTime: onset }) : undefined;
  if (days === undefined || days.first > assessedOn) return [];
  const weeks = Math.round(((dayNumber(assessedOn) - dayNumber(days.first)) / 7) * 10) / 10;
  const message = messages.conditionOnset(source.label, String(onset), weeks, assessedOn);
  return [
    {
      field: FIELD,
      value: weeks,
      source,
      fallback: fhirIssue(codes.conditionOnset, `${source.pointer}/onsetDateTime`, message, "warning"),
    },
  ];
}
