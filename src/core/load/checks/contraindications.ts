import type { Issue } from "../../errors.js";
import { operators } from "../../run/evaluate/operators/index.js";
import type { Contraindication } from "../../generated/types.js";
import { conditionFindings } from "../analysis/condition-findings.js";
import { issue } from "../issue.js";
import { duplicateContraindicationId, templateFact, unknownEvidence, unknownFact } from "../messages.js";
import type { PackModel } from "../pack-model.js";
import type { SourceFile } from "../parse/source-file.js";
import { templateFacts } from "../reason-template.js";
import { closestMatch } from "../../suggest.js";
import type { Check } from "./check.js";
import { findingIssue, saying } from "./condition-logic.js";
import { comparisonIssues } from "./condition-values.js";
import { comparisonsOf } from "./rule-parts.js";

/** A contraindication of the component catalog, with where it is written. */
export interface LocatedContraindication {
  readonly component: string;
  readonly value: Contraindication;
  readonly file: SourceFile;
  readonly pointer: string;
}

/** Every contraindication of the catalog's schema-valid components, in file order. */
export function contraindicationsOf(pack: Pick<PackModel, "components">): LocatedContraindication[] {
  return (pack.components?.items ?? []).flatMap(({ value, file, pointer }) =>
    ((value as { contraindications?: Contraindication[] }).contraindications ?? []).map((c, i) => ({
      component: value.id,
      value: c,
      file,
      pointer: `${pointer}/contraindications/${i}`,
    })),
  );
}

/**
 * Contraindications are conditions like a rule's, and are checked as rules are (messages name
 * them `contraindication:ID`, as plans do): facts, operators and values, what the condition can
 * mean (one that can never hold guards nothing), evidence, placeholders; and their ids are
 * unique across the pack.
 */
export const contraindications: Check = {
  name: "contraindications",
  description:
    "Each contraindication's condition reads known facts with fitting operators and values and can hold; its " +
    "evidence exists; its reason's placeholders name known facts; its id is unique across the pack.",
  run(pack) {
    const { facts, evidence } = pack;
    const first = new Map<string, LocatedContraindication>();
    return contraindicationsOf(pack).flatMap((located) => {
      const { value, file, pointer } = located;
      const label = `contraindication:${value.id}`;
      const issues: Issue[] = [];
      const seen = first.get(value.id);
      if (seen === undefined) first.set(value.id, located);
      else {
        const { source } = seen.file.place(`${seen.pointer}/id`);
        const at = `${source.file}:${source.line}:${source.column}`;
        issues.push(issue(duplicateContraindicationId, file.place(`${pointer}/id`), { id: value.id, firstAt: at }));
      }
      let known = true;
      for (const { condition, pointer: at } of comparisonsOf(value, pointer)) {
        const fact = facts.get(condition.fact);
        const operator = operators.get(condition.operator);
        if (fact === undefined) {
          known = false;
          const suggestion = closestMatch(condition.fact, facts.keys());
          issues.push(issue(unknownFact, file.place(`${at}/fact`), { rule: label, fact: condition.fact, suggestion }));
        } else if (operator !== undefined) {
          issues.push(...comparisonIssues(label, fact, operator, condition.value, (s) => file.place(`${at}${s}`)));
        }
      }
      if (known) {
        const findings = saying(conditionFindings(value.when, { facts }), value.when);
        issues.push(...findings.map((finding) => findingIssue(label, finding, file, `${pointer}/when`)));
      }
      value.evidence.forEach((id, i) => {
        if (evidence === undefined || evidence.ids.has(id)) return;
        const suggestion = closestMatch(id, evidence.ids);
        issues.push(issue(unknownEvidence, file.place(`${pointer}/evidence/${i}`), { rule: label, id, suggestion }));
      });
      for (const name of templateFacts(value.reason)) {
        if (facts.has(name)) continue;
        const at = file.placeOfText(`${pointer}/reason`, `{${name}}`);
        issues.push(issue(templateFact, at, { rule: label, fact: name, suggestion: closestMatch(name, facts.keys()) }));
      }
      return issues;
    });
  },
};
