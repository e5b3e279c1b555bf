/**
 * `backplan serve --workers 2` with the in-memory replay store: both workers serve the port the
 * primary reports (`--port 0`), they share one replay memory (the primary's), so a token replayed
 * on a new connection, which the cluster hands to the other worker, is refused; a worker that dies
 * is replaced; SIGTERM stops everything with exit 0.
 *
 * That both workers served is read from Linux's /proc, not from anything the service adds to a
 * response: each worker named on stderr ("worker N (pid P) listening") is a child of the primary,
 * and each spent a fair share of the CPU time the requests cost.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  SERVICE_PATH,
  clientKeys,
  exampleResources,
  hookRequest,
  post,
  prefetchOf,
  token,
  type ClientKeys,
} from "./fixtures.js";
import { startServe, stopServe, type ServeProcess } from "./serve-process.js";

const PROC = process.platform === "linux" && existsSync("/proc/self/stat");

/** The pids of the workers the primary said listen, in order. */
function workerPids(stderr: string): number[] {
  return [...stderr.matchAll(/worker \d+ \(pid (\d+)\) listening/g)].map((match) => Number(match[1]));
}

/** Fields of /proc/PID/stat after the command name (which may hold spaces): [0] is the state. */
function stat(pid: number): string[] {
  const text = readFileSync(`/proc/${pid}/stat`, "utf8");
  return text.slice(text.lastIndexOf(")") + 2).split(" ");
}
const parentOf = (pid: number): number => Number(stat(pid)[1]);
/** User + system CPU time, in clock ticks. */
const cpuOf = (pid: number): number => Number(stat(pid)[11]) + Number(stat(pid)[12]);

describe("backplan serve --workers 2", () => {
  let serve: ServeProcess;
  let keys: ClientKeys;
  let url = "";
  let victim: number | undefined;

  beforeAll(async () => {
    keys = await clientKeys();
    const folder = mkdtempSync(join(tmpdir(), "backplan-workers-"));
    writeFileSync(join(folder, "jwks.json"), JSON.stringify(keys.jwks));
    serve = await startServe([
      "--jwks",
      join(folder, "jwks.json"),
      "--feedback",
      join(folder, "feedback.jsonl"),
      "--workers",
      "2",
    ]);
    url = serve.origin + SERVICE_PATH;
  }, 120_000);

  afterAll(() => {
    if (serve.child.exitCode === null) serve.child.kill("SIGKILL");
  });

  const call = (bearer: string): Promise<Response> => post(url, hookRequest(prefetchOf(exampleResources())), bearer);

  it("reports the port it bound, after both workers listen, each a child of the primary", () => {
    expect(serve.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(serve.origin).not.toMatch(/:0$/);
    const pids = workerPids(serve.stderr());
    expect(pids).toHaveLength(2);
    expect(new Set(pids).size).toBe(2);
    if (!PROC) return;
    // One primary for both; it is the spawned process or its child (tsx runs node as a child).
    const [primary, other] = pids.map(parentOf);
    expect(other).toBe(primary);
    expect([primary, parentOf(primary ?? 0)]).toContain(serve.child.pid);
  });

  it("shares one replay memory: 20 tokens, each used twice on new connections, 200 then 401", async () => {
    const pids = workerPids(serve.stderr());
    const before = PROC ? pids.map(cpuOf) : [];
    const firsts: number[] = [];
    const replays: number[] = [];
    for (let i = 0; i < 20; i += 1) {
      const bearer = await token(keys, url);
      firsts.push((await call(bearer)).status);
      const replayed = await call(bearer);
      replays.push(replayed.status);
      if (replayed.status === 401)
        expect(await replayed.json()).toEqual({ error: "unauthorized: the token's jti was already used (replay)" });
    }
    expect(firsts).toEqual(Array.from({ length: 20 }, () => 200));
    expect(replays).toEqual(Array.from({ length: 20 }, () => 401));
    if (PROC) {
      // Connections go to the workers in turn, so each got half the calls: here one worker got the
      // first uses (a plan each) and the other the replays (refused before any plan), which cost
      // less: about 70% and 30% of the CPU time. One worker serving everything would leave the
      // other near 0%.
      const spent = pids.map((pid, i) => cpuOf(pid) - (before[i] ?? 0));
      const total = spent.reduce((a, b) => a + b, 0);
      expect(total).toBeGreaterThan(0);
      for (const share of spent) expect(share / total).toBeGreaterThan(0.1);
    }
  }, 120_000);

  it("replaces a worker that dies, and still remembers the tokens used before", async () => {
    [victim] = workerPids(serve.stderr());
    if (victim === undefined) throw new Error("no worker pid on stderr");
    const used = await token(keys, url);
    expect((await call(used)).status).toBe(200);
    process.kill(victim, "SIGKILL");
    const deadline = Date.now() + 60_000;
    while (workerPids(serve.stderr()).length < 3 && Date.now() < deadline)
      await new Promise((done) => setTimeout(done, 100));
    expect(serve.stderr()).toMatch(
      new RegExp(`worker \\d+ \\(pid ${String(victim)}\\) exited on SIGKILL; starting another`),
    );
    const pids = workerPids(serve.stderr());
    expect(pids).toHaveLength(3);
    // Replayed to both workers (the survivor and the replacement): refused by each.
    expect((await call(used)).status).toBe(401);
    expect((await call(used)).status).toBe(401);
    expect((await call(await token(keys, url))).status).toBe(200);
    expect((await call(await token(keys, url))).status).toBe(200);
  }, 120_000);

  it("stops the primary and every worker on SIGTERM, with exit 0", async () => {
    const alive = workerPids(serve.stderr()).filter((pid) => pid !== victim);
    expect(alive).toHaveLength(2);
    expect(await stopServe(serve)).toBe(0);
    expect(serve.stderr()).toContain("backplan serve: stopped");
    for (const pid of alive) expect(() => process.kill(pid, 0)).toThrow();
  }, 60_000);
});
