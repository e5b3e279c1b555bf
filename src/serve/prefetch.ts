import { printable } from "../core/index.js";
import type { CdsService } from "./service.js";

/** Why a prefetch key cannot be used; any of them means 412 unless the service can fetch it. */
interface MissingPrefetch {
  readonly key: string;
  readonly reason: string;
}

/** One entry of the Bundle the intake reads: the resource and, when the client gave one, its `fullUrl`. */
export interface PrefetchEntry {
  readonly fullUrl?: string;
  readonly resource: unknown;
}

/** What one prefetch value gives: its entries, the first page of a longer search, or why it is unusable. */
export type PrefetchValue =
  | { readonly kind: "entries"; readonly entries: readonly PrefetchEntry[] }
  | { readonly kind: "paginated"; readonly entries: readonly PrefetchEntry[]; readonly next: string }
  | { readonly kind: "unusable"; readonly reason: string };

/** The FHIR `collection` Bundle the intake reads: every entry kept with its `fullUrl`. */
interface GatheredBundle {
  resourceType: "Bundle";
  type: "collection";
  entry: PrefetchEntry[];
}

/** A Bundle of the gathered entries, or the keys that are missing. */
export type PrefetchOutcome =
  | { readonly ok: true; readonly bundle: GatheredBundle }
  | { readonly ok: false; readonly missing: readonly MissingPrefetch[] };

type Json = Readonly<Record<string, unknown>>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Whether an OperationOutcome reports a failure: an issue of severity `error` or `fatal`. Servers
 * routinely add informational ones to a searchset (`search.mode: outcome`, "the search was
 * limited", "unknown parameter ignored"); those say nothing is missing.
 */
function reportsFailure(outcome: Json): boolean {
  const issues = Array.isArray(outcome["issue"]) ? (outcome["issue"] as unknown[]) : [];
  return issues.some((issue) => !isObject(issue) || issue["severity"] === "error" || issue["severity"] === "fatal");
}

function entryOf(entry: unknown): PrefetchEntry | undefined {
  if (!isObject(entry) || entry["resource"] === undefined) return undefined;
  const fullUrl = entry["fullUrl"];
  return typeof fullUrl === "string" ? { fullUrl, resource: entry["resource"] } : { resource: entry["resource"] };
}

function isOutcome(resource: unknown): resource is Json {
  return isObject(resource) && resource["resourceType"] === "OperationOutcome";
}

/**
 * One prefetch value (or one page the service fetched): a resource, a searchset Bundle's entries
 * (each with its `fullUrl`, so `urn:uuid:` references resolve as they do in the library), or none
 * for `null` (the client searched and found nothing). Informational OperationOutcomes are dropped;
 * an error or fatal one makes the value unusable (part of the search failed).
 */
export function readPrefetchValue(value: unknown): PrefetchValue {
  const unusable = (reason: string): PrefetchValue => ({ kind: "unusable", reason });
  if (value === null) return { kind: "entries", entries: [] };
  if (value === undefined) return unusable("not sent");
  if (!isObject(value) || typeof value["resourceType"] !== "string") return unusable("not a FHIR resource");
  if (isOutcome(value)) return unusable("an OperationOutcome (the query failed)");
  if (value["resourceType"] !== "Bundle") return { kind: "entries", entries: [{ resource: value }] };
  const raw = Array.isArray(value["entry"]) ? (value["entry"] as unknown[]) : [];
  const entries = raw.flatMap((entry) => entryOf(entry) ?? []);
  if (entries.some(({ resource }) => isOutcome(resource) && reportsFailure(resource)))
    return unusable("the Bundle holds an OperationOutcome with an error (part of its query failed)");
  const kept = entries.filter(({ resource }) => !isOutcome(resource));
  const links = Array.isArray(value["link"]) ? (value["link"] as unknown[]) : [];
  const next = links.find((link) => isObject(link) && link["relation"] === "next");
  if (next !== undefined) {
    const url = isObject(next) ? next["url"] : undefined;
    if (typeof url !== "string" || url === "") return unusable("a paginated Bundle whose next link has no url");
    return { kind: "paginated", entries: kept, next: url };
  }
  return { kind: "entries", entries: kept };
}

/** Each key of `service` with what the client sent for it. */
export function readPrefetch(
  service: CdsService,
  prefetch: Readonly<Record<string, unknown>>,
): Map<string, PrefetchValue> {
  return new Map(Object.keys(service.prefetch).map((key) => [key, readPrefetchValue(prefetch[key])]));
}

/** What to tell the client about a key the service could not complete. */
function whyMissing(value: PrefetchValue): string | undefined {
  switch (value.kind) {
    case "entries":
      return undefined;
    case "paginated":
      return "a paginated Bundle (it has a next link); send every page, or fhirServer and fhirAuthorization";
    case "unusable":
      return value.reason;
  }
}

/**
 * The keys' entries gathered into one Bundle for the intake, or the keys that are missing. A key
 * that is absent, an error, or only a first page is missing: the plan would be made on part of the
 * data (a PHQ-9 item 9 unseen), so the service answers 412 instead. `optional` keys are left out
 * when unusable.
 */
export function gatherPrefetch(
  values: ReadonlyMap<string, PrefetchValue>,
  optional: ReadonlySet<string> = new Set(),
): PrefetchOutcome {
  const missing: MissingPrefetch[] = [];
  const entries: PrefetchEntry[] = [];
  for (const [key, value] of values) {
    const reason = whyMissing(value);
    if (value.kind === "entries") entries.push(...value.entries);
    else if (reason !== undefined && !optional.has(key)) missing.push({ key, reason });
  }
  if (missing.length > 0) return { ok: false, missing };
  return { ok: true, bundle: { resourceType: "Bundle", type: "collection", entry: entries } };
}

/**
 * The Patient resources of the gathered Bundle whose id is not `context.patientId`: data of
 * another patient must never be planned on, so the request is refused (400).
 */
export function otherPatients(bundle: { entry: readonly { resource: unknown }[] }, patientId: string): string[] {
  return bundle.entry.flatMap(({ resource }) =>
    isObject(resource) && resource["resourceType"] === "Patient" && resource["id"] !== patientId
      ? [`Patient/${printable(String(resource["id"]), 64)}`]
      : [],
  );
}
