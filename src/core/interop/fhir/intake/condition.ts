import type { BundleResource } from "./bundle-index.js";
import { conditionFlags, matchesCode } from "./condition-codes.js";
import { onsetDuration } from "./condition-onset.js";
import type { Reading } from "./finding.js";
import { isRecord } from "./mappings/values.js";
import { codes, fhirIssue, messages } from "./messages.js";
import { CONDITION_CLINICAL, CONDITION_VERIFICATION } from "./systems.js";

/** Verification statuses that withdraw a Condition: it was never true of the patient. */
const withdrawn: ReadonlySet<string> = new Set(["refuted", "entered-in-error"]);

/** Clinical statuses of a current Condition. */
const current: ReadonlySet<string> = new Set(["active", "recurrence", "relapse"]);

/**
 * The flags a Condition sets to `true` (see condition-codes.ts). A Condition never sets `false`:
 * having no cancer on the problem list is not "no history of cancer". Only a current Condition
 * counts, except where the flag is about the past (history of cancer); one that is not current
 * is a warning, so the clinician sees why a recorded diagnosis did not count. A current low back
 * pain Condition's onset also gives the episode's duration, as a fallback (condition-onset.ts).
 */
export function readCondition(source: BundleResource, assessedOn: string | undefined): Reading {
  const { resource, pointer } = source;
  const verification = statusOf(resource["verificationStatus"], CONDITION_VERIFICATION);
  if (verification !== undefined && withdrawn.has(verification)) {
    const message = messages.ignoredResource(source.label, verification);
    return { findings: [], issues: [fhirIssue(codes.ignoredResource, pointer, message, "warning")] };
  }
  const codings = isRecord(resource["code"]) ? resource["code"]["coding"] : undefined;
  const list = Array.isArray(codings) ? (codings as unknown[]).filter(isRecord) : [];
  const flags = conditionFlags.filter((flag) =>
    list.some((coding) => matchesCode(flag.codes, coding["system"], coding["code"])),
  );
  const clinical = statusOf(resource["clinicalStatus"], CONDITION_CLINICAL);
  const counts = (countsWhenResolved: boolean): boolean =>
    countsWhenResolved || (clinical !== undefined && current.has(clinical));
  return {
    findings: [
      ...flags
        .filter((flag) => counts(flag.countsWhenResolved))
        .map((flag) => ({ field: flag.field, value: true, source })),
      ...(counts(false) ? onsetDuration(source, list, assessedOn) : []),
    ],
    issues: flags
      .filter((flag) => !counts(flag.countsWhenResolved))
      .map((flag) =>
        fhirIssue(
          codes.notCurrentCondition,
          `${pointer}/clinicalStatus`,
          messages.notCurrentCondition(source.label, clinical, flag.field),
          "warning",
        ),
      ),
  };
}

/**
 * The code of a status CodeableConcept: its coding in `system`, else one with no system (the
 * element is bound to that one code system, and senders often leave it out; an
 * `entered-in-error` must not be missed for it). A coding of another system is not read.
 */
function statusOf(concept: unknown, system: string): string | undefined {
  const codings = isRecord(concept) ? concept["coding"] : undefined;
  if (!Array.isArray(codings)) return undefined;
  const list = (codings as unknown[]).filter(isRecord);
  const found =
    list.find((coding) => coding["system"] === system) ?? list.find((coding) => coding["system"] === undefined);
  const code = found?.["code"];
  return typeof code === "string" ? code : undefined;
}
