/**
 * `backplan impact` in worker threads: the report is the same, byte for byte, whether the cohort
 * is planned in this thread or split over workers. Under vitest the workers run the .ts source
 * through tsx; tests/cli/commands/impact.e2e.test.ts runs the built ones.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { safeParseAssessment } from "../../src/core/assessment/index.js";
import { generateCohort } from "../../src/core/cohort/index.js";
import type { Assessment } from "../../src/core/generated/types.js";
import { scenarioSubjects } from "../../src/core/impact/index.js";
import type { Ruleset } from "../../src/core/ruleset/types.js";
import { startImpactWorkers, type ParallelImpactInput } from "../../src/node/impact-workers.js";
import { bundledAndEdited } from "../core/impact/impact-packs.js";

let packs: { base: Ruleset; head: Ruleset };
beforeAll(async () => {
  packs = await bundledAndEdited();
});

async function report(workers: number, input: ParallelImpactInput, profile?: string): Promise<string> {
  const pool = startImpactWorkers(workers);
  try {
    expect(pool.size).toBe(workers < 2 ? 0 : workers);
    const options = {
      examples: 5,
      labels: { base: "before", head: "after" },
      ...(profile === undefined ? {} : { profile }),
    };
    return JSON.stringify(await pool.compare(packs.base, packs.head, input, options), null, 2);
  } finally {
    await pool.close();
  }
}

describe("startImpactWorkers", () => {
  it("gives the same report with 1, 2 or 3 workers for a generated cohort", async () => {
    const input: ParallelImpactInput = {
      scenarios: scenarioSubjects([{ scenarios: packs.head.scenarios }]),
      cohort: { kind: "generated", size: 800, seed: 4 },
      cohortSource: { kind: "generated", size: 800, seed: 4 },
    };
    const alone = await report(1, input);
    const parsed = JSON.parse(alone) as {
      cohort: { assessments: number; changed: number };
      scenarios: { changed: number };
    };
    expect(parsed.cohort.assessments).toBe(800);
    expect(parsed.cohort.changed).toBeGreaterThan(50);
    expect(parsed.scenarios.changed).toBeGreaterThan(0);
    expect(await report(3, input)).toBe(alone);
    expect(await report(2, input)).toBe(alone);
  }, 120_000);

  it("gives the same report with 1 or 3 workers for a cohort of assessments, under a profile", async () => {
    const assessments = generateCohort(700, 11).flatMap((a): Assessment[] => {
      const parsed = safeParseAssessment(a);
      return parsed.ok ? [parsed.value] : [];
    });
    const input: ParallelImpactInput = {
      scenarios: [],
      cohort: { kind: "assessments", assessments },
      cohortSource: { kind: "file", file: "cohort.jsonl", size: assessments.length },
    };
    const profile = packs.base.profiles.at(-1)?.id;
    const alone = await report(1, input, profile);
    expect(JSON.parse(alone)).toMatchObject({ profile, cohort: { assessments: assessments.length } });
    expect(await report(3, input, profile)).toBe(alone);
  }, 120_000);
});
