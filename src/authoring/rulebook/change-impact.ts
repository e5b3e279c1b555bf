import {
  generatedSubjects,
  impactReport,
  impactSides,
  planRange,
  type ImpactPlanner,
  type ImpactSides,
} from "../impact/index.js";
import type { Ruleset } from "../../core/load/types.js";
import type { ChangeImpact } from "./changes.js";
import type { RuleImpactEntry } from "./model.js";

/** The generated cohort to plan: as `backplan impact --cohort N --seed S`. */
export interface CohortOptions {
  readonly size: number;
  readonly seed: number;
}

/**
 * What an edit does on a generated cohort, for the rulebook's change section: the cohort planned
 * with both packs by the impact core (each pack's default profile), how many plans changed, and
 * for each rule in how many plans it fires with each pack and in how many its outcome changed.
 * Deterministic; takes a few seconds for 10,000 assessments.
 *
 * @example cohortImpact(signedOff, edited, { size: 10_000, seed: 1 }).rules.get("depression-moderate-or-worse");
 * // { firedBefore: 2046, firedAfter: 1702, outcomeChanged: 344 }
 */
export function cohortImpact(base: Ruleset, head: Ruleset, { size, seed }: CohortOptions): ChangeImpact {
  const sides = impactSides(base, head);
  const fired = { base: new Map<string, number>(), head: new Map<string, number>() };
  const counting: ImpactSides = { base: countFires(sides.base, fired.base), head: countFires(sides.head, fired.head) };
  const subjects = generatedSubjects(size, seed);
  const planned = planRange(counting, subjects, 0, size);
  const report = impactReport(
    base,
    head,
    { scenarios: [], cohort: subjects, cohortSource: { kind: "generated", size, seed } },
    { scenarios: [], cohort: [planned] },
    { examples: 0 },
  );
  const changedOutcomes = new Map<string, number>();
  for (const { rule, count } of report.cohort.rules)
    changedOutcomes.set(rule, (changedOutcomes.get(rule) ?? 0) + count);
  const runs = (ruleset: Ruleset) => new Set(ruleset.rules.map((r) => r.id));
  const [runsBefore, runsAfter] = [runs(base), runs(head)];
  const ids = new Set([...base.rules, ...base.inactive, ...head.rules, ...head.inactive].map((r) => r.id));
  const rules = new Map<string, RuleImpactEntry>(
    [...ids].map((id) => [
      id,
      {
        firedBefore: runsBefore.has(id) ? (fired.base.get(id) ?? 0) : null,
        firedAfter: runsAfter.has(id) ? (fired.head.get(id) ?? 0) : null,
        outcomeChanged: changedOutcomes.get(id) ?? 0,
      },
    ]),
  );
  const { assessments, changed, beyondWording } = report.cohort;
  return { cohort: { size, seed, assessments, changed, beyondWording }, rules };
}

/** The planner, counting in `counts` the plans each rule fires in. */
function countFires(planner: ImpactPlanner, counts: Map<string, number>): ImpactPlanner {
  return {
    ruleset: planner.ruleset,
    profileIssue: (profile) => planner.profileIssue(profile),
    plan(assessment, profile) {
      const plan = planner.plan(assessment, profile);
      for (const { rule, outcome } of plan.trace)
        if (outcome === "fired") counts.set(rule, (counts.get(rule) ?? 0) + 1);
      return plan;
    },
  };
}
