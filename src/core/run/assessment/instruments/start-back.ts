import type { Issue } from "../../../errors.js";
import type { Assessment } from "../../../generated/types.js";
import { codes, issue, messages } from "../messages.js";
import { rangeOf } from "../schema.js";
import { derivedFact, sumOf } from "./scoring.js";
import { consistent, type Instrument } from "./types.js";

const items = "questionnaires.startBack.items";
/** Items 1–4 are the physical items: at most 4 of the total is not psychosocial. */
const physicalItems = 4;

export type StartBackRisk = "low" | "medium" | "high";

/**
 * Keele STarT Back scores from the 9 answers in published order. Item 9 (bothersomeness, 0–4)
 * scores 1 for "very much" (3) or "extremely" (4); the psychosocial subscale is items 5–9.
 *
 * @example startBackScores([1, 1, 0, 0, 1, 1, 0, 0, 3]); // { total: 5, psychosocial: 3 }
 */
export function startBackScores(answers: readonly number[]): { total: number; psychosocial: number } {
  const psychosocial = sumOf(answers, physicalItems, 8) + ((answers[8] ?? 0) >= 3 ? 1 : 0);
  return { total: sumOf(answers, 0, physicalItems) + psychosocial, psychosocial };
}

/**
 * Low when the total is ≤ 3; otherwise high when the psychosocial subscore is ≥ 4, else medium.
 * A low total decides on its own, so a missing subscore leaves only a higher total undecided.
 */
export function startBackRisk(total: number, psychosocial: number | undefined): StartBackRisk | undefined {
  if (total <= 3) return "low";
  if (psychosocial === undefined) return undefined;
  return psychosocial >= 4 ? "high" : "medium";
}

function check(assessment: Assessment): readonly Issue[] {
  const startBack = assessment.questionnaires?.startBack;
  if (startBack === undefined) return consistent;
  const { total, psychosocial } = startBack;
  const issues: Issue[] = [];
  if (startBack.items !== undefined) {
    const scores = startBackScores(startBack.items);
    if (total !== undefined && total !== scores.total) {
      issues.push(
        issue(codes.inconsistent, "/questionnaires/startBack/total", messages.disagrees(total, scores.total, items)),
      );
    }
    if (psychosocial !== undefined && psychosocial !== scores.psychosocial) {
      issues.push(
        issue(
          codes.inconsistent,
          "/questionnaires/startBack/psychosocial",
          messages.disagrees(psychosocial, scores.psychosocial, items),
        ),
      );
    }
  } else if (total !== undefined && psychosocial !== undefined) {
    if (psychosocial > total) {
      issues.push(
        issue(
          codes.inconsistent,
          "/questionnaires/startBack/psychosocial",
          messages.exceeds(psychosocial, "questionnaires.startBack.total", total),
        ),
      );
    } else if (total - psychosocial > physicalItems) {
      const bound = psychosocial + physicalItems;
      issues.push(
        issue(
          codes.inconsistent,
          "/questionnaires/startBack/total",
          messages.exceeds(total, "questionnaires.startBack.psychosocial + 4", bound),
        ),
      );
    }
  }
  return issues.length === 0 ? consistent : issues;
}

/** Keele STarT Back Screening Tool: total, psychosocial subscore and risk group. */
export const startBack: Instrument = {
  name: "STarT Back",
  facts: [
    derivedFact({
      name: "startBack.total",
      type: "integer",
      ...rangeOf("questionnaires.startBack.total"),
      description: "STarT Back total score (items 1–9).",
      collect: [items],
    }),
    derivedFact({
      name: "startBack.psychosocial",
      type: "integer",
      ...rangeOf("questionnaires.startBack.psychosocial"),
      description: "STarT Back psychosocial subscore (items 5–9).",
      collect: [items],
    }),
    derivedFact({
      name: "startBack.risk",
      type: "string",
      enum: ["low", "medium", "high"],
      description: "STarT Back risk group: low (total ≤ 3), high (psychosocial ≥ 4), else medium.",
      collect: [items],
    }),
  ],
  checks: [{ reads: ["/questionnaires/startBack"], check }],
  derive(assessment, facts) {
    const startBack = assessment.questionnaires?.startBack;
    if (startBack === undefined) return;
    const { total, psychosocial } = startBack.items === undefined ? startBack : startBackScores(startBack.items);
    if (psychosocial !== undefined) facts.set("startBack.psychosocial", psychosocial);
    if (total === undefined) return;
    facts.set("startBack.total", total);
    const risk = startBackRisk(total, psychosocial);
    if (risk !== undefined) facts.set("startBack.risk", risk);
  },
};
