import type { Issue } from "../../errors.js";
import type { Condition } from "../../generated/types.js";
import { conditionFindings, type ConditionFinding, type ConditionNode } from "../analysis/condition-findings.js";
import { issue } from "../issue.js";
import {
  alwaysHolds,
  contradiction,
  duplicateCondition,
  fractionalThreshold,
  neverHolds,
  valueRange,
  conditionParam,
  factParams,
} from "../messages.js";
import { describeCondition } from "../describe.js";
import type { SourceFile } from "../parse/source-file.js";
import type { Check } from "./check.js";

export const conditionLogic: Check = {
  name: "condition-logic",
  proof: true,
  description:
    "What each condition can mean, proven from the facts' ranges and values (../analysis): comparisons and " +
    "`all`s that can never hold (errors), comparisons and `any`s that hold for every value (they only test that an " +
    "answer is recorded), a comparison repeated in one all/any, fractions on whole-number facts, list items no value equals. " +
    "Retired rules are left out.",
  run({ rules, facts }) {
    // A retired rule never runs: what its condition could mean cannot block the pack.
    const running = rules.items.filter(({ value }) => (value as { status?: unknown }).status !== "retired");
    return running.flatMap(({ value: rule, file, pointer }) =>
      saying(conditionFindings(rule.when, { facts }), rule.when).map((finding) =>
        findingIssue(rule.id, finding, file, `${pointer}/when`),
      ),
    );
  },
};

/**
 * The findings worth an author's time. A rule whose whole condition is plain comparisons that hold
 * for every value, joined by `all` (`chronicity in [acute, subacute, chronic]`), is the one way the
 * condition language says "every patient with this recorded" (e.g. a baseline every plan starts
 * with): that is left alone. Inside a condition that tests something, such a comparison only adds
 * a data gap.
 */
export function saying(findings: readonly ConditionFinding[], condition: Condition): readonly ConditionFinding[] {
  const vacuous = new Set(findings.filter((f) => f.kind === "always-holds").map((f) => f.node.path));
  const presenceOnly = (node: Condition, path: string): boolean =>
    "all" in node
      ? node.all.every((child, i) => presenceOnly(child, `${path}/all/${i}`))
      : "fact" in node && vacuous.has(path); // an `any` or `not` that always holds says nothing
  return presenceOnly(condition, "") ? findings.filter((f) => f.kind !== "always-holds") : findings;
}

export function findingIssue(rule: string, finding: ConditionFinding, file: SourceFile, when: string): Issue {
  const place = file.place(`${when}${finding.node.path}`);
  const lineOf = (node: ConditionNode): number => file.place(`${when}${node.path}`).source.line;
  const condition = conditionParam(finding.node);
  switch (finding.kind) {
    case "never-holds":
      return issue(neverHolds, place, { rule, condition, ...factParams(finding.fact) });
    case "always-holds":
      return issue(alwaysHolds, place, { rule, condition, facts: finding.facts });
    case "contradiction":
      return issue(contradiction, place, {
        rule,
        condition,
        conflicts: finding.conflicts.map(conditionParam),
        conflictLines: finding.conflicts.map(lineOf),
      });
    case "duplicate":
      return issue(duplicateCondition, place, {
        rule,
        condition,
        first: conditionParam(finding.first),
        firstLine: lineOf(finding.first),
        within: finding.within,
      });
    case "fractional-threshold": {
      const means = { fact: finding.fact.name, operator: finding.operator, value: finding.value };
      return issue(fractionalThreshold, place, {
        rule,
        condition,
        means: describeCondition(means),
        meansFact: means.fact,
        meansOperator: means.operator,
        meansValue: means.value,
      });
    }
    case "unmatchable-value":
      return issue(valueRange, file.place(`${when}${finding.node.path}/value/${finding.index}`), {
        rule,
        value: finding.value,
        ...factParams(finding.fact),
      });
  }
}
