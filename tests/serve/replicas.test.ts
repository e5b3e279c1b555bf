/**
 * Two `backplan serve` processes (two replicas behind a load balancer, as far as a client can
 * tell) sharing one real redis-server as their replay store: a token used on one is refused on
 * the other; while Redis is down every call gets 503 with Retry-After, never 200; once Redis is
 * back both serve again, without a restart.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
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
import { requireRedis, skipRedis, startRedis, type RedisServer } from "./redis-server.js";
import { startServe, stopServe, type ServeProcess } from "./serve-process.js";

/** Both replicas' public URL, so one token's aud suits either. */
const BASE_URL = "https://cds.example.org";
const AUD = BASE_URL + SERVICE_PATH;

const title = skipRedis
  ? "replicas sharing a Redis replay store: SKIPPED, no redis-server (in CI this fails)"
  : "two replicas sharing a Redis replay store";

describe.skipIf(skipRedis)(title, () => {
  let redis: RedisServer | undefined;
  const replicas: ServeProcess[] = [];
  let keys: ClientKeys;

  beforeAll(async () => {
    requireRedis();
    redis = await startRedis();
    keys = await clientKeys();
    const folder = mkdtempSync(join(tmpdir(), "backplan-replicas-"));
    writeFileSync(join(folder, "jwks.json"), JSON.stringify(keys.jwks));
    const args = (n: number): string[] => [
      "--jwks",
      join(folder, "jwks.json"),
      "--base-url",
      BASE_URL,
      "--feedback",
      join(folder, `feedback-${n}.jsonl`),
      "--replay-store",
      redis?.url ?? "",
    ];
    replicas.push(...(await Promise.all([startServe(args(1)), startServe(args(2))])));
  }, 120_000);

  afterAll(async () => {
    for (const replica of replicas) if (replica.child.exitCode === null) replica.child.kill("SIGKILL");
    await redis?.stop();
  });

  const call = (replica: ServeProcess | undefined, bearer: string): Promise<Response> =>
    post((replica?.origin ?? "") + SERVICE_PATH, hookRequest(prefetchOf(exampleResources())), bearer);

  it("refuses on one replica a token already used on the other", async () => {
    const [one, two] = replicas;
    const first = await token(keys, AUD);
    expect((await call(one, first)).status).toBe(200);
    const replayed = await call(two, first);
    expect(replayed.status).toBe(401);
    expect(await replayed.json()).toEqual({ error: "unauthorized: the token's jti was already used (replay)" });
    // And the other way round.
    const second = await token(keys, AUD);
    expect((await call(two, second)).status).toBe(200);
    expect((await call(one, second)).status).toBe(401);
  }, 60_000);

  it("answers 503 with Retry-After while Redis is down, never 200, and serves again once it is back", async () => {
    if (redis === undefined) throw new Error("no redis-server");
    await redis.stop();
    for (const replica of replicas) {
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const response = await call(replica, await token(keys, AUD));
        expect(response.status).toBe(503);
        expect(response.headers.get("Retry-After")).toBe("5");
      }
      expect(replica.stderr()).toContain(`the replay store redis://127.0.0.1:${redis.port} cannot be reached`);
    }
    await redis.start();
    for (const replica of replicas) {
      const deadline = Date.now() + 20_000;
      let status = 0;
      while (Date.now() < deadline) {
        status = (await call(replica, await token(keys, AUD))).status;
        if (status !== 503) break;
        await new Promise((done) => setTimeout(done, 200));
      }
      expect(status).toBe(200);
      expect(replica.stderr()).toContain("is reachable again");
    }
    // Redis came back empty, but a replay from now on is refused again.
    const after = await token(keys, AUD);
    expect((await call(replicas[0], after)).status).toBe(200);
    expect((await call(replicas[1], after)).status).toBe(401);
  }, 90_000);

  it("stops each replica on SIGTERM with exit 0", async () => {
    expect(await Promise.all(replicas.map((replica) => stopServe(replica)))).toEqual([0, 0]);
  }, 30_000);
});
