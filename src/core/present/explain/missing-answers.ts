import { candidateValues } from "../../run/compose/candidates.js";
import type { Facts, FactValue } from "../../run/facts/types.js";
import { childPointer, valueAt } from "../../pointer.js";
import type { CompiledRule } from "../../load/types.js";
import type { PlanReading } from "./plan-reading.js";
import type { MissingAnswer, Outcome } from "./types.js";

type Decision = Exclude<Outcome, "undetermined">;

/** What the answers are tried on: a rule, or a contraindication named as the plan names it. */
export type Decider = Pick<CompiledRule, "id" | "when" | "test">;

/**
 * The answers an undetermined rule (or contraindication) waits on: for each absent fact of its condition (`missing`,
 * from the trace), the assessment fields that supply it, as the plan's data gaps name them.
 * A field the assessment already holds is left out unless the fact has no other (a partly
 * answered instrument). For each field: the other fields its facts need too, and the outcomes
 * answering it alone could give the rule, tried with the same candidate values the data gaps
 * try, on the facts the rule saw.
 */
export function missingAnswers(
  rule: Decider,
  missing: readonly string[],
  facts: Facts,
  reading: PlanReading,
): MissingAnswer[] {
  const fieldsOf = new Map<string, readonly string[]>();
  const factsByField = new Map<string, string[]>();
  for (const fact of missing) {
    const collect = reading.ruleset.facts.get(fact)?.collect ?? [];
    const open = collect.filter((field) => !recorded(reading, field));
    fieldsOf.set(fact, open.length > 0 ? open : collect);
    for (const field of fieldsOf.get(fact) ?? []) {
      const list = factsByField.get(field);
      if (list === undefined) factsByField.set(field, [fact]);
      else list.push(fact);
    }
  }
  const trial = new Map(facts); // one copy, each trial setting one fact and removing it again
  const gaps = new Set(reading.plan.dataGaps.filter((g) => g.rules.includes(rule.id)).map((g) => g.fact));
  return [...factsByField].map(([field, supplied]) => {
    const needs = supplied.map((fact) => fieldsOf.get(fact) ?? []);
    // A fact needing other unanswered fields too is not supplied by this answer alone.
    const alone = new Set(
      supplied.flatMap((fact, i) => (needs[i]?.length === 1 ? outcomesAlone(rule, trial, fact, reading) : [])),
    );
    return {
      field,
      facts: supplied,
      with: [...new Set(needs.flat())].filter((other) => other !== field),
      alone: (["fired", "not-fired"] as const).filter((outcome) => alone.has(outcome)),
      dataGap: gaps.has(field),
    };
  });
}

/** The outcomes the rule reaches when only `fact` is filled in, with each value worth trying. */
function outcomesAlone(rule: Decider, trial: Map<string, FactValue>, fact: string, reading: PlanReading): Decision[] {
  const definition = reading.ruleset.facts.get(fact);
  if (definition === undefined) return [];
  const outcomes = candidateValues(definition, rule.when).map((value) => rule.test(trial.set(fact, value)));
  trial.delete(fact);
  return outcomes.flatMap((truth): Decision[] => (truth === "unknown" ? [] : [truth ? "fired" : "not-fired"]));
}

/** Whether the assessment holds a value at the dotted `field`. */
function recorded({ assessment }: PlanReading, field: string): boolean {
  const value = valueAt(assessment, field.split(".").reduce<string>(childPointer, ""));
  return value !== undefined && value !== null;
}
