/**
 * The plan for one person, explained rule by rule: what `explainPlan` returns and what
 * `backplan explain --format json` prints. Keys come in the order written here, lists in the
 * order stated, and nothing depends on the clock, so the JSON is stable.
 */
import type { FactValue } from "../../run/facts/types.js";
import type {
  Category,
  ConditionValue,
  DataGap,
  FactCondition,
  Plan,
  RulesetStamp,
  TraceEntry,
  WithheldComponent,
} from "../../generated/types.js";
import type { Governance } from "../../load/types.js";

export interface Explanation {
  /** The assessment's `id`, when it has one. */
  readonly assessmentId?: string;
  readonly profile: string;
  readonly ruleset: RulesetStamp;
  readonly summary: PlanSummary;
  /** Every rule that ran, in the plan's trace order: highest priority first, then by id. */
  readonly rules: readonly RuleExplanation[];
  /**
   * The contraindications of the components the rules chose (kept, or withheld by a
   * contraindication), in the plan's order of those components, then catalog order.
   */
  readonly contraindications: readonly ContraindicationExplanation[];
  /** The rules that did not run (drafts without `includeDrafts`, retired rules), in the same order. */
  readonly inactive: readonly InactiveRule[];
}

/** The plan in brief. */
export interface PlanSummary {
  readonly status: Plan["status"];
  /** The halt in force, when the plan is urgent: its rule and its reason. */
  readonly halt?: { readonly rule: string; readonly reason: string };
  /** The plan's components, in its order, each with the rules that added it. */
  readonly components: readonly SummaryComponent[];
  readonly withheld: readonly WithheldComponent[];
  readonly dataGaps: readonly DataGap[];
  /** How many rules fired, did not fire, or were undetermined. */
  readonly outcomes: { readonly fired: number; readonly notFired: number; readonly undetermined: number };
}

export interface SummaryComponent {
  readonly id: string;
  readonly category: Category;
  readonly title: string;
  readonly rules: readonly string[];
}

/** What every rule's explanation says, whatever its outcome. */
export interface RuleHeader {
  readonly rule: string;
  readonly title: string;
  readonly priority: number;
  /** `file:line`, the file as the caller locates it (pack-relative by default, as in the trace). */
  readonly source: string;
  /** The halting rule, when this rule lies below the halt: whatever it decided, the halt overrides. */
  readonly belowHaltOf?: string;
}

export type Outcome = TraceEntry["outcome"];

/** One rule's outcome and why, as a tagged union on `outcome`. */
export type RuleExplanation = FiredRule | NotFiredRule | UndeterminedRule;

export interface FiredRule extends RuleHeader {
  readonly outcome: "fired";
  /** The conditions that made it true, in condition order. */
  readonly because: readonly Finding[];
  readonly adds: readonly AdditionMade[];
  readonly withholds: readonly WithholdingMade[];
  /** The halt's reason, when the rule halts the plan. */
  readonly halts?: string;
  readonly evidence: readonly string[];
}

export interface NotFiredRule extends RuleHeader {
  readonly outcome: "not-fired";
  /** The conditions that made it false, in condition order: the first is the first that failed. */
  readonly failed: readonly Finding[];
}

export interface UndeterminedRule extends RuleHeader {
  readonly outcome: "undetermined";
  /** The conditions left open by values not recorded, in condition order. */
  readonly open: readonly Finding[];
  /** The answers that would decide it, by assessment field, ordered by the facts they supply (sorted). */
  readonly missing: readonly MissingAnswer[];
}

/**
 * A condition on one fact and the patient's value it saw, e.g. `phq9.total ≥ 10 (found 14)`.
 * `negated` when it sits under an odd number of `not`s.
 */
export interface Finding {
  readonly fact: string;
  readonly operator: FactCondition["operator"];
  readonly value: ConditionValue;
  readonly negated: boolean;
  /** The value seen; absent when not recorded. */
  readonly found?: FactValue;
  /** The finding in words: `phq9.total ≥ 10 (found 14)`, `not lifestyle.smoker = true (not recorded)`. */
  readonly text: string;
}

/** A component a fired rule added, with its reason filled in, and whether the plan kept it. */
export interface AdditionMade {
  readonly component: string;
  readonly reason: string;
  /**
   * Who withheld it, when the plan does not hold it: a withholding rule, the halt, or a
   * contraindication (`contraindication:ID`, `unscreened` when it could not be decided).
   */
  readonly withheldBy?: Pick<WithheldComponent, "rule" | "reason" | "unscreened">;
}

/** A withholding a fired rule made, and the components of the plan it withheld. */
export interface WithholdingMade {
  readonly component?: string;
  readonly category?: Category;
  readonly reason: string;
  /** The plan's withheld components that this withholding accounts for, sorted. */
  readonly withheld: readonly string[];
}

/** What a contraindication says about every explanation of it. */
export interface ContraindicationHeader {
  /** Its id: the plan names it `contraindication:ID`. */
  readonly contraindication: string;
  readonly title: string;
  /** The component it guards. */
  readonly component: string;
}

/**
 * A contraindication screened on the plan state the rules decided, as a tagged union on
 * `outcome`: it holds (the component is withheld, with the first that holds), it is clear, or it
 * is undetermined (the component is withheld as unscreened unless another holds).
 */
export type ContraindicationExplanation = HoldingContraindication | ClearContraindication | OpenContraindication;

export interface HoldingContraindication extends ContraindicationHeader {
  readonly outcome: "holds";
  readonly because: readonly Finding[];
  /** Its reason, filled in. */
  readonly reason: string;
}

export interface ClearContraindication extends ContraindicationHeader {
  readonly outcome: "clear";
  readonly failed: readonly Finding[];
}

export interface OpenContraindication extends ContraindicationHeader {
  readonly outcome: "undetermined";
  readonly open: readonly Finding[];
  /** As an undetermined rule's: for a contraindication, `fired` in `alone` means it would hold. */
  readonly missing: readonly MissingAnswer[];
}

/** An assessment field not recorded, and what answering it would do to an undetermined rule. */
export interface MissingAnswer {
  /** The assessment field to collect, as the plan's data gaps name it. */
  readonly field: string;
  /** The rule's absent facts that the field supplies. */
  readonly facts: readonly string[];
  /** The other unanswered fields those facts need too (e.g. the other items of a decision rule). */
  readonly with: readonly string[];
  /** The outcomes answering this field alone could give the rule; none when it alone cannot decide it. */
  readonly alone: readonly Exclude<Outcome, "undetermined">[];
  /** Whether the plan lists the field as a data gap of this rule (answering it could change the plan). */
  readonly dataGap: boolean;
}

/** A rule of the pack that did not run. */
export interface InactiveRule {
  readonly rule: string;
  readonly title: string;
  readonly priority: number;
  readonly status: Governance["status"];
  readonly source: string;
}
