import { prepare } from "../../run/compose/prepare.js";
import { compileCondition } from "../../run/evaluate/condition.js";
import type { Contraindication } from "../../generated/types.js";
import { fillTemplate } from "../../load/reason-template.js";
import { decide } from "./findings.js";
import { missingAnswers } from "./missing-answers.js";
import type { PlanReading } from "./plan-reading.js";
import type { ContraindicationExplanation, ContraindicationHeader } from "./types.js";

/**
 * Every contraindication of the components the rules chose, screened as the composer screens them:
 * on the plan state the rules decided (`PlanReading.screenedOn`), so a verdict here is the one
 * behind the plan's withheld entry. Components in plan order, contraindications in catalog order.
 */
export function explainContraindications(reading: PlanReading): ContraindicationExplanation[] {
  const screened = new Set(reading.screened());
  return prepare(reading.ruleset)
    .inPlanOrder.filter(({ definition }) => screened.has(definition.id))
    .flatMap(({ definition }) =>
      (definition.contraindications ?? []).map((c) => explainContraindication(definition.id, c, reading)),
    );
}

function explainContraindication(
  component: string,
  { id, title, when, reason }: Contraindication,
  reading: PlanReading,
): ContraindicationExplanation {
  const facts = reading.screenedOn();
  const header: ContraindicationHeader = { contraindication: id, title, component };
  const { truth, findings } = decide(when, facts);
  if (truth === true) return { ...header, outcome: "holds", because: findings, reason: fillTemplate(reason, facts) };
  if (truth === false) return { ...header, outcome: "clear", failed: findings };
  const test = compileCondition(when);
  const missing = new Set<string>();
  test(facts, missing);
  const decider = { id: `contraindication:${id}`, when, test };
  return {
    ...header,
    outcome: "undetermined",
    open: findings,
    missing: missingAnswers(decider, [...missing].sort(), facts, reading),
  };
}
