import { deriveFacts } from "../../run/facts/catalog.js";
import type { Facts } from "../../run/facts/types.js";
import type { Assessment, Plan } from "../../generated/types.js";
import type { Ruleset } from "../../load/types.js";
import { factsSeen, type FactsSeen } from "../../run/compose/facts-seen.js";

/** What explaining the rules of one plan needs, worked out once per plan. */
export interface PlanReading {
  readonly ruleset: Ruleset;
  readonly plan: Plan;
  readonly assessment: Assessment;
  /** The facts the rules of `priority` saw when they ran (`FactsSeen.at`), so verdicts match the trace. */
  factsAt(priority: number): Facts;
  /** The facts the contraindications read (`FactsSeen.screenedOn`): the plan state the rules decided. */
  screenedOn(): Facts;
  /** The components the contraindications screened: those the rules decided on. */
  screened(): readonly string[];
  /** The halt in force (the most important halting rule that fired), when the plan was halted. */
  readonly halt?: { readonly rule: string; readonly priority: number };
  /** How a pack file is shown: pack-relative by default, as in the trace. */
  readonly locate: (file: string) => string;
}

/** Reads a finished plan back against its ruleset and the (valid) assessment it was made from. */
export function readPlan(
  ruleset: Ruleset,
  plan: Plan,
  assessment: Assessment,
  locate: (file: string) => string = (file) => file,
): PlanReading {
  // The composer's own record of what it read, worked out on first use.
  let seen: FactsSeen | undefined;
  const composed = () => (seen ??= factsSeen(ruleset, assessment, plan.profile, deriveFacts(assessment)));
  const fired = new Set(plan.trace.filter((t) => t.outcome === "fired").map((t) => t.rule));
  // Rules run in importance order, so the first halting rule that fired is the one in force.
  const halting = ruleset.rules.find((rule) => rule.halt !== undefined && fired.has(rule.id));
  return {
    ruleset,
    plan,
    assessment,
    factsAt: (priority) => composed().at(priority),
    screenedOn: () => composed().screenedOn,
    screened: () => composed().screened,
    ...(halting === undefined ? {} : { halt: { rule: halting.id, priority: halting.priority } }),
    locate,
  };
}
