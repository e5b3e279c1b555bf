import { isDate } from "../core/calendar.js";
import { printable, type Issue, type Result } from "../core/errors.js";

/**
 * The request extension (CDS Hooks 2.0 `extension`, reverse-domain named) by which a client gives
 * the visit's own date, `YYYY-MM-DD` in the clinic's calendar.
 */
export const VISIT_DATE_EXTENSION = "dev.backplan.visit-date";

/** The parts of a CDS Hooks 2.0 request backplan reads (the `patient-view` context). */
export interface HookRequest {
  readonly hook: string;
  readonly hookInstance: string;
  readonly context: { readonly patientId: string; readonly userId?: string; readonly encounterId?: string };
  /** Absent when the client sent none; each key as sent (`null` = searched, nothing found). */
  readonly prefetch: Readonly<Record<string, unknown>>;
  /** The client's FHIR base URL and the bearer token it lends, when it sent both. */
  readonly fhir?: { readonly server: string; readonly accessToken: string };
  /** The visit date the client sent in the `dev.backplan.visit-date` extension. */
  readonly visitDate?: string;
}

type Json = Readonly<Record<string, unknown>>;

/** FHIR R4's `id` type. */
const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function problem(path: string, message: string): Issue {
  return { code: "cds/bad-request", path, severity: "error", message };
}

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  return value === null ? "null" : Array.isArray(value) ? "an array" : typeof value;
}

/** The string fields a request must (or may) carry, checked alike. */
const stringFields: readonly { readonly path: readonly string[]; readonly required: boolean }[] = [
  { path: ["hook"], required: true },
  { path: ["hookInstance"], required: true },
  { path: ["context", "patientId"], required: true },
  { path: ["context", "userId"], required: false },
  { path: ["context", "encounterId"], required: false },
  { path: ["fhirServer"], required: false },
  { path: ["fhirAuthorization", "access_token"], required: false },
];

/**
 * The request body as a `HookRequest`, or every problem: what, where (a JSON Pointer), expected,
 * found. `hook` must be the service's hook.
 */
export function parseHookRequest(body: unknown, hook: string): Result<HookRequest> {
  if (!isObject(body))
    return { ok: false, issues: [problem("", `the request must be a JSON object; found ${describe(body)}`)] };
  const issues: Issue[] = [];
  if (!isObject(body["context"]))
    issues.push(problem("/context", `"context" must be an object; found ${describe(body["context"])}`));
  for (const { path, required } of stringFields) {
    const value = path.reduce<unknown>((at, key) => (isObject(at) ? at[key] : undefined), body);
    if (value === undefined && !required) continue;
    if (typeof value !== "string" || value === "")
      issues.push(
        problem(`/${path.join("/")}`, `"${path.join(".")}" must be a non-empty string; found ${describe(value)}`),
      );
  }
  for (const key of ["patientId", "encounterId"]) {
    const id = isObject(body["context"]) ? body["context"][key] : undefined;
    // A FHIR id: it goes into prefetch queries (`Patient/{{context.patientId}}`) and messages.
    if (typeof id === "string" && id !== "" && !FHIR_ID.test(id))
      issues.push(
        problem(`/context/${key}`, `"context.${key}" must be a FHIR id (letters, digits, "-" and ".", at most 64)`),
      );
  }
  if (typeof body["hook"] === "string" && body["hook"] !== hook)
    issues.push(problem("/hook", `"hook" must be "${hook}" for this service; found "${printable(body["hook"], 40)}"`));
  const prefetch = body["prefetch"];
  if (prefetch !== undefined && !isObject(prefetch))
    issues.push(problem("/prefetch", `"prefetch" must be an object; found ${describe(prefetch)}`));
  const authorization = body["fhirAuthorization"];
  if (authorization !== undefined && !isObject(authorization))
    issues.push(
      problem("/fhirAuthorization", `"fhirAuthorization" must be an object; found ${describe(authorization)}`),
    );
  else if (authorization !== undefined && body["fhirServer"] === undefined)
    issues.push(problem("/fhirServer", `"fhirServer" is required with "fhirAuthorization"; found nothing`));
  else if (isObject(authorization) && authorization["access_token"] === undefined)
    issues.push(problem("/fhirAuthorization/access_token", `"fhirAuthorization.access_token" is required`));
  const extension = body["extension"];
  const visitDate = isObject(extension) ? extension[VISIT_DATE_EXTENSION] : undefined;
  if (visitDate !== undefined && (typeof visitDate !== "string" || !isDate(visitDate)))
    issues.push(
      problem(
        `/extension/${VISIT_DATE_EXTENSION}`,
        `"extension.${VISIT_DATE_EXTENSION}" must be a calendar date YYYY-MM-DD; found ${typeof visitDate === "string" ? `"${printable(visitDate, 40)}"` : describe(visitDate)}`,
      ),
    );
  if (issues.length > 0) return { ok: false, issues };
  const { hook: sentHook, hookInstance, context } = body as unknown as HookRequest;
  const server = body["fhirServer"];
  const token = isObject(authorization) ? authorization["access_token"] : undefined;
  return {
    ok: true,
    value: {
      hook: sentHook,
      hookInstance,
      context,
      prefetch: isObject(prefetch) ? prefetch : {},
      ...(typeof server === "string" && typeof token === "string" ? { fhir: { server, accessToken: token } } : {}),
      ...(typeof visitDate === "string" ? { visitDate } : {}),
    },
    warnings: [],
  };
}
