import cluster, { type Worker } from "node:cluster";
import { answerClaims } from "./cluster-replay-store.js";
import type { ReplayStore } from "./replay-store.js";

/**
 * `serve --workers N`: the primary forks N workers that run the same command line and listen on
 * the same port (node:cluster hands each connection to the next worker in turn); the primary
 * serves no request itself. It holds the workers' shared replay memory (unless they share Redis),
 * replaces a worker that dies, and stops them all on SIGINT or SIGTERM.
 */

/** How long stopping workers may take (a request in progress ends within its 10 s) before SIGKILL. */
const STOP_WITHIN_MS = 15_000;
/** The wait before replacing a worker: longer after one that died young, so a crash loop stays slow. */
const REPLACE_AFTER_MS = 200;
const REPLACE_YOUNG_AFTER_MS = 2_000;
const YOUNG_MS = 5_000;

interface ListeningMessage {
  readonly type: "backplan:listening";
  /** The line a single process prints when it listens. */
  readonly line: string;
}

function isListening(message: unknown): message is ListeningMessage {
  const m = message as Partial<ListeningMessage> | null;
  return typeof m === "object" && m !== null && m.type === "backplan:listening" && typeof m.line === "string";
}

/** In a worker: tells the primary it listens, with the line it would print alone. */
export function reportListening(line: string): void {
  const message: ListeningMessage = { type: "backplan:listening", line };
  process.send?.(message);
}

export interface PrimaryOptions {
  readonly workers: number;
  /** The replay memory the workers share, held here; `undefined` when they share Redis instead. */
  readonly replays?: ReplayStore;
  /** A line for stderr (workers starting, dying, being replaced). */
  readonly log: (line: string) => void;
  /** Called once, when all workers first listen, with the first worker's listening line. */
  readonly listening: (line: string) => void;
  /** Resolves when the primary is asked to stop. */
  readonly stop: Promise<string>;
}

/**
 * Runs the workers until `stop`, then stops them (SIGTERM, each closes its server and lets its
 * requests finish) and resolves 0. Resolves with a worker's exit code (or 1) when one dies before
 * all have listened: a worker that cannot start (Redis unreachable, port in use) stops them all.
 */
export function runPrimary(options: PrimaryOptions): Promise<number> {
  return new Promise((done) => {
    const stopAnswering = options.replays === undefined ? undefined : answerClaims(options.replays);
    const live = new Map<number, { worker: Worker; bornAt: number }>();
    const listening = new Set<number>();
    let started = false;
    let stopping = false;
    let exitCode = 0;
    let killTimer: NodeJS.Timeout | undefined;
    const name = (worker: Worker): string => `worker ${worker.id} (pid ${worker.process.pid ?? "?"})`;

    const fork = (): void => {
      const worker = cluster.fork();
      live.set(worker.id, { worker, bornAt: Date.now() });
    };

    const finishIfDone = (): void => {
      if (!stopping || live.size > 0) return;
      clearTimeout(killTimer);
      cluster.off("message", onMessage);
      cluster.off("exit", onExit);
      stopAnswering?.();
      done(exitCode);
    };

    const stopAll = (): void => {
      if (stopping) return;
      stopping = true;
      for (const { worker } of live.values()) worker.process.kill("SIGTERM");
      killTimer = setTimeout(() => {
        for (const { worker } of live.values()) {
          options.log(`${name(worker)} did not stop within ${STOP_WITHIN_MS / 1000} s; killed`);
          worker.process.kill("SIGKILL");
        }
      }, STOP_WITHIN_MS);
      finishIfDone();
    };

    const onMessage = (worker: Worker, message: unknown): void => {
      if (!isListening(message) || stopping) return;
      listening.add(worker.id);
      options.log(`${name(worker)} listening`);
      if (!started && listening.size === options.workers) {
        started = true;
        options.listening(message.line);
      }
    };

    const onExit = (worker: Worker, code: number | null, signal: string | null): void => {
      const bornAt = live.get(worker.id)?.bornAt ?? Date.now();
      live.delete(worker.id);
      listening.delete(worker.id);
      if (stopping) {
        finishIfDone();
        return;
      }
      const how = signal === null ? `with code ${String(code)}` : `on ${signal}`;
      if (!started) {
        options.log(`${name(worker)} exited ${how} before listening; stopping`);
        exitCode = code === null || code === 0 ? 1 : code;
        stopAll();
        return;
      }
      options.log(`${name(worker)} exited ${how}; starting another`);
      const young = Date.now() - bornAt < YOUNG_MS;
      setTimeout(
        () => {
          if (!stopping) fork();
        },
        young ? REPLACE_YOUNG_AFTER_MS : REPLACE_AFTER_MS,
      );
    };

    cluster.on("message", onMessage);
    cluster.on("exit", onExit);
    for (let i = 0; i < options.workers; i += 1) fork();
    void options.stop.then(stopAll);
  });
}

/** In a worker, once its server is closed: lets go of the channel to the primary, so it can exit. */
export function leaveCluster(): void {
  cluster.worker?.disconnect();
}

/**
 * In a worker that is stopping: a second SIGINT or SIGTERM must not cut its requests short. Ctrl-C
 * reaches the whole process group, then the primary relays its own SIGTERM; the primary kills a
 * worker that takes too long.
 */
export function ignoreFurtherStops(): void {
  const ignore = (): void => undefined;
  process.on("SIGINT", ignore);
  process.on("SIGTERM", ignore);
}
