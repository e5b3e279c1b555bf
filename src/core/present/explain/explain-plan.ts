import { parseAssessment } from "../../run/assessment/index.js";
import type { Engine, RecommendOptions } from "../../run/engine.js";
import type { Result } from "../../errors.js";
import type { Assessment, Plan } from "../../generated/types.js";
import type { Ruleset } from "../../load/types.js";
import { explainContraindications } from "./contraindication-explanation.js";
import { readPlan } from "./plan-reading.js";
import { explainRuleOutcome } from "./rule-explanation.js";
import type { Explanation, Outcome, PlanSummary, RuleExplanation } from "./types.js";

export interface ExplainOptions extends RecommendOptions {
  /**
   * How a pack file is shown in each rule's `source`: pack-relative by default (`psych.yaml`);
   * a command line shows it from where the user stands (`rules/psych.yaml`).
   */
  readonly locate?: (file: string) => string;
}

/**
 * The plan for one assessment, explained rule by rule in the order the rules ran: what fired and
 * on which of the patient's values, what did not and the first condition that failed, what is
 * undetermined and which missing answers would decide it. Throws as `engine.recommend` does.
 *
 * @example
 * const explanation = explainPlan(engine, assessment, { profile: "acp-2017" });
 * renderExplanation(explanation, "text");
 */
export function explainPlan(engine: Engine, assessment: unknown, options: ExplainOptions = {}): Explanation {
  // Typed for callers that hold an Assessment; `recommend` still validates it, and throws for us.
  const plan = engine.recommend(assessment as Assessment, profileOf(options));
  return explanationOf(engine.ruleset, plan, parseAssessment(assessment), options);
}

/** As `explainPlan`, but returns the assessment's or the profile's issues instead of throwing. */
export function safeExplainPlan(
  engine: Engine,
  assessment: unknown,
  options: ExplainOptions = {},
): Result<Explanation> {
  const result = engine.safeRecommend(assessment, profileOf(options));
  if (!result.ok) return result;
  // The engine accepted it, so parsing again cannot fail.
  const explanation = explanationOf(engine.ruleset, result.value, parseAssessment(assessment), options);
  return { ok: true, value: explanation, warnings: result.warnings };
}

function explanationOf(ruleset: Ruleset, plan: Plan, assessment: Assessment, options: ExplainOptions): Explanation {
  const locate = options.locate ?? ((file: string) => file);
  const reading = readPlan(ruleset, plan, assessment, locate);
  const byId = new Map(ruleset.rules.map((rule) => [rule.id, rule]));
  const rules = plan.trace.map((entry) => {
    const rule = byId.get(entry.rule);
    if (rule === undefined) throw new Error(`the plan's trace names rule "${entry.rule}", which its ruleset lacks`);
    return explainRuleOutcome(rule, entry, reading);
  });
  return {
    ...(plan.assessmentId === undefined ? {} : { assessmentId: plan.assessmentId }),
    profile: plan.profile,
    ruleset: plan.ruleset,
    summary: summaryOf(plan, rules, reading.halt?.rule),
    rules,
    contraindications: explainContraindications(reading),
    inactive: ruleset.inactive.map((rule) => ({
      rule: rule.id,
      title: rule.title,
      priority: rule.priority,
      status: rule.governance.status,
      source: `${locate(rule.source.file)}:${rule.source.line}`,
    })),
  };
}

function summaryOf(plan: Plan, rules: readonly RuleExplanation[], haltedBy: string | undefined): PlanSummary {
  const count = (outcome: Outcome) => plan.trace.filter((t) => t.outcome === outcome).length;
  const [halt] = rules.flatMap((r) =>
    r.rule === haltedBy && r.outcome === "fired" && r.halts !== undefined ? [{ rule: r.rule, reason: r.halts }] : [],
  );
  return {
    status: plan.status,
    ...(halt === undefined ? {} : { halt }),
    components: plan.components.map(({ id, category, title, reasons }) => ({
      id,
      category,
      title,
      rules: [...new Set(reasons.map((r) => r.rule))],
    })),
    withheld: plan.withheld,
    dataGaps: plan.dataGaps,
    outcomes: { fired: count("fired"), notFired: count("not-fired"), undetermined: count("undetermined") },
  };
}

function profileOf({ profile }: ExplainOptions): RecommendOptions {
  return profile === undefined ? {} : { profile };
}
