import { Worker } from "node:worker_threads";
import type { Assessment, PackJson, Ruleset } from "../core/index.js";
import type { CohortSource, CompareOptions, ImpactReport, RangeOutcome, SubjectList } from "../authoring/index.js";
import { cohortChunks, type CohortChunks } from "./cohort-chunks.js";
import { sharedQueue, takeRange, type SharedQueue } from "./impact-queue.js";

/** A cohort as worker threads are given it: how to generate it, or its assessments, validated. */
export type WorkerCohort =
  | { readonly kind: "generated"; readonly size: number; readonly seed: number }
  | { readonly kind: "assessments"; readonly assessments: readonly Assessment[] };

/** What `compare` plans besides the cohort (in this thread, while the workers plan the cohort). */
export interface WorkerImpactInput {
  readonly scenarios: SubjectList;
  readonly cohortSource: CohortSource;
}

export interface ImpactWorkers {
  /** How many worker threads plan the cohort beside this one; 0 when this thread plans it alone. */
  readonly size: number;
  /**
   * Gives the workers both packs, so they plan the cohort from now on while this thread does
   * something else (reads the scenario tests); `compare` gives them if this was not called. A
   * later `compare` must be of the same packs and profile.
   */
  begin(base: Ruleset, head: Ruleset, profile?: string): Promise<void>;
  /**
   * `compareRulesets` with the cohort split into ranges, planned by this thread and the workers.
   * The report is the same byte for byte whatever their number: ranges are merged by position,
   * not as they finish.
   */
  compare(base: Ruleset, head: Ruleset, input: WorkerImpactInput, options?: CompareOptions): Promise<ImpactReport>;
  /** Stops the workers. */
  close(): Promise<void>;
}

/** A worker's `workerData`: the queue it takes ranges from, and how to make or read the cohort. */
export interface WorkerStart {
  readonly queue: SharedQueue;
  readonly cohort:
    | { readonly kind: "generated"; readonly size: number; readonly seed: number }
    | { readonly kind: "assessments"; readonly chunks: CohortChunks };
}

/**
 * The one message to a worker (./impact-worker.ts): both packs, as `rulesetTransfer` gives them;
 * `"base"` when the head is the base's very ruleset (one folder given as both), compiled once.
 */
export interface ToWorker {
  readonly base: PackJson;
  readonly head: PackJson | "base";
  readonly profile: string | undefined;
}

export type FromWorker =
  | { readonly type: "outcome"; readonly outcome: RangeOutcome }
  /** The queue is empty and every outcome of this worker was posted before this. */
  | { readonly type: "done" }
  | { readonly type: "failed"; readonly message: string };

/**
 * Starts `threads - 1` worker threads for `backplan impact`'s cohort: this thread plans ranges of
 * it too, so `threads` plan in all (none is started for 1, or an empty cohort). Every worker
 * pays its own start and warm-up (its modules, both packs, the JIT compiling the planner again:
 * the first 2,000 assessments of a thread cost about 2.5 times the next); see `PER_THREAD` in
 * src/cli/commands/impact.ts for when one pays. Each thread takes its next range from a queue in
 * shared memory, never waiting on another. Started before the packs are loaded, a worker loads
 * its modules and makes and validates its first ranges meanwhile; `begin` (or `compare`) sends
 * it both packs (`rulesetTransfer`: pack.json data, compiled again without the checks in a few
 * tens of ms), and from then on it plans until the queue is empty.
 *
 * @example
 * const workers = startImpactWorkers(availableParallelism(), { kind: "generated", size: 10_000, seed: 1 });
 * try { report = await workers.compare(base, head, input, options); } finally { await workers.close(); }
 */
export function startImpactWorkers(threads: number, cohort: WorkerCohort): ImpactWorkers {
  const size = cohort.kind === "generated" ? cohort.size : cohort.assessments.length;
  const count = threads >= 2 && size > 0 ? threads - 1 : 0;
  const queue = sharedQueue(size, count + 1);
  const start = count === 0 ? undefined : workerStart(cohort, queue);
  const workers = start === undefined ? [] : Array.from({ length: count }, () => spawn(start));
  const outcomes = workers.length === 0 ? Promise.resolve([]) : collect(workers);
  let begun: { base: Ruleset; head: Ruleset; profile: string | undefined } | undefined;
  const begin = async (base: Ruleset, head: Ruleset, profile?: string) => {
    if (begun !== undefined) {
      if (begun.base !== base || begun.head !== head || begun.profile !== profile)
        throw new Error("impact workers began with other packs or another profile than compare was given");
      return;
    }
    begun = { base, head, profile };
    if (workers.length === 0) return;
    // Loaded here, not with backplan/node: a program that never compares packs never loads the authoring toolkit.
    const { rulesetTransfer } = await import("../authoring/index.js");
    const packs: ToWorker = {
      base: rulesetTransfer(base),
      head: head === base ? "base" : rulesetTransfer(head),
      profile,
    };
    for (const worker of workers) worker.postMessage(packs);
  };
  return {
    size: workers.length,
    begin,
    async compare(base, head, input, options = {}) {
      await begin(base, head, options.profile);
      const { cohortSubjects, generatedSubjects, impactReport, impactSides, planRange, validatedAlready } =
        await import("../authoring/index.js");
      const sides = impactSides(base, head);
      const subjects =
        cohort.kind === "generated" ? generatedSubjects(cohort.size, cohort.seed) : cohortSubjects(cohort.assessments);
      const profile = options.profile;
      // This thread plans the scenario tests, then takes ranges of the cohort from the same queue as the workers.
      const scenarios = [planRange(sides, input.scenarios, 0, input.scenarios.length, { profile })];
      const own: RangeOutcome[] = [];
      const rangeOptions = cohort.kind === "assessments" ? { profile, validate: validatedAlready } : { profile };
      for (let range = takeRange(queue); range !== undefined; range = takeRange(queue))
        own.push(planRange(sides, subjects, range.start, range.end, rangeOptions));
      return impactReport(
        base,
        head,
        { scenarios: input.scenarios, cohort: subjects, cohortSource: input.cohortSource },
        { scenarios, cohort: [...own, ...(await outcomes)] },
        options,
      );
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

function workerStart(cohort: WorkerCohort, queue: SharedQueue): WorkerStart {
  return {
    queue,
    cohort:
      cohort.kind === "generated"
        ? cohort
        : { kind: "assessments", chunks: cohortChunks(cohort.assessments, queue.step) },
  };
}

/** The worker thread's module: ./impact-worker.js built; under tsx or vitest, the .ts source through tsx. */
function spawn(workerData: WorkerStart): Worker {
  const source = import.meta.url.endsWith(".ts");
  const entry = new URL(source ? "./impact-worker.ts" : "./impact-worker.js", import.meta.url);
  if (!source) return new Worker(entry, { workerData });
  const boot = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(boot, { eval: true, workerData });
}

/** The workers' outcomes, once each has found the queue empty (or the first failure). */
function collect(workers: readonly Worker[]): Promise<RangeOutcome[]> {
  const outcomes = new Promise<RangeOutcome[]>((resolve, reject) => {
    const done: RangeOutcome[] = [];
    let planning = workers.length;
    let settled = false;
    // Listeners stay (an `error` event without one would throw): once settled, they do nothing.
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      reject(error);
    };
    for (const worker of workers) {
      worker.on("message", (message: FromWorker) => {
        if (settled) return;
        switch (message.type) {
          case "outcome":
            done.push(message.outcome);
            break;
          case "done":
            if (--planning === 0) {
              settled = true;
              resolve(done);
            }
            break;
          case "failed":
            fail(new Error(`an impact worker failed: ${message.message}`));
            break;
        }
      });
      worker.on("error", (error) => {
        fail(new Error(`an impact worker failed: ${error.message}`, { cause: error }));
      });
      worker.on("exit", (code) => {
        fail(new Error(`an impact worker stopped (exit code ${code})`));
      });
    }
  });
  // Closed before `compare` (the packs did not load): the workers' exit is no unhandled rejection.
  outcomes.catch(() => undefined);
  return outcomes;
}
