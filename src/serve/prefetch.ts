import type { CdsService } from "./service.js";

/** Why a prefetch key cannot be used; any of them means 412 (this service never calls the FHIR server). */
export interface MissingPrefetch {
  readonly key: string;
  readonly reason: string;
}

/** A FHIR `collection` Bundle of every prefetched resource, or the keys that are missing. */
export type PrefetchOutcome =
  | {
      readonly ok: true;
      readonly bundle: { resourceType: "Bundle"; type: "collection"; entry: { resource: unknown }[] };
    }
  | { readonly ok: false; readonly missing: readonly MissingPrefetch[] };

type Json = Readonly<Record<string, unknown>>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The resources of one prefetch value: a resource, a searchset Bundle's entries, or none for
 * `null` (the client searched and found nothing). A string is why the value is unusable.
 */
function resourcesOf(value: unknown): readonly unknown[] | string {
  if (value === null) return [];
  if (value === undefined) return "not sent";
  if (!isObject(value) || typeof value["resourceType"] !== "string") return "not a FHIR resource";
  if (value["resourceType"] === "OperationOutcome") return "the client sent an OperationOutcome (its query failed)";
  if (value["resourceType"] !== "Bundle") return [value];
  const links = Array.isArray(value["link"]) ? (value["link"] as unknown[]) : [];
  if (links.some((link) => isObject(link) && link["relation"] === "next"))
    return "a paginated Bundle (it has a next link); send every page";
  const entries = Array.isArray(value["entry"]) ? (value["entry"] as unknown[]) : [];
  const resources = entries.map((entry) => (isObject(entry) ? entry["resource"] : undefined));
  if (resources.some((resource) => isObject(resource) && resource["resourceType"] === "OperationOutcome"))
    return "the Bundle holds an OperationOutcome (part of its query failed)";
  return resources.filter((resource) => resource !== undefined);
}

/**
 * Checks every prefetch key of `service` and gathers their resources into one Bundle for the
 * intake. A key that is absent, an error, or only a first page is missing: the plan would be
 * made on part of the data (a PHQ-9 item 9 unseen), so the service answers 412 instead.
 */
export function prefetchBundle(service: CdsService, prefetch: Readonly<Record<string, unknown>>): PrefetchOutcome {
  const missing: MissingPrefetch[] = [];
  const resources: unknown[] = [];
  for (const key of Object.keys(service.prefetch)) {
    const found = resourcesOf(prefetch[key]);
    if (typeof found === "string") missing.push({ key, reason: found });
    else resources.push(...found);
  }
  if (missing.length > 0) return { ok: false, missing };
  return {
    ok: true,
    bundle: { resourceType: "Bundle", type: "collection", entry: resources.map((resource) => ({ resource })) },
  };
}

/**
 * The Patient resources of the gathered Bundle whose id is not `context.patientId`: data of
 * another patient must never be planned on, so the request is refused (400).
 */
export function otherPatients(bundle: { entry: readonly { resource: unknown }[] }, patientId: string): string[] {
  return bundle.entry.flatMap(({ resource }) =>
    isObject(resource) && resource["resourceType"] === "Patient" && resource["id"] !== patientId
      ? [`Patient/${String(resource["id"])}`]
      : [],
  );
}
