import type { TraceEntry } from "../../generated/types.js";
import { fillTemplate } from "../../load/reason-template.js";
import type { CompiledRule } from "../../load/types.js";
import { decide } from "./findings.js";
import { missingAnswers } from "./missing-answers.js";
import type { PlanReading } from "./plan-reading.js";
import type {
  AdditionMade,
  FiredRule,
  NotFiredRule,
  Outcome,
  RuleExplanation,
  RuleHeader,
  UndeterminedRule,
  WithholdingMade,
} from "./types.js";

/** How each outcome is explained, given the rule, its trace entry and the facts it saw. */
const EXPLAINERS: { readonly [O in Outcome]: (input: RuleInput) => Extract<RuleExplanation, { outcome: O }> } = {
  fired: ({ header, rule, reading, facts }): FiredRule => ({
    ...header,
    outcome: "fired",
    because: decide(rule.when, facts).findings,
    adds: rule.add.map(({ component, reason }): AdditionMade => {
      const withheld = reading.plan.withheld.find((w) => w.id === component);
      const made = { component, reason: fillTemplate(reason, facts) };
      if (withheld === undefined) return made;
      const { rule: by, reason: why, unscreened } = withheld;
      return { ...made, withheldBy: { rule: by, reason: why, ...(unscreened === undefined ? {} : { unscreened }) } };
    }),
    withholds: rule.withhold.map(({ component, category, reason }): WithholdingMade => {
      const matches = (id: string) => id === component || reading.ruleset.components.get(id)?.category === category;
      const withheld = reading.plan.withheld.filter((w) => w.rule === rule.id && matches(w.id)).map((w) => w.id);
      return {
        ...(component === undefined ? {} : { component }),
        ...(category === undefined ? {} : { category }),
        reason: fillTemplate(reason, facts),
        withheld: withheld.sort(),
      };
    }),
    ...(rule.halt === undefined ? {} : { halts: fillTemplate(rule.halt.reason, facts) }),
    evidence: [...rule.evidence],
  }),
  "not-fired": ({ header, rule, facts }): NotFiredRule => ({
    ...header,
    outcome: "not-fired",
    failed: decide(rule.when, facts).findings,
  }),
  undetermined: ({ header, rule, entry, reading, facts }): UndeterminedRule => ({
    ...header,
    outcome: "undetermined",
    open: decide(rule.when, facts).findings,
    missing: missingAnswers(rule, entry.missing ?? [], facts, reading),
  }),
};

interface RuleInput {
  readonly header: RuleHeader;
  readonly rule: CompiledRule;
  readonly entry: TraceEntry;
  readonly reading: PlanReading;
  readonly facts: ReturnType<PlanReading["factsAt"]>;
}

/**
 * One rule of the plan explained: the outcome its trace entry records, and why, on the facts it
 * saw when it ran (the patient's values, and `plan.*` as the higher priorities left them).
 */
export function explainRuleOutcome(rule: CompiledRule, entry: TraceEntry, reading: PlanReading): RuleExplanation {
  const { halt, locate } = reading;
  const header: RuleHeader = {
    rule: rule.id,
    title: rule.title,
    priority: rule.priority,
    source: `${locate(rule.source.file)}:${rule.source.line}`,
    ...(halt !== undefined && rule.priority < halt.priority ? { belowHaltOf: halt.rule } : {}),
  };
  return EXPLAINERS[entry.outcome]({ header, rule, entry, reading, facts: reading.factsAt(rule.priority) });
}
