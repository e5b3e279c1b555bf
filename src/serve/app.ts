import { randomUUID } from "node:crypto";
import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { HTTPException } from "hono/http-exception";
import { timeout } from "hono/timeout";
import { type Engine, printable, type Issue } from "../core/index.js";
import { cardsFor } from "./cards.js";
import { parseFeedback, type FeedbackRecord } from "./feedback.js";
import { parseHookRequest } from "./hook-request.js";
import { completePrefetch } from "./complete-prefetch.js";
import { DEFAULT_FETCH_LIMITS, type Fetch, type FetchLimits } from "./fhir-fetch.js";
import { gatherPrefetch, otherPatients, readPrefetch } from "./prefetch.js";
import { LOW_BACK_PAIN_SERVICE, OPTIONAL_PREFETCH } from "./service.js";
import type { TokenVerifier } from "./token.js";
import { visitDate } from "./visit-date.js";

/** The CDS Hooks sandbox, which calls services from the browser. */
export const SANDBOX_ORIGIN = "https://sandbox.cds-hooks.org";

export interface AppOptions {
  readonly engine: Engine;
  /** The guideline profile; the pack's default when omitted. */
  readonly profile?: string;
  /** The public URL before `/cds-services`, without a trailing slash: tokens' `aud` is checked against it. */
  readonly baseUrl: string;
  /** Checks each request's bearer token; `undefined` only for `--insecure-no-auth`. */
  readonly verifier: TokenVerifier | undefined;
  /** Appends feedback records (the CLI: to a JSON lines file). */
  readonly recordFeedback: (records: readonly FeedbackRecord[]) => Promise<void>;
  /** The software named in each Provenance. */
  readonly software: { readonly name: string; readonly version: string };
  /** Browser origins allowed to call (CORS); default the CDS Hooks sandbox. */
  readonly corsOrigins?: readonly string[];
  /** Largest request body, in bytes (default 5 MiB); more is 413. */
  readonly maxBodyBytes?: number;
  /** Longest a request may take, in ms (default 10 s); more is 504. */
  readonly timeoutMs?: number;
  /** Fetches from the client's FHIR server (default the global `fetch`). */
  readonly fetch?: Fetch;
  /** Pages per prefetch key and time in all when completing prefetch from `fhirServer` (default 10 pages, 5 s). */
  readonly fhirFetchLimits?: FetchLimits;
  readonly now?: () => Date;
  readonly uuid?: () => string;
  /** Where the operator is told what went wrong on the service's side (never the client). */
  readonly logError?: (error: unknown) => void;
}

const SERVICE = LOW_BACK_PAIN_SERVICE;

/** The longest message or path an error response repeats (what the client sent may be anything). */
const MAX_ECHO = 500;

/**
 * An error response. Messages and paths can repeat what the client sent (a field name, a URL
 * path), so they are made printable: control characters and bidirectional overrides escaped, long
 * text cut, so no request can put a control sequence in front of whoever reads the answer or log.
 */
function problems(c: Context, status: 400 | 404 | 415, error: string, issues: readonly Issue[] = []): Response {
  const shown = issues.map(({ path, message }) => ({
    path: printable(path, MAX_ECHO),
    message: printable(message, MAX_ECHO),
  }));
  return c.json({ error: printable(error, MAX_ECHO), ...(shown.length === 0 ? {} : { issues: shown }) }, status);
}

/** The hono app of the CDS Hooks service: discovery, the patient-view service and its feedback. */
export function createApp(options: AppOptions): Hono {
  const now = options.now ?? (() => new Date());
  const uuid = options.uuid ?? randomUUID;
  const serviceUrl = `${options.baseUrl}/cds-services/${SERVICE.id}`;
  const app = new Hono();

  app.use(
    "*",
    cors({
      origin: [...(options.corsOrigins ?? [SANDBOX_ORIGIN])],
      allowMethods: ["GET", "POST", "OPTIONS"],
      allowHeaders: ["Authorization", "Content-Type"],
      maxAge: 600,
    }),
  );
  app.use("*", timeout(options.timeoutMs ?? 10_000));
  app.use(
    "*",
    bodyLimit({
      maxSize: options.maxBodyBytes ?? 5 * 1024 * 1024,
      onError: (c) => c.json({ error: "request body too large" }, 413),
    }),
  );
  // CDS Hooks requests are JSON. Requiring it also means a browser must ask before calling (a CORS
  // preflight, which only the allowed origins pass): text/plain, form and multipart bodies are
  // "simple" requests a page on any origin could send without one.
  app.post("/cds-services/*", async (c, next) => {
    const type = c.req.header("Content-Type") ?? "";
    if (/^application\/json\s*(;|$)/i.test(type)) return next();
    const found = type === "" ? "none" : `"${type}"`;
    return problems(c, 415, `the request body must be JSON (Content-Type: application/json); found ${found}`);
  });
  app.use("/cds-services/*", async (c, next) => {
    const { verifier } = options;
    if (verifier === undefined) return next();
    const path = c.req.path;
    // A feedback token may name the feedback endpoint or the service it belongs to.
    const audiences = path.endsWith("/feedback") ? [options.baseUrl + path, serviceUrl] : [options.baseUrl + path];
    const header = c.req.header("Authorization");
    const token = header?.match(/^Bearer (\S+)$/i)?.[1];
    const check = await verifier(token, audiences);
    if (check.ok) return next();
    if ("overloaded" in check) {
      options.logError?.(new Error(`cannot check a token against replay: ${check.overloaded}`));
      c.header("Retry-After", "5");
      return c.json({ error: "the service cannot check this token against replay now; try again shortly" }, 503);
    }
    if ("keysUnavailable" in check) {
      options.logError?.(new Error(`cannot get the client's JSON Web Key Set: ${check.keysUnavailable}`));
      c.header("Retry-After", "30");
      return c.json({ error: "the service cannot get the keys to check the token now; try again later" }, 503);
    }
    const description = check.reason.replace(/["\\]/g, "'");
    c.header("WWW-Authenticate", `Bearer realm="backplan", error="invalid_token", error_description="${description}"`);
    return c.json({ error: `unauthorized: ${check.reason}` }, 401);
  });

  app.get("/cds-services", (c) => c.json({ services: [SERVICE] }));

  app.post(`/cds-services/${SERVICE.id}`, async (c) => {
    const body = await jsonBody(c);
    if (body === undefined) return problems(c, 400, "the request body is not JSON");
    const request = parseHookRequest(body, SERVICE.hook);
    if (!request.ok) return problems(c, 400, "invalid CDS Hooks request", request.issues);
    const { value } = request;
    const { patientId, encounterId } = value.context;
    const sent = readPrefetch(SERVICE, value.prefetch);
    if (encounterId === undefined) sent.delete("encounter"); // its template has nothing to fill
    const completed = await completePrefetch(
      SERVICE,
      sent,
      value,
      options.fetch ?? ((input, init) => fetch(input, init)),
      options.fhirFetchLimits ?? DEFAULT_FETCH_LIMITS,
    );
    const prefetched = gatherPrefetch(completed, OPTIONAL_PREFETCH);
    if (!prefetched.ok)
      return c.json(
        {
          error:
            value.fhir === undefined
              ? "required prefetch is missing; send it, or fhirServer and fhirAuthorization so the service fetches it"
              : "required prefetch is missing, and the service could not fetch it from fhirServer",
          missing: prefetched.missing,
        },
        412,
      );
    const others = otherPatients(prefetched.bundle, patientId);
    if (others.length > 0)
      return problems(c, 400, `the prefetch holds ${listed(others)}, not context.patientId "${patientId}"`);
    const encounter = completed.get("encounter");
    const visit = visitDate(
      value.visitDate,
      encounter?.kind === "entries" ? contextEncounter(encounter.entries, encounterId) : undefined,
      now(),
    );
    return c.json(
      cardsFor(
        options.engine,
        prefetched.bundle,
        encounterId === undefined ? { patientId } : { patientId, encounterId },
        {
          ...(options.profile === undefined ? {} : { profile: options.profile }),
          engine: options.software,
          recorded: now().toISOString(),
          visitDate: visit.date,
          visitDateFrom: visit.from,
          uuid,
        },
      ),
    );
  });

  app.post(`/cds-services/${SERVICE.id}/feedback`, async (c) => {
    const body = await jsonBody(c);
    if (body === undefined) return problems(c, 400, "the request body is not JSON");
    const parsed = parseFeedback(body, SERVICE.id, now().toISOString());
    if (!parsed.ok) return problems(c, 400, "invalid feedback", parsed.issues);
    await options.recordFeedback(parsed.value);
    return c.json({ recorded: parsed.value.length });
  });

  app.notFound((c) => problems(c, 404, `no such endpoint: ${c.req.method} ${c.req.path}`));
  app.onError((error, c) => {
    if (error instanceof HTTPException) return error.getResponse();
    options.logError?.(new Error(`internal error: ${error instanceof Error ? error.message : String(error)}`));
    return c.json({ error: "internal error" }, 500);
  });
  return app;
}

/** The first few of `items`, then how many more: a prefetch may hold thousands of other patients. */
function listed(items: readonly string[], shown = 5): string {
  const more = items.length - shown;
  return more > 0 ? `${items.slice(0, shown).join(", ")} and ${more.toLocaleString("en-US")} more` : items.join(", ");
}

/** The prefetched Encounter that is the context's (`Encounter/{encounterId}`), if any. */
function contextEncounter(entries: readonly { resource: unknown }[], encounterId: string | undefined): unknown {
  return entries.find(({ resource }) => {
    const fields = typeof resource === "object" && resource !== null ? (resource as Record<string, unknown>) : {};
    return fields["resourceType"] === "Encounter" && fields["id"] === encounterId;
  })?.resource;
}

/** The parsed JSON body, or `undefined` when it is not JSON (a too-large body throws on to the 413). */
async function jsonBody(c: Context): Promise<unknown> {
  const text = await c.req.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
