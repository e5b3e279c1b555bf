/**
 * Load on the CDS Hooks service as a client sees it: `backplan serve` (the built CLI,
 * `node dist/cli/bin.js serve`) with a JWKS, answering signed patient-view calls with the example
 * patient's complete prefetch (examples/fhir/patient-bundle.json), measured with autocannon.
 *
 *   npm run bench:serve                          # builds, then the whole bench (~5 min quiet, ~12 loaded)
 *   npm run build                                # needed first when running the file directly: the
 *   npx tsx benchmarks/serve-load.bench.ts       # bench runs dist/ and builds nothing
 *   npx tsx benchmarks/serve-load.bench.ts --duration 5 --rounds 2 --jtis 20000   # a quick look
 *   npx tsx benchmarks/serve-load.bench.ts --no-jti                               # throughput only
 *   npx tsx benchmarks/serve-load.bench.ts --no-jti --rounds 1 --concurrency 10 \
 *     --node-option=--cpu-prof --node-option=--cpu-prof-dir=/tmp/prof             # profile the servers
 *
 * What it measures:
 * - patient-view throughput (req/s of 200 answers), p50 and p99 latency at concurrency 10 and 50,
 *   for one process and for `serve --workers 2`, and the RSS of the server's process tree (the
 *   primary and its cluster workers, summed) before and after each run. The machine is noisy, so
 *   the two are run alternately, round after round, and the workers-2 / workers-1 ratio is given
 *   per round (min / median / max), not as one number;
 * - the replay memory: 100,000 calls with distinct jtis to one process, on the cheapest endpoint
 *   that still verifies the token (POST …/feedback with a one-line body), with the RSS before and
 *   after, as the growth in MB per 100,000 jtis: after a 5 s settle, and after full GCs forced
 *   through the server's inspector (with V8's heap in use), which is what the target is judged on
 *   (without a forced GC V8 grows its heap lazily and the RSS says more about V8 than about jtis).
 *
 * Every call carries a token of its own (the service refuses a replayed jti with 401), signed
 * before the run (ES384 with node:crypto on worker threads, so signing takes nothing from the
 * measured run) and handed out one per request. Tokens are valid 300 s, so they are signed per run;
 * the jti test signs batches of 10,000 while the previous batch is sent, and gives its growth per
 * jti still remembered at the end (each is kept until iat + 330 s). Any answer other than 200
 * fails the bench (exit 1), after the table.
 *
 * The client (autocannon) runs on the same cores as the server: its CPU time is measured and
 * reported beside the server's. It runs on one thread (the bench's main thread), not autocannon's
 * `workers`: measured, it takes 3-6 % of the two cores at these rates, so more client threads
 * would only take CPU from the server.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { generateKeyPairSync, randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism, cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import { CLIENT_ID, ISSUER, SERVICE_PATH, exampleResources, hookRequest, prefetchOf } from "../tests/serve/fixtures.js";

// ---------------------------------------------------------------------------------------------
// Options

const { values: args } = parseArgs({
  options: {
    duration: { type: "string", default: "10" },
    rounds: { type: "string", default: "3" },
    jtis: { type: "string", default: "100000" },
    "no-jti": { type: "boolean", default: false },
    "no-load": { type: "boolean", default: false },
    concurrency: { type: "string", default: "10,50" },
    /** The CLI to serve with (another build, say). */
    bin: { type: "string", default: "dist/cli/bin.js" },
    /** A node option for the servers, e.g. --node-option=--cpu-prof --node-option=--cpu-prof-dir=/tmp/prof. */
    "node-option": { type: "string", multiple: true, default: [] },
  },
});
const DURATION = Number(args.duration);
const ROUNDS = Number(args.rounds);
const JTIS = Number(args.jtis);
const CONCURRENCIES = args.concurrency.split(",").map(Number);
const JTI_BATCH = 10_000;
const SETTLE_MS = 5_000;
const BIN = args.bin;
const THREADS = Math.max(1, availableParallelism());
/** Every request that was not answered 200, and any server that died: the bench fails after its table. */
const failures: string[] = [];
const loadAtStart = loadavg()[0] ?? 0;

if (!existsSync(BIN)) {
  process.stderr.write(`serve-load: ${BIN} is missing; run \`npm run build\` first (the bench runs the built CLI)\n`);
  process.exit(2);
}

// ---------------------------------------------------------------------------------------------
// autocannon (no type declarations are installed: the little used here, typed here)

interface AutocannonRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
  setupRequest?: ((request: AutocannonRequest) => AutocannonRequest) | string;
  onResponse?: (status: number, body: string) => void;
}
interface AutocannonResult {
  duration: number;
  "2xx": number;
  non2xx: number;
  errors: number;
  timeouts: number;
  requests: { total: number; average: number };
  latency: { p50: number; p99: number; average: number; max: number };
  statusCodeStats: Record<string, { count: number }>;
}
interface AutocannonOptions {
  url: string;
  connections: number;
  duration?: number;
  amount?: number;
  timeout?: number;
  requests: AutocannonRequest[];
}
interface AutocannonInstance {
  stop: () => void;
}
type Autocannon = (
  options: AutocannonOptions,
  done: (error: Error | null, result: AutocannonResult) => void,
) => AutocannonInstance;
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

// ---------------------------------------------------------------------------------------------
// Keys and tokens

const tmp = mkdtempSync(join(tmpdir(), "backplan-serve-load-"));
const KID = "bench-1";
const keyPair = generateKeyPairSync("ec", { namedCurve: "P-384" });
const jwksFile = join(tmp, "jwks.json");
writeFileSync(
  jwksFile,
  JSON.stringify({ keys: [{ ...keyPair.publicKey.export({ format: "jwk" }), kid: KID, alg: "ES384", use: "sig" }] }),
);
const privatePem = keyPair.privateKey.export({ format: "pem", type: "pkcs8" }).toString();
const HEADER = Buffer.from(JSON.stringify({ alg: "ES384", typ: "JWT", kid: KID })).toString("base64url");

/** Each signing thread signs a range of jtis with the same claims; plain JS, as `eval` workers take. */
const SIGNER = `
const { parentPort, workerData } = require("node:worker_threads");
const { createPrivateKey, sign } = require("node:crypto");
const key = createPrivateKey(workerData.pem);
parentPort.on("message", ({ id, header, claims, prefix, from, to }) => {
  const tokens = [];
  for (let i = from; i < to; i++) {
    const payload = Buffer.from(JSON.stringify({ ...claims, jti: prefix + i })).toString("base64url");
    const input = header + "." + payload;
    tokens.push(input + "." + sign("sha384", Buffer.from(input), { key, dsaEncoding: "ieee-p1363" }).toString("base64url"));
  }
  parentPort.postMessage({ id, tokens });
});
`;
const signers = Array.from({ length: THREADS }, () => {
  const worker = new Worker(SIGNER, { eval: true, workerData: { pem: privatePem } });
  worker.unref();
  return worker;
});
let batchId = 0;
/** When (epoch s) the last batch was signed: its tokens' iat. */
let lastIat = 0;
let signedTotal = 0;
let signingMs = 0;

/** `count` tokens for `aud`, each with a jti of its own, signed across every core. */
async function signTokens(aud: string, count: number): Promise<string[]> {
  const started = performance.now();
  batchId += 1;
  const prefix = `bench-${process.pid}-${batchId}-`;
  const now = Math.floor(Date.now() / 1000);
  lastIat = now;
  const claims = { iss: ISSUER, sub: CLIENT_ID, aud, iat: now, exp: now + 300 };
  const per = Math.ceil(count / signers.length);
  const parts = await Promise.all(
    signers.map(
      (worker, index) =>
        new Promise<string[]>((done) => {
          const id = `${batchId}-${index}`;
          const listener = (message: { id: string; tokens: string[] }): void => {
            if (message.id !== id) return;
            worker.off("message", listener);
            done(message.tokens);
          };
          worker.on("message", listener);
          const from = index * per;
          worker.postMessage({ id, header: HEADER, claims, prefix, from, to: Math.min(count, from + per) });
        }),
    ),
  );
  signingMs += performance.now() - started;
  signedTotal += count;
  return parts.flat();
}

// ---------------------------------------------------------------------------------------------
// Server processes

interface Server {
  readonly workers: number;
  readonly child: ChildProcess;
  readonly pid: number;
  readonly origin: string;
  readonly baseUrl: string;
  /** The inspector's WebSocket URL, when started with it. */
  readonly inspector?: string;
}
const running = new Set<ChildProcess>();

type Started = { ok: true; server: Server } | { ok: false; refused: string };

/** Children this bench has asked to stop: their exit is expected. */
const stopped = new WeakSet<ChildProcess>();

/**
 * `backplan serve --port 0`, resolved with its origin once it prints its listening line. With
 * `inspect`, the server also opens the inspector on a free loopback port, so that a full garbage
 * collection can be forced in it (see `forceGc`).
 */
function startServer(workers: number, inspect = false): Promise<Started> {
  const argv = [BIN, "serve", "--jwks", jwksFile, "--port", "0", "--feedback", join(tmp, `feedback-${workers}.jsonl`)];
  if (workers > 1) argv.push("--workers", String(workers));
  if (inspect) argv.unshift("--inspect=127.0.0.1:0");
  argv.unshift(...args["node-option"]);
  const child = spawn(process.execPath, argv, { stdio: ["ignore", "pipe", "pipe"] });
  running.add(child);
  child.on("exit", () => running.delete(child));
  let stderr = "";
  let inspector: string | undefined;
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
    inspector ??= /Debugger listening on (ws:\/\/\S+)/.exec(stderr)?.[1];
    if (stderr.length > 20_000) stderr = stderr.slice(-10_000);
  });
  return new Promise((done, reject) => {
    const lines = createInterface({ input: child.stdout });
    let listening = false;
    lines.on("line", (line) => {
      const match = /listening on (https?:\/\/\S+) \(discovery (\S+)\/cds-services/.exec(line);
      if (listening || match === null) return;
      listening = true;
      const server = { workers, child, pid: child.pid ?? 0, origin: match[1] ?? "", baseUrl: match[2] ?? "" };
      done({ ok: true, server: inspector === undefined ? server : { ...server, inspector } });
    });
    child.on("exit", (code, signal) => {
      if (listening) {
        if (!stopped.has(child))
          failures.push(
            `the server (workers ${workers}) exited with ${code ?? signal} during the bench: ${stderr.slice(-500)}`,
          );
        return;
      }
      if (code === 2) done({ ok: false, refused: stderr.trim() });
      else reject(new Error(`serve (workers ${workers}) exited with ${code ?? signal} before listening:\n${stderr}`));
    });
  });
}

/**
 * A full garbage collection in the server, twice, through its inspector (a separate `node` with
 * its WebSocket client speaks the DevTools protocol), and the server's heap then.
 */
async function forceGc(server: Server): Promise<{ heapUsedMb: number }> {
  const { inspector } = server;
  if (inspector === undefined) throw new Error("the server was started without the inspector");
  const script = `
const ws = new WebSocket(process.argv[1]);
let next = 0;
const pending = new Map();
const call = (method, params = {}) => new Promise((done) => { next += 1; pending.set(next, done); ws.send(JSON.stringify({ id: next, method, params })); });
ws.onmessage = (event) => { const m = JSON.parse(event.data); const done = pending.get(m.id); if (done) { pending.delete(m.id); done(m.result); } };
ws.onerror = (error) => { console.error(String(error.message || error)); process.exit(1); };
ws.onopen = async () => {
  await call("HeapProfiler.collectGarbage");
  await call("HeapProfiler.collectGarbage");
  const r = await call("Runtime.evaluate", { expression: "JSON.stringify(process.memoryUsage())", returnByValue: true });
  console.log(r.result.value);
  ws.close();
  process.exit(0);
};`;
  const output = await new Promise<string>((done, reject) => {
    const helper = spawn(process.execPath, ["--experimental-websocket", "--no-warnings", "-e", script, inspector]);
    let out = "";
    let err = "";
    helper.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    helper.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    helper.on("exit", (code) => {
      if (code === 0) done(out);
      else reject(new Error(`forcing a GC in the server failed: ${err}`));
    });
  });
  const usage = JSON.parse(output) as { heapUsed: number };
  return { heapUsedMb: usage.heapUsed / 2 ** 20 };
}

/** SIGTERM to the server, waiting for it (and any worker of it) to exit; SIGKILL after 10 s. */
async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const family = child.pid === undefined ? [] : descendants(child.pid);
  const exited = new Promise<void>((done) => {
    child.once("exit", () => {
      done();
    });
  });
  stopped.add(child);
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
  // Cluster workers should have gone with their primary; any left are killed by pid.
  for (const pid of family)
    if (existsSync(`/proc/${pid}`))
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // gone meanwhile
      }
}

async function stopAll(): Promise<void> {
  await Promise.all([...running].map(stopServer));
}

/** Every process under `pid` (cluster workers), from /proc/PID/task/TID/children. */
function descendants(pid: number): number[] {
  const found: number[] = [];
  let tasks: string[] = [];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return found;
  }
  for (const task of tasks) {
    let children = "";
    try {
      children = readFileSync(`/proc/${pid}/task/${task}/children`, "utf8");
    } catch {
      continue;
    }
    for (const child of children.trim().split(/\s+/).filter(Boolean).map(Number))
      found.push(child, ...descendants(child));
  }
  return found;
}

/** The resident memory of the server and its workers, summed, in MB. */
function rssMb(pid: number): number {
  let kb = 0;
  for (const each of [pid, ...descendants(pid)]) {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${each}/status`, "utf8"));
      kb += Number(match?.[1] ?? 0);
    } catch {
      // exited meanwhile
    }
  }
  return kb / 1024;
}

/** CPU seconds used so far by the server and its workers (user + system). */
function serverCpuSeconds(pid: number): number {
  let ticks = 0;
  for (const each of [pid, ...descendants(pid)]) {
    try {
      const stat = readFileSync(`/proc/${each}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15)
    } catch {
      // exited meanwhile
    }
  }
  return ticks / 100; // USER_HZ, 100 on Linux
}

function clientCpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

const sleep = (ms: number): Promise<void> => new Promise((done) => setTimeout(done, ms));

// ---------------------------------------------------------------------------------------------
// Runs

const HOOK_BODY = JSON.stringify(hookRequest(prefetchOf(exampleResources())));
const FEEDBACK_BODY = JSON.stringify({
  feedback: [
    {
      card: randomUUID(),
      outcome: "accepted",
      acceptedSuggestions: [{ id: randomUUID() }],
      outcomeTimestamp: "2026-01-01T10:00:00Z",
    },
  ],
});

interface Run {
  scenario: string;
  workers: number;
  concurrency: number;
  round: number;
  reqPerSec: number;
  p50: number;
  p99: number;
  rssBefore: number;
  rssAfter: number;
  requests: number;
  serverCpu: number;
  clientCpu: number;
  seconds: number;
  failures: number;
}

/** One autocannon run over `tokens`, one per request; a run that would need more stops early. */
function load(
  server: Server,
  path: string,
  body: string,
  tokens: readonly string[],
  connections: number,
  limit: { duration: number } | { amount: number },
): Promise<AutocannonResult & { exhausted: boolean; firstFailure?: string }> {
  let next = 0;
  let exhausted = false;
  let firstFailure: string | undefined;
  return new Promise((done, reject) => {
    const instance: AutocannonInstance = autocannon(
      {
        url: server.origin,
        connections,
        timeout: 30,
        ...limit,
        requests: [
          {
            method: "POST",
            path,
            headers: { "content-type": "application/json" },
            body,
            setupRequest: (request) => {
              const token = tokens[next];
              next += 1;
              if (token === undefined) {
                if (!exhausted) instance.stop();
                exhausted = true;
                return { ...request, headers: { ...request.headers, authorization: "Bearer exhausted" } };
              }
              return { ...request, headers: { ...request.headers, authorization: `Bearer ${token}` } };
            },
            onResponse: (status, text) => {
              if (status !== 200 && firstFailure === undefined && !exhausted)
                firstFailure = `${status}: ${text.slice(0, 300)}`;
            },
          },
        ],
      },
      (error, result) => {
        active.delete(instance);
        if (error !== null) reject(error);
        else done({ ...result, exhausted, ...(firstFailure === undefined ? {} : { firstFailure }) });
      },
    );
    active.add(instance);
  });
}

/** The autocannon runs under way, stopped first when the bench is interrupted. */
const active = new Set<AutocannonInstance>();

/** The most req/s seen per worker count, to size the next run's tokens. */
const bestRate = new Map<number, number>();

async function measure(server: Server, concurrency: number, round: number): Promise<Run> {
  const aud = server.baseUrl + SERVICE_PATH;
  // Enough for 1.5× the best rate seen so far (a first guess: 400 req/s per worker); a run that
  // still runs out stops early and is reported over the time it ran.
  const guess = bestRate.get(server.workers) ?? 400 * server.workers;
  const tokens = await signTokens(aud, Math.ceil(guess * 1.5 * DURATION) + 500);
  const rssBefore = rssMb(server.pid);
  const cpu0 = serverCpuSeconds(server.pid);
  const client0 = clientCpuSeconds();
  const result = await load(server, SERVICE_PATH, HOOK_BODY, tokens, concurrency, { duration: DURATION });
  const serverCpu = serverCpuSeconds(server.pid) - cpu0;
  const clientCpu = clientCpuSeconds() - client0;
  const rssAfter = rssMb(server.pid);
  // A run cut short by running out of tokens answers 401 for the requests in flight: not the server's fault.
  const bad = result.exhausted ? 0 : result.non2xx + result.errors + result.timeouts;
  if (bad > 0)
    failures.push(
      `workers ${server.workers} c${concurrency} round ${round}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts; first: ${result.firstFailure ?? "?"}`,
    );
  if (result.exhausted) process.stdout.write(`  (ran out of ${tokens.length} tokens after ${result.duration} s)\n`);
  const reqPerSec = result["2xx"] / result.duration;
  bestRate.set(server.workers, Math.max(bestRate.get(server.workers) ?? 0, reqPerSec));
  return {
    scenario: "patient-view",
    workers: server.workers,
    concurrency,
    round,
    reqPerSec,
    p50: result.latency.p50,
    p99: result.latency.p99,
    rssBefore,
    rssAfter,
    requests: result["2xx"],
    serverCpu,
    clientCpu,
    seconds: result.duration,
    failures: bad,
  };
}

let answerBytes = 0;
let cardCount = 0;

/** Brief traffic so JIT and caches are warm before anything is measured; checks the answer has cards. */
async function warmUp(server: Server): Promise<void> {
  const aud = server.baseUrl + SERVICE_PATH;
  const [first, ...rest] = await signTokens(aud, 401);
  const response = await fetch(server.origin + SERVICE_PATH, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${first ?? ""}` },
    body: HOOK_BODY,
  });
  const text = await response.text();
  const answer = JSON.parse(text) as { cards?: unknown[] };
  if (response.status !== 200 || !Array.isArray(answer.cards) || answer.cards.length === 0)
    throw new Error(`the service did not answer cards (${response.status}): ${text.slice(0, 300)}`);
  answerBytes = Buffer.byteLength(text);
  cardCount = answer.cards.length;
  const result = await load(server, SERVICE_PATH, HOOK_BODY, rest, 10, { amount: rest.length });
  if (result.non2xx + result.errors > 0) throw new Error(`warm-up failed: ${result.firstFailure ?? "errors"}`);
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const at = (index: number): number => sorted[index] ?? Number.NaN;
  return sorted.length % 2 === 1 ? at(middle) : (at(middle - 1) + at(middle)) / 2;
};
const fixed = (value: number, digits = 1): string => value.toFixed(digits);

// ---------------------------------------------------------------------------------------------
// The bench

const runs: Run[] = [];
let workers2 = "not measured";
let jtiResult: JtiResult | undefined;

async function loadBench(): Promise<void> {
  const one = await startServer(1);
  if (!one.ok) throw new Error(`serve refused to start: ${one.refused}`);
  const two = await startServer(2);
  const servers = [one.server];
  if (two.ok) {
    servers.push(two.server);
    workers2 = "measured";
  } else {
    workers2 = "not available (serve has no --workers)";
    process.stdout.write(`workers 2: ${workers2}\n  ${two.refused.split("\n")[0] ?? ""}\n`);
  }
  for (const server of servers) await warmUp(server);
  for (let round = 1; round <= ROUNDS; round += 1)
    for (const concurrency of CONCURRENCIES) {
      // Alternate which goes first, so neither always follows the other's leftovers.
      const order = round % 2 === 1 ? servers : [...servers].reverse();
      for (const server of order) {
        const run = await measure(server, concurrency, round);
        runs.push(run);
        process.stdout.write(
          `round ${round} workers ${run.workers} c${concurrency}: ${fixed(run.reqPerSec)} req/s, p50 ${run.p50} ms, p99 ${run.p99} ms, ` +
            `RSS ${fixed(run.rssBefore)} → ${fixed(run.rssAfter)} MB, CPU server ${fixed(run.serverCpu)} s / client ${fixed(run.clientCpu)} s over ${run.seconds} s\n`,
        );
      }
    }
  for (const server of servers) await stopServer(server.child);
}

interface JtiResult {
  count: number;
  /** How many of them the server still remembered at the end (each is kept until iat + 330 s). */
  remembered: number;
  seconds: number;
  signing: number;
  /** RSS after a 5 s settle, before and after. */
  settled: { before: number; after: number };
  /** RSS and V8 heap in use after forced full GCs, before and after. */
  collected: { before: number; after: number; heapBefore: number; heapAfter: number };
}

/**
 * 100,000 distinct jtis to one fresh process, on POST …/feedback (the cheapest call that checks
 * its token: a one-line body, appended to the feedback file). Batches are signed while the
 * previous one is sent, so the run stays well inside the 330 s a jti is remembered for.
 */
async function jtiBench(): Promise<void> {
  const started = await startServer(1, true);
  if (!started.ok) throw new Error(`serve refused to start: ${started.refused}`);
  const { server } = started;
  const path = `${SERVICE_PATH}/feedback`;
  const aud = server.baseUrl + path;
  const warm = await signTokens(aud, 2000);
  const warmResult = await load(server, path, FEEDBACK_BODY, warm, 10, { amount: warm.length });
  if (warmResult["2xx"] !== warm.length) throw new Error(`feedback warm-up failed: ${warmResult.firstFailure ?? "?"}`);
  await sleep(SETTLE_MS);
  const settledBefore = rssMb(server.pid);
  const gcBefore = await forceGc(server);
  await sleep(500);
  const collectedBefore = rssMb(server.pid);
  const begun = performance.now();
  let signing = 0;
  const sign = (count: number): Promise<string[]> => {
    const at = performance.now();
    return signTokens(aud, count).then((tokens) => {
      signing += performance.now() - at;
      return tokens;
    });
  };
  let pending = sign(Math.min(JTI_BATCH, JTIS));
  /** Each batch's iat and size: a jti is forgotten at the first claim after iat + 330 s. */
  const batches: { iat: number; count: number }[] = [];
  for (let sent = 0; sent < JTIS; sent += JTI_BATCH) {
    const tokens = await pending;
    const count = tokens.length;
    batches.push({ iat: lastIat, count });
    const rest = JTIS - sent - count;
    if (rest > 0) pending = sign(Math.min(JTI_BATCH, rest));
    const result = await load(server, path, FEEDBACK_BODY, tokens, 10, { amount: count });
    if (result["2xx"] !== count)
      failures.push(
        `jti batch at ${sent}: ${result["2xx"]} of ${count} answered 200 (${result.non2xx} non-2xx, ${result.errors} errors); first: ${result.firstFailure ?? "?"}`,
      );
    process.stdout.write(
      `jtis: ${sent + count} sent at ${fixed(result["2xx"] / result.duration, 0)} req/s, ${fixed((performance.now() - begun) / 1000, 0)} s in, server RSS ${fixed(rssMb(server.pid))} MB\n`,
    );
  }
  const seconds = (performance.now() - begun) / 1000;
  // No claim comes after the last request, so what was remembered then is remembered still.
  const lastClaim = Date.now() / 1000;
  const remembered = batches.filter(({ iat }) => iat + 330 >= lastClaim).reduce((sum, { count }) => sum + count, 0);
  await sleep(SETTLE_MS);
  const settledAfter = rssMb(server.pid);
  const gcAfter = await forceGc(server);
  await sleep(500);
  const collectedAfter = rssMb(server.pid);
  jtiResult = {
    count: JTIS,
    remembered,
    seconds,
    signing: signing / 1000,
    settled: { before: settledBefore, after: settledAfter },
    collected: {
      before: collectedBefore,
      after: collectedAfter,
      heapBefore: gcBefore.heapUsedMb,
      heapAfter: gcAfter.heapUsedMb,
    },
  };
  process.stdout.write(
    `jtis: RSS ${fixed(settledBefore)} → ${fixed(settledAfter)} MB after settling; after forced GC RSS ${fixed(collectedBefore)} → ${fixed(collectedAfter)} MB, ` +
      `V8 heap used ${fixed(gcBefore.heapUsedMb)} → ${fixed(gcAfter.heapUsedMb)} MB\n`,
  );
  if (remembered < JTIS)
    process.stdout.write(
      `note: the run took ${fixed(seconds, 0)} s, so only ${remembered} of the ${JTIS} jtis were still remembered at the end ` +
        "(each is kept until iat + 330 s); the growth is given per jti remembered\n",
    );
  await stopServer(server.child);
}

function report(): void {
  const out: string[] = [];
  const cpu = cpus()[0]?.model ?? "?";
  out.push(
    "",
    `## serve load (${new Date().toISOString()}, ${THREADS} cores: ${cpu}; node ${process.version})`,
    "",
    `Load average (1 min) at the start ${fixed(loadAtStart, 2)}, at the end ${fixed(loadavg()[0] ?? 0, 2)}: ` +
      "other work on the machine takes CPU from both client and server.",
    "",
    `Client (autocannon, one thread: the bench's main thread) and server share these ${THREADS} cores. ` +
      `${DURATION} s per run, ${ROUNDS} interleaved rounds; each row below is the median round. ` +
      `Each call: ${fixed(Buffer.byteLength(HOOK_BODY) / 1024)} KB of prefetch in, ${cardCount} card(s) (${fixed(answerBytes / 1024)} KB) out. ` +
      `Tokens: ${signedTotal} ES384 signed in ${fixed(signingMs / 1000)} s (${fixed((signingMs * 1000) / Math.max(1, signedTotal), 0)} µs each over ${THREADS} threads), before each run.`,
    "",
    "| scenario | workers | concurrency | req/s | p50 ms | p99 ms | RSS before MB | RSS after MB | server CPU % | client CPU % | server CPU ms/call |",
    "|---|---|---|---|---|---|---|---|---|---|---|",
  );
  const groups = new Map<string, Run[]>();
  for (const run of runs) {
    const key = `${run.workers}/${run.concurrency}`;
    groups.set(key, [...(groups.get(key) ?? []), run]);
  }
  for (const group of groups.values()) {
    const rate = median(group.map((run) => run.reqPerSec));
    // RSS and CPU are the median round's (by req/s); latencies are medians over rounds.
    const typical = [...group].sort((a, b) => a.reqPerSec - b.reqPerSec)[Math.floor(group.length / 2)];
    if (typical === undefined) continue;
    const share = (cpuSeconds: number): string => fixed((100 * cpuSeconds) / (typical.seconds * THREADS), 0);
    out.push(
      `| patient-view | ${typical.workers} | ${typical.concurrency} | ${fixed(rate)} | ${fixed(median(group.map((run) => run.p50)))} | ` +
        `${fixed(median(group.map((run) => run.p99)))} | ${fixed(typical.rssBefore)} | ${fixed(typical.rssAfter)} | ` +
        `${share(typical.serverCpu)} | ${share(typical.clientCpu)} | ${fixed((1000 * typical.serverCpu) / Math.max(1, typical.requests))} |`,
    );
  }
  if (jtiResult !== undefined) {
    const { settled, collected } = jtiResult;
    out.push(
      `| ${jtiResult.count.toLocaleString("en")} distinct jtis, POST feedback (settled 5 s) | 1 | 10 | ${fixed(jtiResult.count / jtiResult.seconds)} | | | ` +
        `${fixed(settled.before)} | ${fixed(settled.after)} | | | |`,
      `| the same, after forced full GC | 1 | | | | | ${fixed(collected.before)} | ${fixed(collected.after)} | | | |`,
    );
  }
  out.push("", `CPU %: of all ${THREADS} cores over the run (100 % = every core busy).`, "", "### Targets", "");
  const targets: [string, string, boolean | undefined][] = [];
  for (const concurrency of CONCURRENCIES) {
    const ratios: number[] = [];
    for (let round = 1; round <= ROUNDS; round += 1) {
      const one = runs.find((run) => run.workers === 1 && run.concurrency === concurrency && run.round === round);
      const two = runs.find((run) => run.workers === 2 && run.concurrency === concurrency && run.round === round);
      if (one !== undefined && two !== undefined) ratios.push(two.reqPerSec / one.reqPerSec);
    }
    if (ratios.length === 0)
      targets.push([`workers 2 ≥ 1.7× workers 1 at c${concurrency}`, `workers 2: ${workers2}`, undefined]);
    else
      targets.push([
        `workers 2 ≥ 1.7× workers 1 at c${concurrency}`,
        `per-round ratio min ${fixed(Math.min(...ratios), 2)} / median ${fixed(median(ratios), 2)} / max ${fixed(Math.max(...ratios), 2)} (rounds: ${ratios.map((ratio) => fixed(ratio, 2)).join(", ")})`,
        median(ratios) >= 1.7,
      ]);
  }
  for (const workers of [1, 2]) {
    const group = groups.get(`${workers}/10`);
    if (group === undefined) continue;
    const p99 = median(group.map((run) => run.p99));
    targets.push([
      `p99 < 100 ms at c10, workers ${workers}`,
      `median p99 ${fixed(p99)} ms (rounds: ${group.map((run) => run.p99).join(", ")})`,
      p99 < 100,
    ]);
  }
  if (jtiResult !== undefined) {
    const { settled, collected, count, remembered } = jtiResult;
    const per = (before: number, after: number): number => ((after - before) * 100_000) / remembered;
    const growth = per(collected.before, collected.after);
    targets.push([
      "RSS growth < 50 MB per 100,000 jtis",
      `after forced GC ${fixed(collected.before)} → ${fixed(collected.after)} MB: ${fixed(growth)} MB per 100,000 ` +
        `(V8 heap used ${fixed(collected.heapBefore)} → ${fixed(collected.heapAfter)} MB: ${fixed(per(collected.heapBefore, collected.heapAfter))} MB; ` +
        `after a ${SETTLE_MS / 1000} s settle without forced GC ${fixed(per(settled.before, settled.after))} MB; ` +
        `${fixed(jtiResult.seconds)} s for ${count.toLocaleString("en")} calls, ${remembered.toLocaleString("en")} jtis remembered at the end, ` +
        `signing overlapped, ${fixed(jtiResult.signing)} s of it)`,
      growth < 50,
    ]);
  }
  out.push("| target | measured | |", "|---|---|---|");
  for (const [target, measured, met] of targets)
    out.push(`| ${target} | ${measured} | ${met === undefined ? "n/a" : met ? "met" : "not met"} |`);
  process.stdout.write(`${out.join("\n")}\n`);
}

const onSignal = (): void => {
  for (const instance of active) instance.stop();
  void stopAll().then(() => process.exit(130));
};
process.on("SIGINT", onSignal);
process.on("SIGTERM", onSignal);

let exitCode = 0;
try {
  if (!args["no-load"]) await loadBench();
  if (!args["no-jti"]) await jtiBench();
} catch (error) {
  process.stderr.write(`serve-load: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  exitCode = 1;
} finally {
  await stopAll();
  for (const worker of signers) await worker.terminate();
  rmSync(tmp, { recursive: true, force: true });
}
report();
if (failures.length > 0) {
  process.stderr.write(`\nFAILED: requests not answered 200:\n${failures.map((line) => `- ${line}`).join("\n")}\n`);
  exitCode = 1;
}
process.exit(exitCode);
