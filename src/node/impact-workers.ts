import { Worker } from "node:worker_threads";
import type { Assessment, PackJson, Ruleset } from "../core/index.js";
import type { CohortSource, CompareOptions, ImpactReport, RangeOutcome, SubjectList } from "../authoring/index.js";

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
   * `compareRulesets` with the cohort split into ranges, planned by this thread and the workers.
   * The report is the same byte for byte whatever their number: ranges are merged by position,
   * not as they finish.
   */
  compare(base: Ruleset, head: Ruleset, input: WorkerImpactInput, options?: CompareOptions): Promise<ImpactReport>;
  /** Stops the workers. */
  close(): Promise<void>;
}

/** A worker's `workerData`. */
export interface WorkerStart {
  readonly cohort:
    { readonly kind: "generated"; readonly size: number; readonly seed: number } | { readonly kind: "assessments" };
}

/** Messages to a worker (./impact-worker.ts): ranges of the cohort, from the start, and both packs once. */
export type ToWorker =
  | { readonly type: "packs"; readonly base: PackJson; readonly head: PackJson; readonly profile: string | undefined }
  /** `assessments`: those of positions `start` to `end - 1`, for a cohort of assessments. */
  | {
      readonly type: "range";
      readonly start: number;
      readonly end: number;
      readonly assessments?: readonly Assessment[];
    };

export type FromWorker =
  { readonly type: "outcome"; readonly outcome: RangeOutcome } | { readonly type: "failed"; readonly message: string };

/**
 * Ranges per planning thread: small enough that no thread waits long for the last one (this
 * thread answers the workers only between its ranges), large enough to cost nothing to send.
 */
const RANGES_PER_THREAD = 16;
const MIN_RANGE = 50;
/** Ranges each worker holds at once: it starts the next while its last outcome travels, and prepares two while the packs load. */
const IN_FLIGHT = 2;

/**
 * Starts `threads - 1` worker threads for `backplan impact`'s cohort: this thread plans ranges of
 * it too, so `threads` plan in all (none is started for 1, or an empty cohort). Every worker
 * pays its own start and warm-up (its modules, both packs, the JIT compiling the planner again:
 * the first 2,000 assessments of a thread cost about 2.5 times the next), which this thread pays
 * anyway; see `PER_THREAD` in src/cli/commands/impact.ts for when a second one pays. Started before the packs
 * are loaded, the workers load their modules and make and validate their first ranges
 * meanwhile; `compare` sends them both packs (`rulesetTransfer`: pack.json data, compiled again
 * without the checks in a few tens of ms).
 *
 * @example
 * const workers = startImpactWorkers(availableParallelism(), { kind: "generated", size: 10_000, seed: 1 });
 * try { report = await workers.compare(base, head, input, options); } finally { await workers.close(); }
 */
export function startImpactWorkers(threads: number, cohort: WorkerCohort): ImpactWorkers {
  const size = cohort.kind === "generated" ? cohort.size : cohort.assessments.length;
  const workers = threads >= 2 && size > 0 ? Array.from({ length: threads - 1 }, () => spawn(cohort)) : [];
  const queue = rangeQueue(size, workers.length + 1);
  const dispatch = workers.length === 0 ? undefined : dispatchRanges(workers, cohort, queue);
  return {
    size: workers.length,
    async compare(base, head, input, options = {}) {
      // Loaded here, not with backplan/node: a program that never compares packs never loads the authoring toolkit.
      const {
        cohortSubjects,
        generatedSubjects,
        impactReport,
        impactSides,
        planRange,
        rulesetTransfer,
        validatedAlready,
      } = await import("../authoring/index.js");
      const sides = impactSides(base, head);
      const subjects =
        cohort.kind === "generated" ? generatedSubjects(cohort.size, cohort.seed) : cohortSubjects(cohort.assessments);
      const profile = options.profile;
      if (dispatch !== undefined) {
        const packs: ToWorker = { type: "packs", base: rulesetTransfer(base), head: rulesetTransfer(head), profile };
        for (const worker of workers) worker.postMessage(packs);
      }
      // This thread plans the scenario tests while the workers compile the packs, then takes
      // ranges of the cohort from the same queue as they do.
      const scenarios = [planRange(sides, input.scenarios, 0, input.scenarios.length, { profile })];
      const own: RangeOutcome[] = [];
      const rangeOptions = cohort.kind === "assessments" ? { profile, validate: validatedAlready } : { profile };
      for (let range = queue.take(); range !== undefined; range = queue.take()) {
        own.push(planRange(sides, subjects, range.start, range.end, rangeOptions));
        // Lets the workers' outcomes in, and their next ranges out, before the next range here.
        if (dispatch !== undefined) await new Promise((resolve) => setImmediate(resolve));
      }
      const cohortOutcomes = dispatch === undefined ? own : [...own, ...(await dispatch.outcomes)];
      return impactReport(
        base,
        head,
        { scenarios: input.scenarios, cohort: subjects, cohortSource: input.cohortSource },
        { scenarios, cohort: cohortOutcomes },
        options,
      );
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

interface RangeQueue {
  /** The next range nobody has planned yet, in order of position. */
  take(): { start: number; end: number } | undefined;
}

/** The cohort's positions in ranges, taken in turn by whichever thread is free. */
function rangeQueue(size: number, threads: number): RangeQueue {
  const step = threads === 1 ? size : Math.max(MIN_RANGE, Math.ceil(size / (threads * RANGES_PER_THREAD)));
  let next = 0;
  return {
    take() {
      if (next >= size) return undefined;
      const range = { start: next, end: Math.min(size, next + step) };
      next = range.end;
      return range;
    },
  };
}

/** The worker thread's module: ./impact-worker.js built; under tsx or vitest, the .ts source through tsx. */
function spawn(cohort: WorkerCohort): Worker {
  const workerData: WorkerStart = { cohort: cohort.kind === "generated" ? cohort : { kind: "assessments" } };
  const source = import.meta.url.endsWith(".ts");
  const entry = new URL(source ? "./impact-worker.ts" : "./impact-worker.js", import.meta.url);
  if (!source) return new Worker(entry, { workerData });
  const boot = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(boot, { eval: true, workerData });
}

/**
 * Sends the workers ranges from the queue, each the next as it finishes one; `outcomes` are
 * theirs, once the queue is empty and none is planning (or the first failure).
 */
function dispatchRanges(
  workers: readonly Worker[],
  cohort: WorkerCohort,
  queue: RangeQueue,
): { outcomes: Promise<RangeOutcome[]> } {
  const outcomes = new Promise<RangeOutcome[]>((resolve, reject) => {
    const done: RangeOutcome[] = [];
    let planning = 0;
    let settled = false;
    // Listeners stay (an `error` event without one would throw): once settled, they do nothing.
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      reject(error);
    };
    const send = (worker: Worker) => {
      const range = queue.take();
      if (range === undefined) return;
      planning++;
      const message: ToWorker =
        cohort.kind === "generated"
          ? { type: "range", ...range }
          : { type: "range", ...range, assessments: cohort.assessments.slice(range.start, range.end) };
      worker.postMessage(message);
    };
    for (const worker of workers) {
      worker.on("message", (message: FromWorker) => {
        if (settled) return;
        if (message.type === "failed") {
          fail(new Error(`an impact worker failed: ${message.message}`));
          return;
        }
        planning--;
        done.push(message.outcome);
        send(worker);
        if (planning === 0) {
          settled = true;
          resolve(done);
        }
      });
      worker.on("error", (error) => {
        fail(new Error(`an impact worker failed: ${error.message}`, { cause: error }));
      });
      worker.on("exit", (code) => {
        fail(new Error(`an impact worker stopped (exit code ${code})`));
      });
      for (let i = 0; i < IN_FLIGHT; i++) send(worker);
    }
  });
  // Closed before `compare` (the packs did not load): the workers' exit is no unhandled rejection.
  outcomes.catch(() => undefined);
  return { outcomes };
}
