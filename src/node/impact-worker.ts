/**
 * A worker thread of `backplan impact` (started by ./impact-workers.ts). It takes ranges of the
 * cohort from the shared queue; until the packs come, it makes and validates some (what needs
 * no pack), then plans ranges with both packs, compiled once from their transfers, until the
 * queue is empty, posting each outcome; then its share of the scenario tests, once they come.
 */
import { setImmediate as turn } from "node:timers/promises";
import { parentPort, workerData } from "node:worker_threads";
import { rulesetFromTransfer } from "../core/load/pack-json/transfer.js";
import {
  planPrepared,
  planRange,
  prepareRange,
  type ImpactSides,
  type PreparedRange,
} from "../authoring/impact/plan-range.js";
import { impactPlanner, validatedAlready } from "../authoring/impact/planner.js";
import { cohortWindow, generatedSubjects, subjectWindow } from "../authoring/impact/subjects.js";
import { chunkAssessments } from "./cohort-chunks.js";
import { takeRange, type QueuedRange } from "./impact-queue.js";
import type { FromWorker, ToWorker, WorkerStart } from "./impact-workers.js";

/**
 * Assessments made and validated while the packs are on their way, about, at most: enough to fill
 * the wait when a pack is checked from its YAML (an edited pack: ~0.5 s, ~0.3 ms an assessment
 * cold), few enough that a large cohort's ranges are not held at once (a range of a million on
 * two threads is 31,250).
 */
const PREPARED_AHEAD = 3_000;

const port = parentPort;
if (port === null) throw new Error("impact-worker runs as a worker thread (see impact-workers.ts)");
const { cohort, queue } = workerData as WorkerStart;
/** Makes a range of a generated cohort and validates it; reads a file's, validated when the file was read. */
function preparer(): (range: QueuedRange) => PreparedRange {
  if (cohort.kind === "generated") {
    const subjects = generatedSubjects(cohort.size, cohort.seed);
    return ({ start, end }) => prepareRange(subjects, start, end);
  }
  const { chunks } = cohort;
  return ({ index, start, end }) =>
    prepareRange(cohortWindow(chunkAssessments(chunks, index), start), start, end, validatedAlready);
}
const prepare = preparer();

function post(message: FromWorker): void {
  port?.postMessage(message);
}

type Scenarios = Extract<ToWorker, { type: "scenarios" }>;

let packs: { sides: ImpactSides; profile: string | undefined } | undefined;
const prepared: PreparedRange[] = [];
/** The scenario tests, if they came while the cohort was planned (the packs' message runs to its end first). */
let scenarios: Scenarios | undefined;
let cohortPlanned = false;
let finished = false;

/** Plans the cohort with both packs until the queue is empty. */
function planCohort(message: Extract<ToWorker, { type: "packs" }>): void {
  const base = impactPlanner(rulesetFromTransfer(message.base));
  const sides = { base, head: message.head === "base" ? base : impactPlanner(rulesetFromTransfer(message.head)) };
  packs = { sides, profile: message.profile };
  const plan = (range: PreparedRange) => {
    post({ type: "outcome", outcome: planPrepared(sides, range, { profile: message.profile }) });
  };
  for (const range of prepared.splice(0)) plan(range);
  for (let range = takeRange(queue); range !== undefined; range = takeRange(queue)) plan(prepare(range));
  cohortPlanned = true;
}

/** Plans the scenario tests once both they and the cohort's end have come, then says it is done. */
function planScenarios(): void {
  if (packs === undefined || !cohortPlanned || scenarios === undefined || finished) return;
  finished = true;
  const { start, subjects } = scenarios;
  const list = subjectWindow(subjects, start);
  post({ type: "scenarios", outcome: planRange(packs.sides, list, start, list.length, { profile: packs.profile }) });
  post({ type: "done" });
}

// The listener stays until the thread is terminated: a worker that ended on its own could stop
// before its last outcomes were read.
port.on("message", (message: ToWorker) => {
  try {
    if (message.type === "scenarios") scenarios ??= message;
    else if (packs === undefined) planCohort(message);
    planScenarios();
  } catch (error) {
    post({ type: "failed", message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});

// Until the packs come: ranges made and validated (up to PREPARED_AHEAD assessments), one per
// turn of the event loop (the packs' message is read between them).
for (let ahead = 0; ahead < PREPARED_AHEAD && packs === undefined;) {
  const range = takeRange(queue);
  if (range === undefined) break;
  prepared.push(prepare(range));
  ahead += range.end - range.start;
  await turn();
}
