import type { Plan, WithheldComponent } from "../../core/generated/types.js";
import type { CompiledRule, Ruleset } from "../../core/load/types.js";
import type { ScreenedContraindication } from "./explain-rule.js";

/** What explaining a scenario's plan needs: the plan, its rules, and each rule's decision. */
export interface PlanContext {
  readonly ruleset: Ruleset;
  readonly plan: Plan;
  /** One line: what the rule decided, on which values (see `explainRule`). */
  explain(rule: CompiledRule): string;
  /**
   * A component's contraindications, each as screened on the plan state the rules decided (see
   * `explainContraindication`); none for a component without any.
   */
  screen(component: string): readonly ScreenedContraindication[];
  /** The components the contraindications screened: those the rules decided on. */
  screened(): readonly string[];
}

const CONTRAINDICATION = "contraindication:";

/** Why the plan lacks a component: who withheld it, or what each rule that adds it decided. */
export function whyMissing(id: string, context: PlanContext): string[] {
  const withheld = context.plan.withheld.find((w) => w.id === id);
  if (withheld?.rule.startsWith(CONTRAINDICATION) === true) return whyContraindicated(withheld, context);
  if (withheld !== undefined) return [`${id} was withheld by rule "${withheld.rule}": ${withheld.reason}`];
  const inactive = context.ruleset.inactive.filter((rule) => rule.add.some((a) => a.component === id));
  const none = inactive.length === 0 ? `no rule adds ${id}` : `no rule that runs adds ${id}`;
  return [...explainEach(adders(id, context), context, none), ...inactive.map(notRunning)];
}

/**
 * Why a contraindication withheld a component: the one that holds, with its reason, or the
 * ones left undetermined by missing answers (never read as safe).
 */
function whyContraindicated({ id, reason, unscreened }: WithheldComponent, context: PlanContext): string[] {
  const screened = context.screen(id);
  if (unscreened !== true) {
    const holding = screened.filter((s) => s.truth === true).slice(0, 1);
    return [`${id} was withheld, contraindicated: ${reason}`, ...holding.map((s) => s.line)];
  }
  const open = screened.filter((s) => s.truth === "unknown");
  return [`${id} was withheld, not screened for ${open.map((s) => s.title).join(", ")}`, ...open.map((s) => s.line)];
}

/**
 * Why the plan holds a component: the reasons it was added, the rules that could withhold it, and
 * its contraindications (none of which held).
 */
export function whyPresent(id: string, context: PlanContext): string[] {
  const component = context.plan.components.find((c) => c.id === id);
  const added = (component?.reasons ?? []).map((r) => `${id} was added by rule "${r.rule}": ${r.text}`);
  return [
    ...added,
    ...explainEach(withholders(id, context), context, `no rule withholds ${id}`),
    ...context.screen(id).map((s) => s.line),
  ];
}

/** Why a component is not among the withheld: who added it, and what each rule or contraindication that withholds it decided. */
export function whyNotWithheld(id: string, context: PlanContext): string[] {
  if (context.plan.components.some((c) => c.id === id)) return whyPresent(id, context);
  const guarded = (context.ruleset.components.get(id)?.contraindications ?? []).length > 0;
  return [
    ...explainEach(withholders(id, context), context, `no rule withholds ${id}`),
    ...(guarded ? [`no rule added ${id}, so its contraindications were not screened`] : []),
  ];
}

/** What a rule (or a contraindication, named `contraindication:ID` as plans name it) decided, on which values. */
export function whyRule(id: string, context: PlanContext): string[] {
  if (id.startsWith(CONTRAINDICATION)) return whyContraindication(id.slice(CONTRAINDICATION.length), context);
  const rule = context.ruleset.rules.find((r) => r.id === id);
  if (rule !== undefined) return [context.explain(rule)];
  const inactive = context.ruleset.inactive.find((r) => r.id === id);
  return inactive === undefined ? [] : [notRunning(inactive)];
}

/** What a contraindication decided, or that its component was not among those screened. */
function whyContraindication(id: string, context: PlanContext): string[] {
  const component = [...context.ruleset.components.values()].find((c) =>
    (c.contraindications ?? []).some((x) => x.id === id),
  );
  if (component === undefined) return [];
  if (!context.screened().includes(component.id))
    return [`contraindication "${id}" guards ${component.id}, which the rules did not choose: it was not screened`];
  return context
    .screen(component.id)
    .filter((s) => s.id === id)
    .map((s) => s.line);
}

/** Why a rule that is not run decided nothing: it is a draft or retired. */
function notRunning(rule: CompiledRule): string {
  return rule.governance.status === "draft"
    ? `rule "${rule.id}" is a draft: it runs only with --include-drafts`
    : `rule "${rule.id}" is retired: it never runs`;
}

/** Why a field is, or is not, a data gap. */
export function whyGap(field: string, context: PlanContext): string[] {
  const gap = context.plan.dataGaps.find((g) => g.fact === field);
  if (gap !== undefined) return [`${field}: ${gap.reason}`];
  if (context.plan.status === "urgent")
    return [`${field} is no gap: the plan was halted, so rules below the halt need no more data`];
  return [`${field} is no gap: no undetermined rule could be decided by it`];
}

/** Why the plan has its status: the halting rules, or the data gaps. */
export function whyStatus(expected: Plan["status"], context: PlanContext): string[] {
  const { plan, ruleset } = context;
  const halting = ruleset.rules.filter((rule) => rule.halt !== undefined);
  if (plan.status === "urgent")
    return explainEach(
      halting.filter((rule) => outcomeOf(rule, plan) === "fired"),
      context,
      "no rule halted it",
    );
  if (expected === "urgent") return explainEach(halting, context, "no rule halts the plan");
  if (plan.status === "incomplete") return plan.dataGaps.map((gap) => `${gap.fact}: ${gap.reason}`);
  return ["the plan has no data gaps: every rule that matters was decided by the values given"];
}

function adders(id: string, { ruleset }: PlanContext): CompiledRule[] {
  return ruleset.rules.filter((rule) => rule.add.some((a) => a.component === id));
}

function withholders(id: string, { ruleset }: PlanContext): CompiledRule[] {
  const category = ruleset.components.get(id)?.category;
  return ruleset.rules.filter((rule) =>
    rule.withhold.some((w) => w.component === id || (category !== undefined && w.category === category)),
  );
}

function explainEach(rules: readonly CompiledRule[], context: PlanContext, none: string): string[] {
  return rules.length === 0 ? [none] : rules.map((rule) => context.explain(rule));
}

function outcomeOf(rule: CompiledRule, plan: Plan): string | undefined {
  return plan.trace.find((t) => t.rule === rule.id)?.outcome;
}
