/**
 * backplan's own CarePlans in a patient's record, recognised the way planToFhir writes them
 * (output/care-plan.ts): each component is an activity coded in backplan's component system,
 * inline (`activity.detail.code`) or, for a referral, by reference to a ServiceRequest coded the
 * same way. planToFhir writes no category or instantiatesCanonical, so the coding is the mark: a
 * CarePlan with an activity coded in COMPONENT_SYSTEM, directly or through a ServiceRequest of the
 * record, is backplan's. The title and description are text and are not relied on.
 */
import { isDate } from "../../../calendar.js";
import { COMPONENT_SYSTEM } from "../output/systems.js";
import type { BundleResource } from "./bundle-index.js";
import { isRecord } from "./mappings/values.js";
import type { JsonObject as Json } from "../types.js";

/** A component id, as the schema allows one. */
const COMPONENT_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** What a backplan CarePlan's activities say, mapped back to component ids. */
export interface CarePlanComponents {
  /** Component ids in activity order, each once. */
  readonly ids: readonly string[];
  /** Activities that could not be mapped back (a referral whose ServiceRequest is not in the record), as JSON Pointers. */
  readonly unmapped: readonly string[];
}

/** The component id a concept codes in backplan's component system, if any. */
function componentCode(concept: unknown): string | undefined {
  const codings = isRecord(concept) && Array.isArray(concept["coding"]) ? (concept["coding"] as unknown[]) : [];
  for (const coding of codings) {
    if (!isRecord(coding) || coding["system"] !== COMPONENT_SYSTEM) continue;
    const code = coding["code"];
    if (typeof code === "string" && COMPONENT_ID.test(code)) return code;
  }
  return undefined;
}

/**
 * The component ids of a CarePlan's activities, as planToFhir encodes them: an inline activity's
 * `detail.code`, a referral's ServiceRequest's `code` (found by `find`, a record's resource by
 * `Type/id` or fullUrl). An activity neither coded nor resolvable is `unmapped`.
 */
export function carePlanComponents(
  source: BundleResource,
  find: (reference: string) => Json | undefined,
): CarePlanComponents {
  const activities = Array.isArray(source.resource["activity"]) ? (source.resource["activity"] as unknown[]) : [];
  const ids: string[] = [];
  const unmapped: string[] = [];
  activities.forEach((activity, index) => {
    if (!isRecord(activity)) return;
    const detail = activity["detail"];
    const inline = isRecord(detail) ? componentCode(detail["code"]) : undefined;
    const reference = isRecord(activity["reference"]) ? activity["reference"]["reference"] : undefined;
    const referred = typeof reference === "string" ? find(reference) : undefined;
    const id =
      inline ?? (referred?.["resourceType"] === "ServiceRequest" ? componentCode(referred["code"]) : undefined);
    if (id === undefined) unmapped.push(`${source.pointer}/activity/${String(index)}`);
    else if (!ids.includes(id)) ids.push(id);
  });
  return { ids, unmapped };
}

/** Whether a resource of the record is a CarePlan backplan made (at least one activity maps back). */
export function isBackplanCarePlan(source: BundleResource, find: (reference: string) => Json | undefined): boolean {
  return source.type === "CarePlan" && carePlanComponents(source, find).ids.length > 0;
}

/** The date a CarePlan began: `period.start`, else `created`, as written (the sender's local date). */
export function carePlanDate(resource: Json): string | undefined {
  const period = resource["period"];
  const start = isRecord(period) ? period["start"] : undefined;
  for (const value of [start, resource["created"]]) {
    const date = typeof value === "string" ? value.slice(0, 10) : undefined;
    if (date !== undefined && isDate(date)) return date;
  }
  return undefined;
}
