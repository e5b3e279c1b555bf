import type { ReplayStore } from "./replay-store.js";

/** Every key the service writes starts with this, so the Redis can be shared with other uses. */
const REDIS_KEY_PREFIX = "backplan:jti:";

/**
 * How long a claim may wait for Redis before the request gets 503: far below the 10 s request
 * timeout, so an outage costs the client a quick retry, not a hung call.
 */
const REDIS_COMMAND_TIMEOUT_MS = 500;
/** How long connecting may take, at startup or when reconnecting. */
const CONNECT_TIMEOUT_MS = 1_000;
/** The wait between reconnection attempts grows to this, and reconnection never stops. */
const MAX_RECONNECT_WAIT_MS = 1_000;

export interface RedisReplayStoreOptions {
  /** Told when the connection is lost (once per outage) and when it is back. */
  readonly onStatus?: (message: string) => void;
  /** How long a claim may wait for an answer (tests lower it). */
  readonly commandTimeoutMs?: number;
}

/** `redis://user:secret@host:6379/0` as `redis://host:6379/0`: never print a password. */
function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = "";
    parsed.password = "";
    return parsed.toString().replace(/\/$/, "");
  } catch {
    return "(an invalid URL)";
  }
}

/**
 * The replay store that replicas share: `SET backplan:jti:<key> 1 NX PX <ms>`, atomic, so of two
 * replicas claiming the same key at once exactly one gets "fresh", and Redis forgets the key when
 * the token could no longer be accepted. The expiry is relative (PX, counted from this service's
 * clock, which judged the token), so a Redis host whose clock is off does not change it.
 *
 * Never "full": how much Redis may hold (`maxmemory`) is the operator's to set, with
 * `maxmemory-policy noeviction`, so a full Redis refuses the write (the claim rejects, the request
 * gets 503); an evicting policy could drop a remembered key early and let its token be replayed.
 *
 * When Redis cannot be reached, a claim rejects at once (no offline queue) or after
 * `REDIS_COMMAND_TIMEOUT_MS` (a connection that went silent), so the service answers 503 and
 * never accepts a token unchecked; the client keeps reconnecting in the background, so the
 * service recovers when Redis is back, without a restart.
 *
 * Resolves once Redis has answered PING; rejects (and lets go of the client) when it cannot be
 * reached within `connectWithinMs`, so a wrong URL is known at startup. `redis` is imported only
 * here, so commands that never use it do not load it.
 */
export async function redisReplayStore(
  url: string,
  options: RedisReplayStoreOptions = {},
  connectWithinMs = 5_000,
): Promise<ReplayStore> {
  const { createClient } = await import("redis");
  const commandTimeoutMs = options.commandTimeoutMs ?? REDIS_COMMAND_TIMEOUT_MS;
  let starting = true;
  const client = createClient({
    url,
    disableOfflineQueue: true,
    // Checks a quiet connection, so a Redis that vanished without closing it is noticed.
    pingInterval: 5_000,
    socket: {
      connectTimeout: CONNECT_TIMEOUT_MS,
      // At startup the first failure is the answer (a wrong URL is known at once); later, retry.
      reconnectStrategy: (retries, cause) => (starting ? cause : Math.min(50 * 2 ** retries, MAX_RECONNECT_WAIT_MS)),
    },
  });
  const where = redactedUrl(url);
  let down = false;
  // Without an "error" listener node-redis would throw it: a lost connection must not crash us.
  client.on("error", (error: unknown) => {
    if (down || starting) return;
    down = true;
    options.onStatus?.(`the replay store ${where} cannot be reached: ${messageOf(error)}`);
  });
  client.on("ready", () => {
    if (!down) return;
    down = false;
    options.onStatus?.(`the replay store ${where} is reachable again`);
  });

  let startupTimer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      client.connect().then(() => client.ping()),
      new Promise((_, reject) => {
        startupTimer = setTimeout(() => {
          reject(new Error(`no answer from ${where} within ${connectWithinMs / 1000} s`));
        }, connectWithinMs);
      }),
    ]);
  } catch (error) {
    client.destroy();
    throw new Error(`cannot reach the replay store ${where}: ${messageOf(error)}`);
  } finally {
    clearTimeout(startupTimer);
  }
  starting = false;

  return {
    async claim(key, forgetAtMs) {
      if (!client.isReady) throw new Error(`${where} is not connected (reconnecting)`);
      const ttl = Math.max(1, Math.ceil(forgetAtMs - Date.now()));
      // A command already sent may get no answer (a silent connection): the claim gives up after
      // commandTimeoutMs. Its SET may still land, so the same token retried is then a replay: a
      // client retrying after 503 sends a new token, as it does for every call.
      const abort = new AbortController();
      let timer: NodeJS.Timeout | undefined;
      const answer = await Promise.race([
        client
          .withCommandOptions({ abortSignal: abort.signal })
          .set(REDIS_KEY_PREFIX + key, "1", { condition: "NX", expiration: { type: "PX", value: ttl } }),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => {
            abort.abort();
            reject(new Error(`no answer within ${commandTimeoutMs} ms`));
          }, commandTimeoutMs);
        }),
      ])
        .catch((error: unknown) => {
          throw new Error(`${where}: ${messageOf(error)}`);
        })
        .finally(() => {
          clearTimeout(timer);
        });
      return answer === "OK" ? "fresh" : "replayed";
    },
    async close() {
      if (client.isOpen) await client.close();
      else client.destroy();
    },
  };
}

function messageOf(error: unknown): string {
  if (error instanceof AggregateError) return error.errors.map(messageOf).join("; ");
  return error instanceof Error ? error.message || error.name : String(error);
}
