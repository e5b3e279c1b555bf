/**
 * A worker thread of `backplan impact` (started by ./impact-workers.ts). Ranges of the cohort come
 * from the start; until the packs come too, it makes and validates them (what needs no pack), then
 * plans each with both packs, compiled once from their transfers, and posts the outcome.
 */
import { parentPort, workerData } from "node:worker_threads";
import { rulesetFromTransfer } from "../authoring/impact/pack-transfer.js";
import { planPrepared, prepareRange, type ImpactSides, type PreparedRange } from "../authoring/impact/plan-range.js";
import { impactPlanner, validatedAlready } from "../authoring/impact/planner.js";
import { cohortWindow, generatedSubjects } from "../authoring/impact/subjects.js";
import type { FromWorker, ToWorker, WorkerStart } from "./impact-workers.js";

const port = parentPort;
if (port === null) throw new Error("impact-worker runs as a worker thread (see impact-workers.ts)");
const { cohort } = workerData as WorkerStart;
const generated = cohort.kind === "generated" ? generatedSubjects(cohort.size, cohort.seed) : undefined;

let packs: { sides: ImpactSides; profile: string | undefined } | undefined;
/** Ranges prepared before the packs came. */
const waiting: PreparedRange[] = [];

function plan(range: PreparedRange): void {
  if (packs === undefined) {
    waiting.push(range);
    return;
  }
  const reply: FromWorker = { type: "outcome", outcome: planPrepared(packs.sides, range, { profile: packs.profile }) };
  port?.postMessage(reply);
}

port.on("message", (message: ToWorker) => {
  try {
    switch (message.type) {
      case "packs": {
        const sides = {
          base: impactPlanner(rulesetFromTransfer(message.base)),
          head: impactPlanner(rulesetFromTransfer(message.head)),
        };
        packs = { sides, profile: message.profile };
        for (const range of waiting.splice(0)) plan(range);
        break;
      }
      case "range": {
        const { start, end, assessments } = message;
        plan(
          generated === undefined
            ? prepareRange(cohortWindow(assessments ?? [], start), start, end, validatedAlready)
            : prepareRange(generated, start, end),
        );
        break;
      }
    }
  } catch (error) {
    const reply: FromWorker = {
      type: "failed",
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    };
    port.postMessage(reply);
  }
});
