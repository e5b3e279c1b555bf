import { isDate, shownValue, type Issue, type Result } from "../core/index.js";
import type { CdsHookRequest } from "../core/generated/types.js";
import { validateCdsHookRequest } from "../core/generated/validators/cds-hook-request.js";
import { bodyIssues, type Expectations } from "./body-issues.js";

/**
 * The request extension (CDS Hooks 2.0 `extension`, reverse-domain named) by which a client gives
 * the visit's own date, `YYYY-MM-DD` in the clinic's calendar.
 */
const VISIT_DATE_EXTENSION = "dev.backplan.visit-date";

/** The parts of a CDS Hooks 2.0 request backplan reads (the `patient-view` context). */
export interface HookRequest {
  readonly hook: string;
  readonly hookInstance: string;
  readonly context: Readonly<CdsHookRequest["context"]>;
  /** Absent when the client sent none; each key as sent (`null` = searched, nothing found). */
  readonly prefetch: Readonly<Record<string, unknown>>;
  /** The client's FHIR base URL and the bearer token it lends, when it sent both. */
  readonly fhir?: { readonly server: string; readonly accessToken: string };
  /** The visit date the client sent in the `dev.backplan.visit-date` extension. */
  readonly visitDate?: string;
}

const NON_EMPTY = "must be a non-empty string";
const FHIR_ID = 'must be a FHIR id (letters, digits, "-" and ".", at most 64)';

/** What schemas/cds-hook-request.schema.json asks of each field, as the client reads it. */
const EXPECTED: Expectations = {
  "": "the request must be a JSON object",
  "/hook": `"hook" ${NON_EMPTY}`,
  "/hookInstance": `"hookInstance" ${NON_EMPTY}`,
  "/fhirServer": `"fhirServer" ${NON_EMPTY}`,
  "/fhirAuthorization": `"fhirAuthorization" must be an object`,
  "/fhirAuthorization/access_token": `"fhirAuthorization.access_token" ${NON_EMPTY}`,
  "/context": `"context" must be an object`,
  // FHIR ids: they go into prefetch queries (`Patient/{{context.patientId}}`) and messages.
  "/context/patientId": `"context.patientId" ${FHIR_ID}`,
  "/context/encounterId": `"context.encounterId" ${FHIR_ID}`,
  "/context/userId": `"context.userId" ${NON_EMPTY}`,
  "/prefetch": `"prefetch" must be an object`,
  "/extension": `"extension" must be an object`,
  [`/extension/${VISIT_DATE_EXTENSION}`]: `"extension.${VISIT_DATE_EXTENSION}" must be a calendar date YYYY-MM-DD`,
};

function problem(path: string, message: string): Issue {
  return { code: "cds/bad-request", path, severity: "error", message };
}

/** What the schema cannot say: the hook must be this service's. */
function hookIssues(body: unknown, hook: string): Issue[] {
  const sent = typeof body === "object" && body !== null && "hook" in body ? body.hook : undefined;
  if (typeof sent !== "string" || sent === "" || sent === hook) return [];
  return [problem("/hook", `"hook" must be "${hook}" for this service; found ${shownValue(sent)}`)];
}

/**
 * The request body as a `HookRequest`, or every problem: what, where (a JSON Pointer), expected,
 * found. `hook` must be the service's hook.
 */
export function parseHookRequest(body: unknown, hook: string): Result<HookRequest> {
  const valid = validateCdsHookRequest(body);
  const issues = [
    ...(valid ? [] : bodyIssues(validateCdsHookRequest.errors ?? [], EXPECTED, "cds/bad-request")),
    ...hookIssues(body, hook),
  ];
  if (!valid || issues.length > 0) return { ok: false, issues };
  // The schema has checked every field read below.
  const request = body as CdsHookRequest;
  const { fhirServer: server, fhirAuthorization: authorization, extension } = request;
  const visitDate = extension?.[VISIT_DATE_EXTENSION];
  // The schema checks its shape; whether it is a day of the calendar (not 2025-02-30) takes code.
  if (visitDate !== undefined && !isDate(visitDate)) {
    const at = `/extension/${VISIT_DATE_EXTENSION}`;
    return { ok: false, issues: [problem(at, `${EXPECTED[at] ?? ""}; found ${shownValue(visitDate)}`)] };
  }
  return {
    ok: true,
    value: {
      hook: request.hook,
      hookInstance: request.hookInstance,
      context: request.context,
      prefetch: request.prefetch ?? {},
      ...(server !== undefined && authorization !== undefined
        ? { fhir: { server, accessToken: authorization.access_token } }
        : {}),
      ...(visitDate === undefined ? {} : { visitDate }),
    },
    warnings: [],
  };
}
