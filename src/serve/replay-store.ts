/**
 * Where the service remembers the tokens it has accepted, so that each `jti` is used once. One
 * process can keep them in memory; replicas behind a load balancer must share one store (Redis),
 * or a token replayed to another replica would be accepted.
 */
export interface ReplayStore {
  /**
   * Remembers `key` until `forgetAtMs` (epoch milliseconds) if it is not remembered already:
   * `"fresh"` the first time, `"replayed"` after, `"full"` when nothing more can be remembered now.
   * Rejects when the store cannot be reached: the caller answers 503, never accepts unchecked.
   */
  claim(key: string, forgetAtMs: number): Promise<ReplayClaim>;
  /** Lets go of connections and timers. */
  close(): Promise<void>;
}

export type ReplayClaim = "fresh" | "replayed" | "full";

/** How many tokens the memory store holds at most (about 100 MB at the longest jti). */
const MAX_REMEMBERED = 200_000;

export interface MemoryReplayStoreOptions {
  /** Now, in milliseconds; tests move it. */
  readonly now?: () => number;
  /** The most keys remembered at once; tests lower it. */
  readonly maxRemembered?: number;
}

/**
 * The store of one process. Keys go in as tokens arrive and each is forgotten a bounded time after
 * it was seen, so dropping expired keys from the oldest end is O(1) per claim amortised; a key that
 * outlives its neighbours only delays their removal within that window. The memory is bounded:
 * when full, a claim is `"full"`.
 */
export function memoryReplayStore(options: MemoryReplayStoreOptions = {}): ReplayStore {
  const now = options.now ?? Date.now;
  const max = options.maxRemembered ?? MAX_REMEMBERED;
  /** key → when (ms) it may be forgotten, in insertion order. */
  const seen = new Map<string, number>();
  return {
    claim(key, forgetAtMs) {
      const at = now();
      for (const [old, until] of seen) {
        if (until >= at) break;
        seen.delete(old);
      }
      const until = seen.get(key);
      if (until !== undefined && until >= at) return Promise.resolve("replayed");
      // Past its time but not dropped yet (a neighbour outlives it): forgotten now.
      if (until !== undefined) seen.delete(key);
      if (seen.size >= max) return Promise.resolve("full");
      seen.set(key, forgetAtMs);
      return Promise.resolve("fresh");
    },
    close() {
      seen.clear();
      return Promise.resolve();
    },
  };
}
