import cluster from "node:cluster";
import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import type { Hono } from "hono";
import { createEngine } from "../../node/index.js";
import { SANDBOX_ORIGIN, createApp } from "../../serve/app.js";
import { defaultBaseUrl, isLoopback } from "../../serve/address.js";
import { feedbackLog } from "../../serve/feedback-log.js";
import { DEFAULT_FETCH_LIMITS } from "../../serve/fhir-fetch.js";
import { JwksError, loadJwks } from "../../serve/jwks.js";
import { ignoreFurtherStops, leaveCluster, reportListening, runPrimary } from "../../serve/cluster.js";
import { clusterReplayStore } from "../../serve/cluster-replay-store.js";
import { redisReplayStore } from "../../serve/redis-replay-store.js";
import { memoryReplayStore, type ReplayStore } from "../../serve/replay-store.js";
import { startServer } from "../../serve/server.js";
import { SERVICE_ID } from "../../serve/service.js";
import { createTokenVerifier } from "../../serve/token.js";
import { defineCommand } from "../command.js";
import { fail, planRules } from "../plan-input.js";
import { portOf, replayStoreOf, stopSignal, workersOf } from "../server-options.js";
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
    "[--base-url URL] [--issuer ISS,…] [--feedback FILE] [--cors-origin ORIGIN,…] [--workers N|auto] [--replay-store URL]",
  description:
    `Serves discovery at /cds-services and the patient-view service /cds-services/${SERVICE_ID}, which reads ` +
    "prefetched FHIR data, fetching a missing or paginated key from the request's fhirServer with its " +
    "fhirAuthorization token (412 when it cannot), on the visit date the request gives (extension " +
    "dev.backplan.visit-date, else its Encounter's), and answers cards with the plan, a CarePlan " +
    "suggestion and the data gaps. Every call needs a JWT signed by a key of --jwks (asymmetric algorithms, a kid " +
    "in the header, aud = the endpoint URL under --base-url, iss, sub, exp, iat, jti used once). Feedback is " +
    "appended to --feedback as JSON lines, without patient data (card and suggestion uuids, override reason system " +
    `and code only). Browsers may call from the CDS Hooks sandbox (${SANDBOX_ORIGIN}) only; --cors-origin ` +
    "replaces it with the origins given, so the sandbox is refused unless listed among them. --workers N runs N " +
    "processes on the port, sharing one replay memory; replicas on several machines must share --replay-store " +
    "redis://…, or a token replayed to another replica is accepted. When the replay store cannot be reached a " +
    "call gets 503 with Retry-After, never an unchecked accept; at startup it must answer, else exit 2.",
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
    workers: {
      type: "string",
      value: "N|auto",
      description: "processes serving the port (default 1; auto: one per core)",
    },
    "replay-store": {
      type: "string",
      value: "URL",
      description: "redis:// or rediss:// store of used jtis, shared by replicas (default: memory)",
    },
  },
  exitCodes: [
    [0, "stopped by SIGINT or SIGTERM"],
    [2, "invalid rules, keys or usage; replay store unreachable at startup"],
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
    const workers = workersOf(values.workers, availableParallelism);
    const replayUrl = replayStoreOf(values["replay-store"]);
    const isWorker = cluster.isWorker;
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
    if (insecure && !isWorker)
      io.stderr(
        "backplan serve: WARNING: --insecure-no-auth: every call is accepted without a token; never use this with patient data\n",
      );
    let replays: ReplayStore | undefined;
    try {
      replays = await replayStoreFor(replayUrl, keys !== undefined, workers, io);
    } catch (error) {
      io.stderr(`backplan serve: ${error instanceof Error ? error.message : String(error)}\n`);
      return 2;
    }
    if (workers > 1 && !isWorker) {
      // The primary only forks, answers the workers' replay claims and stops them. With Redis it
      // only checked, above, that Redis answers: each worker has its own client.
      if (replayUrl !== undefined) await replays?.close();
      const shared = replayUrl === undefined ? replays : undefined;
      const code = await runPrimary({
        workers,
        ...(shared === undefined ? {} : { replays: shared }),
        log: (line) => {
          io.stderr(`backplan serve: ${line}\n`);
        },
        listening: (line) => {
          io.stdout(line);
        },
        stop: stopSignal().then((signal) => {
          io.stderr(`backplan serve: stopping ${workers} workers (${signal})\n`);
          return signal;
        }),
      });
      await shared?.close();
      if (code === 0) io.stderr("backplan serve: stopped\n");
      return code;
    }
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
        keys === undefined
          ? undefined
          : createTokenVerifier({
              keys,
              ...(issuers === undefined ? {} : { issuers }),
              ...(replays === undefined ? {} : { replays }),
            }),
      recordFeedback: feedbackLog(feedbackFile),
      software: { name: "backplan", version: await packageVersion() },
      corsOrigins: listOf(values["cors-origin"]) ?? [SANDBOX_ORIGIN],
      // Local use (--insecure-no-auth, loopback only) may fetch from a local FHIR server over http.
      fhirFetchLimits: { ...DEFAULT_FETCH_LIMITS, loopbackHttp: insecure },
      logError: (error) => {
        io.stderr(`backplan serve: ${error instanceof Error ? error.message : String(error)}\n`);
      },
    });
    const listening = `backplan serve: listening on ${server.origin} (discovery ${baseUrl}/cds-services, feedback to ${feedbackFile})\n`;
    if (isWorker) reportListening(listening);
    else io.stdout(listening);
    const signal = await stopSignal();
    if (isWorker) ignoreFurtherStops();
    await server.close();
    await replays?.close();
    if (isWorker) leaveCluster();
    else io.stderr(`backplan serve: stopped (${signal})\n`);
    return 0;
  },
});

/**
 * Where the service remembers used jtis: Redis when `--replay-store` is given (each process its
 * own client; at startup it must answer), else memory: this process's, or in a worker the
 * primary's, asked over IPC, so all workers share one. None without keys (`--insecure-no-auth`).
 */
async function replayStoreFor(
  url: string | undefined,
  tokens: boolean,
  workers: number,
  io: { stderr: (text: string) => void },
): Promise<ReplayStore | undefined> {
  if (!tokens) return undefined;
  if (url !== undefined)
    return redisReplayStore(url, {
      onStatus: (message) => {
        io.stderr(`backplan serve: ${message}\n`);
      },
    });
  if (cluster.isWorker) return clusterReplayStore();
  return workers > 1 ? memoryReplayStore() : undefined;
}
