import { resolve } from "node:path";
import type { Hono } from "hono";
import { createEngine } from "../../node/index.js";
import { SANDBOX_ORIGIN, createApp } from "../../serve/app.js";
import { defaultBaseUrl, isLoopback } from "../../serve/address.js";
import { feedbackLog } from "../../serve/feedback-log.js";
import { DEFAULT_FETCH_LIMITS } from "../../serve/fhir-fetch.js";
import { JwksError, loadJwks } from "../../serve/jwks.js";
import { startServer } from "../../serve/server.js";
import { SERVICE_ID } from "../../serve/service.js";
import { createTokenVerifier } from "../../serve/token.js";
import { defineCommand } from "../command.js";
import { fail, planRules } from "../plan-input.js";
import { portOf, stopSignal } from "../server-options.js";
import { UsageError } from "../usage-error.js";
import { packageVersion } from "../version.js";

const DEFAULT_PORT = 8080;

/** A comma-separated option as a list, or `undefined` when not given. */
function listOf(value: string | undefined): string[] | undefined {
  return value
    ?.split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

/** `--base-url`, checked and without its trailing slash. */
function baseUrlOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^https?:\/\/[^\s/]+(\/\S*)?$/i.test(value))
    throw new UsageError(`--base-url must be an http(s) URL; found "${value}"`);
  return value.replace(/\/+$/, "");
}

/** `backplan serve`: the CDS Hooks 2.0 service, until SIGINT or SIGTERM. */
export const serve = defineCommand({
  name: "serve",
  summary: "serve CDS Hooks 2.0: patient-view cards and a FHIR CarePlan",
  usage:
    "backplan serve (--jwks FILE|URL | --insecure-no-auth) [--rules DIR] [--profile NAME] [--port N] [--host H] " +
    "[--base-url URL] [--issuer ISS,…] [--feedback FILE] [--cors-origin ORIGIN,…]",
  description:
    `Serves discovery at /cds-services and the patient-view service /cds-services/${SERVICE_ID}, which reads ` +
    "prefetched FHIR data, fetching a missing or paginated key from the request's fhirServer with its " +
    "fhirAuthorization token (412 when it cannot), on the visit date the request gives (extension " +
    "dev.backplan.visit-date, else its Encounter's), and answers cards with the plan, a CarePlan " +
    "suggestion and the data gaps. Every call needs a JWT signed by a key of --jwks (asymmetric algorithms, a kid " +
    "in the header, aud = the endpoint URL under --base-url, iss, sub, exp, iat, jti used once). Feedback is " +
    "appended to --feedback as JSON lines, without patient data (card and suggestion uuids, override reason system " +
    `and code only). Browsers may call from the CDS Hooks sandbox (${SANDBOX_ORIGIN}) only; --cors-origin ` +
    "replaces it with the origins given, so the sandbox is refused unless listed among them.",
  options: {
    jwks: { type: "string", value: "FILE|URL", description: "the CDS clients' public keys (a JWKS)" },
    "insecure-no-auth": {
      type: "boolean",
      description: "accept calls without a token (loopback only)",
    },
    rules: { type: "string", value: "DIR", description: "rule folder (default: the bundled rules/ pack)" },
    profile: { type: "string", value: "NAME", description: "guideline profile (default: the pack's)" },
    port: {
      type: "string",
      value: "N",
      description: `port (default ${DEFAULT_PORT}; 0 picks a free one)`,
    },
    host: { type: "string", value: "H", description: "address to listen on (default 127.0.0.1)" },
    "base-url": {
      type: "string",
      value: "URL",
      description: "public URL before /cds-services, for the aud",
    },
    issuer: { type: "string", value: "ISS,…", description: "accept tokens only from these iss values" },
    feedback: {
      type: "string",
      value: "FILE",
      description: "log (default backplan-feedback.jsonl)",
    },
    "cors-origin": {
      type: "string",
      value: "ORIGIN,…",
      description: "browser origins allowed, instead of the CDS Hooks sandbox",
    },
  },
  exitCodes: [
    [0, "stopped by SIGINT or SIGTERM"],
    [2, "invalid rules, keys or usage"],
  ],
  async run({ values, io }) {
    const host = values.host ?? "127.0.0.1";
    const port = portOf(values.port, DEFAULT_PORT);
    const insecure = values["insecure-no-auth"] === true;
    if (values.jwks === undefined && !insecure)
      throw new UsageError("give --jwks FILE|URL (the CDS clients' keys), or --insecure-no-auth for local testing");
    if (values.jwks !== undefined && insecure) throw new UsageError("give --jwks or --insecure-no-auth, not both");
    if (insecure && !isLoopback(host))
      throw new UsageError(
        `--insecure-no-auth is only allowed on a loopback host (127.0.0.1, ::1, localhost); found "${host}"`,
      );
    const publicUrl = baseUrlOf(values["base-url"]);
    const issuers = listOf(values.issuer);
    let keys;
    try {
      keys = values.jwks === undefined ? undefined : await loadJwks(values.jwks, io.cwd);
    } catch (error) {
      if (error instanceof JwksError) throw new UsageError(error.message);
      throw error;
    }
    const rules = await planRules(values, io);
    if ("problems" in rules) return fail(io, rules.problems);
    const feedbackFile = resolve(io.cwd, values.feedback ?? "backplan-feedback.jsonl");
    if (insecure)
      io.stderr(
        "backplan serve: WARNING: --insecure-no-auth: every call is accepted without a token; never use this with patient data\n",
      );
    // The app needs the bound port (for --port 0) in its default base URL, so it is made once listening.
    const late: { app?: Hono } = {};
    const server = await startServer(
      (request) => late.app?.fetch(request) ?? new Response(null, { status: 503 }),
      host,
      port,
    );
    const baseUrl = publicUrl ?? defaultBaseUrl(host, server.port);
    late.app = createApp({
      engine: createEngine(rules.ruleset),
      profile: rules.profile,
      baseUrl,
      verifier:
        keys === undefined ? undefined : createTokenVerifier({ keys, ...(issuers === undefined ? {} : { issuers }) }),
      recordFeedback: feedbackLog(feedbackFile),
      software: { name: "backplan", version: await packageVersion() },
      corsOrigins: listOf(values["cors-origin"]) ?? [SANDBOX_ORIGIN],
      // Local use (--insecure-no-auth, loopback only) may fetch from a local FHIR server over http.
      fhirFetchLimits: { ...DEFAULT_FETCH_LIMITS, loopbackHttp: insecure },
      logError: (error) => {
        io.stderr(`backplan serve: ${error instanceof Error ? error.message : String(error)}\n`);
      },
    });
    io.stdout(
      `backplan serve: listening on ${server.origin} (discovery ${baseUrl}/cds-services, feedback to ${feedbackFile})\n`,
    );
    const signal = await stopSignal();
    await server.close();
    io.stderr(`backplan serve: stopped (${signal})\n`);
    return 0;
  },
});
