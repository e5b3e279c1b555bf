import cluster from "node:cluster";
import type { ReplayClaim, ReplayStore } from "./replay-store.js";

/**
 * Workers of one `serve --workers N` share the primary's replay memory: a worker asks the primary
 * over cluster IPC, so a token replayed to another worker is refused as it would be by one process.
 */

/**
 * How long a worker waits for the primary's answer before the request gets 503: half the request
 * time limit. 1 s was too short on a loaded machine: a busy worker's own requests held its event
 * loop that long while the primary's answer waited unread (4 of a load benchmark's calls got 503).
 */
const CLUSTER_CLAIM_TIMEOUT_MS = 5_000;

interface ClaimRequest {
  readonly type: "backplan:claim";
  readonly id: number;
  readonly key: string;
  readonly forgetAtMs: number;
}

type ClaimAnswer =
  | { readonly type: "backplan:claimed"; readonly id: number; readonly claim: ReplayClaim }
  | { readonly type: "backplan:claimed"; readonly id: number; readonly error: string };

function isClaimRequest(message: unknown): message is ClaimRequest {
  const m = message as Partial<ClaimRequest> | null;
  return (
    typeof m === "object" &&
    m !== null &&
    m.type === "backplan:claim" &&
    typeof m.id === "number" &&
    typeof m.key === "string" &&
    typeof m.forgetAtMs === "number"
  );
}

function isClaimAnswer(message: unknown): message is ClaimAnswer {
  const m = message as Partial<ClaimAnswer> | null;
  return typeof m === "object" && m !== null && m.type === "backplan:claimed" && typeof m.id === "number";
}

/** In the primary: answers every worker's claims from `store`. Returns a function that stops. */
export function answerClaims(store: ReplayStore): () => void {
  const onMessage = (
    worker: { send: (message: ClaimAnswer) => boolean; isConnected: () => boolean },
    message: unknown,
  ) => {
    if (!isClaimRequest(message)) return;
    const reply = (answer: ClaimAnswer): void => {
      if (worker.isConnected()) worker.send(answer);
    };
    store.claim(message.key, message.forgetAtMs).then(
      (claim) => {
        reply({ type: "backplan:claimed", id: message.id, claim });
      },
      (error: unknown) => {
        reply({
          type: "backplan:claimed",
          id: message.id,
          error: error instanceof Error ? error.message : String(error),
        });
      },
    );
  };
  cluster.on("message", onMessage);
  return () => {
    cluster.off("message", onMessage);
  };
}

/**
 * In a worker: the store that asks the primary. A claim rejects (so the request gets 503) when the
 * primary does not answer within `timeoutMs` or the channel to it is closed.
 */
export function clusterReplayStore(timeoutMs = CLUSTER_CLAIM_TIMEOUT_MS): ReplayStore {
  const pending = new Map<
    number,
    { resolve: (claim: ReplayClaim) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }
  >();
  let next = 0;
  const onMessage = (message: unknown): void => {
    if (!isClaimAnswer(message)) return;
    const waiting = pending.get(message.id);
    if (waiting === undefined) return;
    pending.delete(message.id);
    clearTimeout(waiting.timer);
    if ("claim" in message) waiting.resolve(message.claim);
    else waiting.reject(new Error(`the primary's replay memory: ${message.error}`));
  };
  process.on("message", onMessage);
  return {
    claim(key, forgetAtMs) {
      return new Promise((resolve, reject) => {
        if (process.send === undefined || !process.connected) {
          reject(new Error("this worker is no longer connected to the primary"));
          return;
        }
        next += 1;
        const id = next;
        // Timers run before the event loop reads its sockets, so an answer that arrived while this
        // worker was busy would still be unread when the timer fires: the timer gives up only
        // after one more turn of the loop (setImmediate runs after the IPC channel is read).
        const timer = setTimeout(() => {
          setImmediate(() => {
            if (!pending.delete(id)) return;
            reject(new Error(`the primary did not answer within ${timeoutMs} ms`));
          });
        }, timeoutMs);
        pending.set(id, { resolve, reject, timer });
        const request: ClaimRequest = { type: "backplan:claim", id, key, forgetAtMs };
        process.send(request, undefined, {}, (error: Error | null) => {
          if (error === null) return;
          pending.delete(id);
          clearTimeout(timer);
          reject(error);
        });
      });
    },
    close() {
      process.off("message", onMessage);
      for (const [id, waiting] of pending) {
        pending.delete(id);
        clearTimeout(waiting.timer);
        waiting.reject(new Error("the replay store is closed"));
      }
      return Promise.resolve();
    },
  };
}
