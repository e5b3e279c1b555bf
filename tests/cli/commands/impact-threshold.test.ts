/**
 * The impact of one threshold edit on the bundled pack's depression rule, as written in the
 * bundled-excerpt fixture (so a clinical edit of rules/ cannot break it): PHQ-9 ≥ 10 raised to ≥ 12 must change
 * exactly the plans of the patients whose PHQ-9 total is 10 or 11, and the components it adds
 * and removes must be those an independent run of both packs finds.
 */
import { cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateCohort } from "../../../src/authoring/cohort/index.js";
import type { Assessment } from "../../../src/core/generated/types.js";
import type { ImpactReport } from "../../../src/authoring/impact/index.js";
import { checkRuleFolder, createEngine, loadRuleset } from "../../../src/node/index.js";
import { tempFolder } from "../../node/temp-dir.js";
import { ROOT, runMain } from "../run-main.js";

/** The pack edited, as a path from the repository root (runMain's working folder). */
const BASE = "tests/fixtures/packs/bundled-excerpt";
const SIZE = 1500;
const SEED = 11;
const RULE = "depression-moderate-or-worse";
const BEFORE = "- { fact: phq9.total, operator: greaterThanInclusive, value: 10 }";
const AFTER = "- { fact: phq9.total, operator: greaterThanInclusive, value: 12 }";

/** The PHQ-9 total as the patient's answers give it, worked out here rather than by the engine. */
function phq9Total(assessment: Assessment): number | undefined {
  const phq9 = assessment.questionnaires?.phq9;
  return phq9?.total ?? phq9?.items?.reduce((sum, answer) => sum + answer, 0);
}

async function editedPack(): Promise<string> {
  const dir = join(await tempFolder(), "pack");
  await cp(join(ROOT, BASE), dir, { recursive: true });
  const file = join(dir, "psychological.yaml");
  const text = await readFile(file, "utf8");
  expect(text.split(BEFORE)).toHaveLength(2); // the threshold is written once
  await writeFile(file, text.replace(BEFORE, AFTER));
  return dir;
}

function countBy(ids: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const id of ids) counts[id] = (counts[id] ?? 0) + 1;
  return counts;
}

describe("backplan impact: PHQ-9 ≥ 10 raised to ≥ 12", async () => {
  const head = await editedPack();
  const run = await runMain([
    "impact",
    "--base",
    BASE,
    "--head",
    head,
    ...["--cohort", String(SIZE), "--seed", String(SEED), "--format", "json", "--examples", "100"],
  ]);
  const report = JSON.parse(run.stdout) as ImpactReport;
  const cohort = generateCohort(SIZE, SEED);
  const expected = cohort.flatMap((a, i) => ([10, 11].includes(phq9Total(a) ?? -1) ? [i] : []));

  it("runs", () => {
    expect(run.code, run.stderr).toBe(0);
    expect(report.edits.rules).toEqual({ added: [], removed: [], modified: [RULE] });
    expect(expected.length).toBeGreaterThan(20);
    expect(expected.length).toBeLessThanOrEqual(100); // so every changed plan is listed as an example
  });

  it("changes exactly the cohort's plans with a PHQ-9 total of 10 or 11", () => {
    expect(report.cohort).toMatchObject({ assessments: SIZE, changed: expected.length, skipped: [] });
    const flipped = report.cohort.rules.find((t) => t.rule === RULE);
    expect(flipped).toMatchObject({ from: "fired", to: "not-fired", count: expected.length });
    expect(flipped?.examples.map((e) => (e.kind === "cohort" ? e.index : -1))).toEqual(expected);
    for (const example of flipped?.examples ?? []) {
      expect(example.kind === "cohort" && [10, 11].includes(example.facts["phq9.total"] as number)).toBe(true);
    }
    // Every other change is one of those plans too (rules that read what the edited rule decided).
    const examples = [...report.cohort.componentsRemoved, ...report.cohort.componentsAdded, ...report.cohort.rules];
    for (const tally of examples) {
      for (const example of tally.examples) expect(expected).toContain(example.kind === "cohort" ? example.index : -1);
    }
  });

  it("adds and removes the components an independent run of both packs finds", async () => {
    const [before, after] = [createEngine(await loadRuleset(join(ROOT, BASE))), createEngine(await loadRuleset(head))];
    const removed: string[] = [];
    const added: string[] = [];
    const statuses: string[] = [];
    for (const assessment of cohort) {
      const [a, b] = [before.recommend(assessment), after.recommend(assessment)];
      const [idsA, idsB] = [a.components.map((c) => c.id), b.components.map((c) => c.id)];
      removed.push(...idsA.filter((id) => !idsB.includes(id)));
      added.push(...idsB.filter((id) => !idsA.includes(id)));
      if (a.status !== b.status) statuses.push(`${a.status}→${b.status}`);
    }
    const tallied = (list: readonly { component: string; count: number }[]) =>
      Object.fromEntries(list.map((t) => [t.component, t.count]));
    expect(tallied(report.cohort.componentsRemoved)).toEqual(countBy(removed));
    expect(tallied(report.cohort.componentsAdded)).toEqual(countBy(added));
    expect(countBy(removed)["mental-health-referral"]).toBeGreaterThan(0);
    expect(Object.fromEntries(report.cohort.status.map((t) => [`${t.from}→${t.to}`, t.count]))).toEqual(
      countBy(statuses),
    );
  });

  it("changes the scenario tests' plans with a PHQ-9 total of 10 or 11, each assessment once", async () => {
    const { ruleset } = await checkRuleFolder(join(ROOT, BASE));
    const distinct = new Map(
      (ruleset?.scenarios ?? []).map(({ scenario }) => [
        JSON.stringify([scenario.profile, scenario.assessment]),
        scenario,
      ]),
    );
    const affected = [...distinct.values()].filter((s) =>
      [10, 11].includes(phq9Total(s.assessment as Assessment) ?? -1),
    );
    expect(affected.length).toBeGreaterThan(0);
    expect(report.scenarios).toMatchObject({ assessments: distinct.size, changed: affected.length });
  });
});
