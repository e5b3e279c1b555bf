/**
 * What the R4 spec requires of backplan's output but the R4 JSON schema does not check: the
 * 1..1 codes (status, intent, priority), invariant cpl-3 ("reference or detail, not both"),
 * `Provenance.recorded`, no empty values, and a transaction Bundle whose `urn:uuid:` references
 * all resolve.
 */
import type { FhirPlan } from "../../src/core/interop/fhir/output/index.js";

const REQUEST_STATUS = ["draft", "active", "on-hold", "revoked", "completed", "entered-in-error", "unknown"];
const CARE_PLAN_INTENT = ["proposal", "plan", "order", "option"];
const SERVICE_REQUEST_INTENT = [
  "proposal",
  "plan",
  "directive",
  "order",
  "original-order",
  "reflex-order",
  "filler-order",
  "instance-order",
  "option",
];
const PRIORITY = ["routine", "urgent", "asap", "stat"];
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const URN_UUID = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function oneOf(where: string, value: unknown, codes: readonly string[]): string[] {
  return typeof value === "string" && codes.includes(value)
    ? []
    : [`${where}: expected one of ${codes.join("|")}, found ${String(value)}`];
}

/** Every `"reference": "…"` anywhere inside a value. */
function references(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(references);
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === "reference" && typeof inner === "string" ? [inner] : references(inner),
  );
}

/** Where a value breaks FHIR JSON's rule that no element is `null`, `""`, `[]` or `{}`. */
function emptyValues(value: unknown, at: string): string[] {
  if (value === null || value === "") return [`${at}: expected a value or no element, found ${JSON.stringify(value)}`];
  if (typeof value !== "object") return [];
  const inner: [string, unknown][] = Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value);
  if (inner.length === 0) return [`${at}: expected a value or no element, found ${JSON.stringify(value)}`];
  return inner.flatMap(([key, v]) => emptyValues(v, `${at}/${key}`));
}

/** Problems as `where: expected …, found …`; `[]` when the output keeps every rule above. */
export function r4Problems({ carePlan, serviceRequests, provenance, bundle }: FhirPlan): string[] {
  const problems = [
    ...oneOf("CarePlan.status", carePlan.status, REQUEST_STATUS),
    ...oneOf("CarePlan.intent", carePlan.intent, CARE_PLAN_INTENT),
    ...(carePlan.subject.reference === undefined ? ["CarePlan.subject: expected a reference, found none"] : []),
    ...(carePlan.activity ?? []).flatMap((activity, i) =>
      (activity.reference === undefined) === (activity.detail === undefined)
        ? [`CarePlan.activity[${i}]: expected reference or detail (cpl-3), found ${Object.keys(activity).join(", ")}`]
        : [],
    ),
    ...serviceRequests.flatMap((request, i) => [
      ...oneOf(`ServiceRequest[${i}].status`, request.status, REQUEST_STATUS),
      ...oneOf(`ServiceRequest[${i}].intent`, request.intent, SERVICE_REQUEST_INTENT),
      ...oneOf(`ServiceRequest[${i}].priority`, request.priority, PRIORITY),
      ...(request.subject.reference === undefined
        ? [`ServiceRequest[${i}].subject: expected a reference, found none`]
        : []),
    ]),
    ...(INSTANT.test(provenance.recorded)
      ? []
      : [`Provenance.recorded: expected an instant, found ${provenance.recorded}`]),
    ...(provenance.target.length === 0 ? ["Provenance.target: expected at least one, found none"] : []),
  ];
  const entries = bundle.entry ?? [];
  const fullUrls = entries.map((e) => e.fullUrl ?? "");
  const contained = new Set(entries.flatMap((e) => (e.resource?.contained ?? []).map((r) => `#${r.id ?? ""}`)));
  return [
    ...problems,
    ...emptyValues(bundle, "Bundle"),
    ...(bundle.type === "transaction" ? [] : [`Bundle.type: expected transaction, found ${bundle.type}`]),
    ...fullUrls
      .filter((url) => !URN_UUID.test(url))
      .map((url) => `Bundle.entry.fullUrl: expected urn:uuid, found ${url}`),
    ...(new Set(fullUrls).size === fullUrls.length ? [] : ["Bundle.entry.fullUrl: expected unique, found duplicates"]),
    ...entries.flatMap((e) =>
      e.request === undefined ? [`Bundle.entry ${e.fullUrl ?? ""}: expected a request, found none`] : [],
    ),
    ...references(entries.map((e) => e.resource))
      .filter(
        (ref) => (ref.startsWith("urn:") && !fullUrls.includes(ref)) || (ref.startsWith("#") && !contained.has(ref)),
      )
      .map((ref) => `Bundle: reference ${ref} resolves to nothing in the Bundle`),
  ];
}
