import { Worker } from "node:worker_threads";
import type { Assessment, PackJson } from "../core/generated/types.js";
import {
  cohortSubjects,
  generatedSubjects,
  impactReport,
  impactSides,
  planRange,
  rulesetTransfer,
  validatedAlready,
  type CohortSource,
  type CompareOptions,
  type ImpactReport,
  type RangeOutcome,
  type SubjectList,
} from "../core/impact/index.js";
import type { Ruleset } from "../core/ruleset/types.js";

/** A cohort as worker threads are given it: how to generate it, or its assessments, validated. */
export type WorkerCohort =
  | { readonly kind: "generated"; readonly size: number; readonly seed: number }
  | { readonly kind: "assessments"; readonly assessments: readonly Assessment[] };

/** What `compare` plans: the scenario tests' assessments here, the cohort in the workers. */
export interface ParallelImpactInput {
  readonly scenarios: SubjectList;
  readonly cohort: WorkerCohort;
  readonly cohortSource: CohortSource;
}

export interface ImpactWorkers {
  /** How many worker threads; 0 plans in this thread. */
  readonly size: number;
  /**
   * `compareRulesets` with the cohort split into ranges over the workers. The report is the same
   * byte for byte whatever their number: ranges are merged by position, not as they finish.
   */
  compare(base: Ruleset, head: Ruleset, input: ParallelImpactInput, options?: CompareOptions): Promise<ImpactReport>;
  /** Stops the workers. */
  close(): Promise<void>;
}

/** Messages to a worker (./impact-worker.ts): both packs once, then ranges of the cohort. */
export type ToWorker =
  | {
      readonly type: "packs";
      readonly base: PackJson;
      readonly head: PackJson;
      readonly cohort:
        { readonly kind: "generated"; readonly size: number; readonly seed: number } | { readonly kind: "assessments" };
      readonly profile: string | undefined;
    }
  /** `assessments`: those of positions `start` to `end - 1`, for a cohort of assessments. */
  | {
      readonly type: "range";
      readonly start: number;
      readonly end: number;
      readonly assessments?: readonly Assessment[];
    };

export type FromWorker =
  { readonly type: "outcome"; readonly outcome: RangeOutcome } | { readonly type: "failed"; readonly message: string };

/** Ranges per worker: small enough to even out a worker that started late, large enough to cost nothing to send. */
const RANGES_PER_WORKER = 8;
const MIN_RANGE = 50;
/** Ranges each worker holds at once: it starts the next while its last outcome travels. */
const IN_FLIGHT = 2;

/**
 * Starts `count` worker threads for `backplan impact` (none when `count` is 0 or 1: one thread
 * gains nothing over this one). Started before the packs are loaded, they load their modules
 * meanwhile; each then compiles both packs from their transfers (`rulesetTransfer`: pack.json
 * data, compiled again without the checks, a few tens of milliseconds).
 *
 * @example
 * const workers = startImpactWorkers(availableParallelism());
 * try { report = await workers.compare(base, head, input, options); } finally { await workers.close(); }
 */
export function startImpactWorkers(count: number): ImpactWorkers {
  const workers = count >= 2 ? Array.from({ length: count }, spawn) : [];
  return {
    size: workers.length,
    async compare(base, head, input, options = {}) {
      const sides = impactSides(base, head);
      const cohort =
        input.cohort.kind === "generated"
          ? generatedSubjects(input.cohort.size, input.cohort.seed)
          : cohortSubjects(input.cohort.assessments);
      const profile = options.profile;
      const inCohort = input.cohort.kind === "assessments" ? { profile, validate: validatedAlready } : { profile };
      const planned =
        workers.length === 0 || cohort.length === 0
          ? Promise.resolve([planRange(sides, cohort, 0, cohort.length, inCohort)])
          : planInWorkers(workers, base, head, input.cohort, profile);
      // This thread plans the scenario tests while the workers plan the cohort.
      const scenarios = [planRange(sides, input.scenarios, 0, input.scenarios.length, { profile })];
      const report = impactReport(
        base,
        head,
        { scenarios: input.scenarios, cohort, cohortSource: input.cohortSource },
        { scenarios, cohort: await planned },
        options,
      );
      return report;
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

/** The worker thread's module: ./impact-worker.js built; under tsx or vitest, the .ts source through tsx. */
function spawn(): Worker {
  const source = import.meta.url.endsWith(".ts");
  const entry = new URL(source ? "./impact-worker.ts" : "./impact-worker.js", import.meta.url);
  if (!source) return new Worker(entry);
  const boot = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(boot, { eval: true });
}

/** The cohort's outcomes, range by range, from the workers (each given the next range as it finishes one). */
function planInWorkers(
  workers: readonly Worker[],
  base: Ruleset,
  head: Ruleset,
  cohort: WorkerCohort,
  profile: string | undefined,
): Promise<RangeOutcome[]> {
  const size = cohort.kind === "generated" ? cohort.size : cohort.assessments.length;
  const step = Math.max(MIN_RANGE, Math.ceil(size / (workers.length * RANGES_PER_WORKER)));
  const ranges: { start: number; end: number }[] = [];
  for (let start = 0; start < size; start += step) ranges.push({ start, end: Math.min(size, start + step) });
  const packs: ToWorker = {
    type: "packs",
    base: rulesetTransfer(base),
    head: rulesetTransfer(head),
    cohort: cohort.kind === "generated" ? cohort : { kind: "assessments" },
    profile,
  };
  return new Promise((resolve, reject) => {
    const outcomes: RangeOutcome[] = [];
    let next = 0;
    let settled = false;
    // Listeners stay (an `error` event without one would throw): once settled, they do nothing.
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      reject(error);
    };
    const send = (worker: Worker) => {
      const range = ranges[next++];
      if (range === undefined) return;
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
        outcomes.push(message.outcome);
        if (outcomes.length < ranges.length) send(worker);
        else {
          settled = true;
          resolve(outcomes);
        }
      });
      worker.on("error", (error) => {
        fail(new Error(`an impact worker failed: ${error.message}`, { cause: error }));
      });
      worker.on("exit", (code) => {
        fail(new Error(`an impact worker stopped (exit code ${code})`));
      });
      worker.postMessage(packs);
      for (let i = 0; i < IN_FLIGHT; i++) send(worker);
    }
  });
}
