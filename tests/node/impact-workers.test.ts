/**
 * `backplan impact` in worker threads: the report is the same, byte for byte, whether the cohort
 * is planned in this thread or split over workers. Under vitest the workers run the .ts source
 * through tsx; tests/cli/commands/impact.e2e.test.ts runs the built ones.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { safeParseAssessment } from "../../src/core/run/assessment/index.js";
import { generateCohort } from "../../src/authoring/cohort/index.js";
import type { Assessment } from "../../src/core/generated/types.js";
import { createEngine } from "../../src/core/run/engine.js";
import { compareRulesets, generatedSubjects, scenarioSubjects } from "../../src/authoring/impact/index.js";
import type { Ruleset } from "../../src/core/load/types.js";
import { startImpactWorkers, type WorkerCohort, type WorkerImpactInput } from "../../src/node/impact-workers.js";
import { packAndEdited } from "../authoring/impact/impact-packs.js";

let packs: { base: Ruleset; head: Ruleset };
beforeAll(async () => {
  packs = await packAndEdited();
});

async function report(
  workers: number,
  cohort: WorkerCohort,
  input: WorkerImpactInput,
  profile?: string,
): Promise<string> {
  const pool = startImpactWorkers(workers, cohort);
  try {
    expect(pool.size).toBe(workers);
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
  it("gives the same report with 0 (this thread alone), 1, 2 or 3 workers for a generated cohort", async () => {
    const cohort: WorkerCohort = { kind: "generated", size: 800, seed: 4 };
    const input: WorkerImpactInput = {
      scenarios: scenarioSubjects([{ scenarios: packs.head.scenarios }]),
      cohortSource: cohort,
    };
    const alone = await report(0, cohort, input);
    const parsed = JSON.parse(alone) as {
      cohort: { assessments: number; changed: number };
      scenarios: { changed: number };
    };
    expect(parsed.cohort.assessments).toBe(800);
    expect(parsed.cohort.changed).toBeGreaterThan(50);
    expect(parsed.scenarios.changed).toBeGreaterThan(0);
    expect(await report(3, cohort, input)).toBe(alone);
    expect(await report(2, cohort, input)).toBe(alone);
    expect(await report(1, cohort, input)).toBe(alone);
    // The threads trust the generated assessments as valid; the library's compare validates each.
    const validated = compareRulesets(
      createEngine(packs.base),
      createEngine(packs.head),
      { ...input, cohort: generatedSubjects(cohort.size, cohort.seed) },
      { examples: 5, labels: { base: "before", head: "after" } },
    );
    expect(JSON.stringify(validated, null, 2)).toBe(alone);
  }, 120_000);

  it("gives the same report with 0 or 3 workers for a cohort of assessments, under a profile", async () => {
    const assessments = generateCohort(700, 11).flatMap((a): Assessment[] => {
      const parsed = safeParseAssessment(a);
      return parsed.ok ? [parsed.value] : [];
    });
    const cohort: WorkerCohort = { kind: "assessments", assessments };
    const input: WorkerImpactInput = {
      scenarios: [],
      cohortSource: { kind: "file", file: "cohort.jsonl", size: assessments.length },
    };
    const profile = packs.base.profiles.at(-1)?.id;
    const alone = await report(0, cohort, input, profile);
    expect(JSON.parse(alone)).toMatchObject({ profile, cohort: { assessments: assessments.length } });
    expect(await report(3, cohort, input, profile)).toBe(alone);
  }, 120_000);

  it("shares the scenario tests among the workers, however few: the same report as this thread's alone", async () => {
    const cohort: WorkerCohort = { kind: "generated", size: 200, seed: 3 };
    for (const scenarios of [scenarioSubjects([{ scenarios: packs.head.scenarios }]).slice(0, 2), []]) {
      const input: WorkerImpactInput = { scenarios, cohortSource: cohort };
      const alone = await report(0, cohort, input);
      expect(JSON.parse(alone)).toMatchObject({ scenarios: { assessments: scenarios.length } });
      expect(await report(3, cohort, input)).toBe(alone);
    }
  }, 120_000);

  it("plans the cohort from `begin` on, with the same report; compare must then be of the same packs", async () => {
    const cohort: WorkerCohort = { kind: "generated", size: 600, seed: 2 };
    const input: WorkerImpactInput = { scenarios: [], cohortSource: cohort };
    const alone = await report(0, cohort, input);
    const pool = startImpactWorkers(2, cohort);
    try {
      await pool.begin(packs.base, packs.head);
      await expect(pool.compare(packs.head, packs.base, input)).rejects.toThrow(
        "impact workers began with other packs or another profile than compare was given",
      );
      const options = { examples: 5, labels: { base: "before", head: "after" } };
      expect(JSON.stringify(await pool.compare(packs.base, packs.head, input, options), null, 2)).toBe(alone);
    } finally {
      await pool.close();
    }
  }, 120_000);

  it("compiles a pack compared with itself once in a worker, with the same report as in this thread", async () => {
    const cohort: WorkerCohort = { kind: "generated", size: 300, seed: 6 };
    const input: WorkerImpactInput = { scenarios: [], cohortSource: cohort };
    const reports = [];
    for (const workers of [0, 1]) {
      const pool = startImpactWorkers(workers, cohort);
      try {
        reports.push(JSON.stringify(await pool.compare(packs.head, packs.head, input)));
      } finally {
        await pool.close();
      }
    }
    expect(JSON.parse(reports[0] ?? "")).toMatchObject({ cohort: { assessments: 300, changed: 0 } });
    expect(reports[1]).toBe(reports[0]);
  }, 120_000);

  it("stops workers closed before they were given the packs (a pack that did not load), without a stray error", async () => {
    const pool = startImpactWorkers(2, { kind: "generated", size: 500, seed: 1 });
    expect(pool.size).toBe(2);
    await pool.close();
  });

  it("starts no thread when none is asked for, or for an empty cohort", async () => {
    for (const pool of [
      startImpactWorkers(0, { kind: "generated", size: 500, seed: 1 }),
      startImpactWorkers(4, { kind: "generated", size: 0, seed: 1 }),
    ]) {
      expect(pool.size).toBe(0);
      await pool.close();
    }
  });
});
