import { Worker } from "node:worker_threads";
import type { Assessment, PackJson, Ruleset } from "../core/index.js";
import type { CohortSource, CompareOptions, ImpactReport, RangeOutcome, scenarioSubjects } from "../authoring/index.js";
import { cohortChunks, type CohortChunks } from "./cohort-chunks.js";
import { sharedQueue, takeRange, untaken, type SharedQueue } from "./impact-queue.js";

/** A cohort as worker threads are given it: how to generate it, or its assessments, validated. */
export type WorkerCohort =
  | { readonly kind: "generated"; readonly size: number; readonly seed: number }
  | { readonly kind: "assessments"; readonly assessments: readonly Assessment[] };

type ScenarioSubjects = Readonly<ReturnType<typeof scenarioSubjects>>;

/** What `compare` plans besides the cohort: the scenario tests, handed to the workers when there are any. */
export interface WorkerImpactInput {
  readonly scenarios: ScenarioSubjects;
  readonly cohortSource: CohortSource;
}

export interface ImpactWorkers {
  /** How many worker threads plan; 0 when this thread plans alone. */
  readonly size: number;
  /**
   * Gives the workers both packs, so they plan the cohort from now on while this thread does
   * something else (reads the scenario tests); `compare` gives them if this was not called. A
   * later `compare` must be of the same packs and profile.
   */
  begin(base: Ruleset, head: Ruleset, profile?: string): Promise<void>;
  /**
   * `compareRulesets` with the cohort split into ranges, planned by the workers (and by this
   * thread when there are none, or much of the cohort is left once it has handed them the
   * scenario tests). The report is the same byte for byte whatever their number: ranges are
   * merged by position, not as they finish.
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
 * The two messages to a worker (./impact-worker.ts), in this order: both packs, as
 * `rulesetTransfer` gives them (`"base"` when the head is the base's very ruleset, one folder
 * given as both, compiled once); then its share of the scenario tests, subjects `start` onwards
 * of the whole list (none for some), planned once the queue is empty.
 */
export type ToWorker =
  | {
      readonly type: "packs";
      readonly base: PackJson;
      readonly head: PackJson | "base";
      readonly profile: string | undefined;
    }
  | { readonly type: "scenarios"; readonly start: number; readonly subjects: ScenarioSubjects };

export type FromWorker =
  | { readonly type: "outcome"; readonly outcome: RangeOutcome }
  | { readonly type: "scenarios"; readonly outcome: RangeOutcome }
  /** The queue is empty, its scenario tests planned, and every outcome of this worker was posted before this. */
  | { readonly type: "done" }
  | { readonly type: "failed"; readonly message: string };

/**
 * Untaken assessments per worker above which this thread, once it has handed the workers the
 * scenario tests, plans the cohort beside them. Planning in a thread of its own pays for its
 * warm-up, mostly the optimizing compiler working through the planner again (~1.5 s of CPU
 * on this 2-core machine, measured per thread at 10,000 assessments): worth it only when much is left.
 */
const JOIN_ABOVE = 20_000;

/**
 * Starts `requested` worker threads that plan `backplan impact`'s assessments, the cohort and the
 * scenario tests (none is started for an empty cohort: this thread then plans alone). This
 * thread checks the packs meanwhile, and plans only when there is no worker, or much of the
 * cohort is left (`JOIN_ABOVE`): each thread that plans pays its own warm-up (its modules, both
 * packs, and above all the JIT compiling the planner again), which on two cores cost more than a
 * second planning thread saved. Each thread takes its next range from a queue in shared memory,
 * never waiting on another. Started before the packs are loaded, a worker loads its modules and
 * makes and validates its first ranges meanwhile; `begin` (or `compare`) sends it both packs
 * (`rulesetTransfer`: pack.json data, compiled again without the checks in a few tens of ms),
 * and from then on it plans until the queue is empty, then its share of the scenario tests.
 *
 * @example
 * const workers = startImpactWorkers(1, { kind: "generated", size: 10_000, seed: 1 });
 * try { report = await workers.compare(base, head, input, options); } finally { await workers.close(); }
 */
export function startImpactWorkers(requested: number, cohort: WorkerCohort): ImpactWorkers {
  const size = cohort.kind === "generated" ? cohort.size : cohort.assessments.length;
  const count = size === 0 ? 0 : requested;
  const queue = sharedQueue(size, count + 1);
  const start = count === 0 ? undefined : workerStart(cohort, queue);
  const workers = start === undefined ? [] : Array.from({ length: count }, () => spawn(start));
  const outcomes = workers.length === 0 ? Promise.resolve({ cohort: [], scenarios: [] }) : collect(workers);
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
      type: "packs",
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
      const subjects =
        cohort.kind === "generated" ? generatedSubjects(cohort.size, cohort.seed) : cohortSubjects(cohort.assessments);
      const profile = options.profile;
      // The workers plan the scenario tests, each a share, once the queue is empty.
      const share = Math.ceil(input.scenarios.length / Math.max(1, workers.length));
      workers.forEach((worker, k) => {
        const start = Math.min(input.scenarios.length, k * share);
        const message: ToWorker = {
          type: "scenarios",
          start,
          subjects: input.scenarios.slice(start, start + share),
        };
        worker.postMessage(message);
      });
      const own: RangeOutcome[] = [];
      const scenarios: RangeOutcome[] = [];
      if (workers.length === 0 || untaken(queue) > JOIN_ABOVE * workers.length) {
        const sides = impactSides(base, head);
        if (workers.length === 0)
          scenarios.push(planRange(sides, input.scenarios, 0, input.scenarios.length, { profile }));
        const rangeOptions = cohort.kind === "assessments" ? { profile, validate: validatedAlready } : { profile };
        for (let range = takeRange(queue); range !== undefined; range = takeRange(queue))
          own.push(planRange(sides, subjects, range.start, range.end, rangeOptions));
      }
      const planned = await outcomes;
      return impactReport(
        base,
        head,
        { scenarios: input.scenarios, cohort: subjects, cohortSource: input.cohortSource },
        { scenarios: [...scenarios, ...planned.scenarios], cohort: [...own, ...planned.cohort] },
        options,
      );
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

/** What the workers planned: ranges of the cohort, and of the scenario tests. */
interface Planned {
  readonly cohort: RangeOutcome[];
  readonly scenarios: RangeOutcome[];
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

/** The workers' outcomes, once each has found the queue empty and planned its scenario tests (or the first failure). */
function collect(workers: readonly Worker[]): Promise<Planned> {
  const outcomes = new Promise<Planned>((resolve, reject) => {
    const done: Planned = { cohort: [], scenarios: [] };
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
            done.cohort.push(message.outcome);
            break;
          case "scenarios":
            done.scenarios.push(message.outcome);
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
