/**
 * A worker thread of `backplan impact` (started by ./impact-workers.ts): compiles both packs from
 * their transfers once, then plans each range of the cohort it is sent and posts the outcome.
 */
import { parentPort } from "node:worker_threads";
import {
  cohortWindow,
  generatedSubjects,
  impactSides,
  planRange,
  rulesetFromTransfer,
  type ImpactSides,
  type SubjectList,
} from "../core/impact/index.js";
import type { FromWorker, ToWorker } from "./impact-workers.js";

const port = parentPort;
if (port === null) throw new Error("impact-worker runs as a worker thread (see impact-workers.ts)");

let job: { sides: ImpactSides; generated?: SubjectList; profile: string | undefined } | undefined;

port.on("message", (message: ToWorker) => {
  try {
    switch (message.type) {
      case "packs": {
        const { base, head, cohort, profile } = message;
        const sides = impactSides(rulesetFromTransfer(base), rulesetFromTransfer(head));
        job =
          cohort.kind === "generated"
            ? { sides, generated: generatedSubjects(cohort.size, cohort.seed), profile }
            : { sides, profile };
        break;
      }
      case "range": {
        if (job === undefined) throw new Error("a range came before the packs");
        const { start, end, assessments } = message;
        const subjects = job.generated ?? cohortWindow(assessments ?? [], start);
        const reply: FromWorker = {
          type: "outcome",
          outcome: planRange(job.sides, subjects, start, end, { profile: job.profile }),
        };
        port.postMessage(reply);
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
