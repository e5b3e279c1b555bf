/**
 * What `backplan impact --format json` prints: the difference two versions of a rule pack make
 * to the same assessments' plans. Stable: no timestamps or timings; every list is sorted (tallies
 * by count, most first, then by key; ids alphabetically; examples in the order the assessments
 * were given: scenario tests as listed, the cohort by index).
 */
import type { FactValue } from "../../core/run/facts/types.js";
import type { Plan, TraceEntry } from "../../core/generated/types.js";

/** A plan's status. */
export type PlanStatus = Plan["status"];

/** A plan's urgency: its most urgent referral, or `none`. */
export type PlanUrgency = Plan["urgency"];

/**
 * A rule's outcome in a plan's trace, or `absent` where the rule does not run on that side. A
 * rule absent on one side and `not-fired` on the other decided nothing either way: no change.
 */
export type RuleOutcome = TraceEntry["outcome"] | "absent";

/** A value of a component's details (`sessions: 6`, `urgency: "routine"`); `null` where unset. */
export type DetailValue = string | number | null;

export interface ImpactReport {
  /** The pack plans were made with before the edit. */
  readonly base: PackSummary;
  /** The pack after the edit. */
  readonly head: PackSummary;
  /** The profile plans were made under, where the assessment names none; `null`: each pack's default. */
  readonly profile: string | null;
  /** What differs between the two packs' definitions. */
  readonly edits: PackEdits;
  /**
   * The scenario tests' assessments of both packs, once each, named by head's test where head
   * has one. Tests are matched by name, then those left by assessment (and profile).
   */
  readonly scenarios: ImpactSection & {
    /** The tests renamed: matched by assessment, not by name; in head's order. */
    readonly renamed: readonly ScenarioRename[];
  };
  /** The cohort: generated, or read from a file. */
  readonly cohort: ImpactSection & { readonly source: CohortSource };
}

export interface PackSummary {
  /** The folder as given on the command line (or another label the caller chose). */
  readonly label: string;
  readonly name: string;
  readonly version: string;
  readonly digest: string;
  readonly defaultProfile: string;
  /** How many rules run. */
  readonly rules: number;
}

/** Ids added, removed or changed from base to head, each list sorted. */
export interface IdEdits {
  readonly added: readonly string[];
  readonly removed: readonly string[];
  readonly modified: readonly string[];
}

export interface PackEdits {
  /**
   * Rules that run on one side only, or whose decision differs: condition, priority, additions
   * (with their reasons and details), withholdings, halt or evidence. Wording of titles and
   * descriptions is not a modification; a draft that runs only with `--include-drafts` counts
   * as added.
   */
  readonly rules: IdEdits;
  /** Catalog components added, removed, or with any field changed (default details, texts). */
  readonly components: IdEdits;
  /** The packs' default profiles, when they differ. */
  readonly defaultProfile: { readonly from: string; readonly to: string } | null;
}

export type CohortSource =
  | { readonly kind: "generated"; readonly size: number; readonly seed: number }
  | { readonly kind: "file"; readonly file: string; readonly size: number };

/**
 * The changes across one group of assessments. A plan has changed when its status, urgency, profile,
 * components (ids, details, reasons, evidence, texts), withheld components, data gaps, or a
 * rule's outcome (and an undetermined rule's missing facts) differ; the ruleset stamp and the
 * rules' `file:line` and priorities in the trace are not compared. Each tally counts the
 * assessments with that change.
 */
export interface ImpactSection {
  /** Assessments planned on both sides. */
  readonly assessments: number;
  /** Of those, the assessments whose plan changed. */
  readonly changed: number;
  /**
   * Of those, the plans that changed in what they decide: status, urgency, components, details, withheld
   * components, data gaps or a rule's outcome. The rest changed only in what those leave out:
   * reasons, evidence, texts, the wording of withheld or gap reasons, an undetermined rule's
   * missing facts.
   */
  readonly beyondWording: number;
  /**
   * Of `beyondWording`, the plans that changed only in their trace: a rule's outcome differs (a
   * draft absent from base is undetermined in head, say) and nothing else, so a clinician reads
   * the same plan. `rules` tallies their outcome changes (`rules` below counts them as well).
   */
  readonly traceOnly: TraceOnly;
  /** Assessments that could not be planned on one side or both, with why. */
  readonly skipped: readonly SkippedAssessment[];
  readonly status: readonly StatusTally[];
  /** The plan's urgency (its most urgent referral): what a reviewer of a safety edit reads first. */
  readonly urgency: readonly UrgencyTally[];
  readonly componentsAdded: readonly ComponentTally[];
  readonly componentsRemoved: readonly ComponentTally[];
  /** A detail of a component both plans hold (`urgency`, `sessions`, `notes`…). */
  readonly details: readonly DetailTally[];
  /** A component both plans hold, with other reasons (rules or wording) or evidence. */
  readonly reasons: readonly ComponentTally[];
  readonly withheldAdded: readonly ComponentTally[];
  readonly withheldRemoved: readonly ComponentTally[];
  readonly dataGapsAdded: readonly FieldTally[];
  readonly dataGapsRemoved: readonly FieldTally[];
  readonly rules: readonly RuleTally[];
  /** Plans changed in nothing tallied above: wording of withheld or gap reasons, texts, missing facts. */
  readonly other: Counted;
}

/** The plans changed in their trace only, and how their rules' outcomes changed. */
export interface TraceOnly extends Counted {
  readonly rules: readonly RuleTally[];
}

/** How many assessments, and the first few of them. */
export interface Counted {
  readonly count: number;
  readonly examples: readonly ImpactExample[];
}

export interface StatusTally extends Counted {
  readonly from: PlanStatus;
  readonly to: PlanStatus;
}

export interface UrgencyTally extends Counted {
  readonly from: PlanUrgency;
  readonly to: PlanUrgency;
}

export interface ComponentTally extends Counted {
  readonly component: string;
}

export interface FieldTally extends Counted {
  /** The assessment field the data gap asks for. */
  readonly field: string;
}

export interface RuleTally extends Counted {
  readonly rule: string;
  readonly from: RuleOutcome;
  readonly to: RuleOutcome;
}

export interface DetailTally {
  readonly component: string;
  readonly field: string;
  readonly count: number;
  readonly examples: readonly DetailExample[];
}

/** An example of a detail change: the assessment, and the detail's value on each side. */
export type DetailExample = ImpactExample & { readonly from: DetailValue; readonly to: DetailValue };

/** An assessment shown as an example: a scenario test, or a member of the cohort. */
export type ImpactExample = ScenarioExample | CohortExample;

export interface ScenarioExample {
  readonly kind: "scenario";
  readonly name: string;
  /** `file:line` of the scenario test. */
  readonly source: string;
  /**
   * The name base's test of the same assessment (and profile) had, when the test was renamed: no
   * test of base has `name` and no test of head has this one.
   */
  readonly renamedFrom?: string;
}

/** A scenario test renamed from base to head: the same assessment (and profile) under a new name. */
export interface ScenarioRename {
  readonly from: string;
  readonly to: string;
  /** `file:line` of head's test. */
  readonly source: string;
}

export interface CohortExample {
  readonly kind: "cohort";
  /** The position in the cohort, from 0 (with the seed, enough to generate it again). */
  readonly index: number;
  readonly id?: string;
  /**
   * The values of the facts read by the rules whose outcome changed for this assessment (or, when
   * none did, by the edited rules), sorted by name; `null`: not recorded. Context facts
   * (`profile`, `plan.*`) are left out.
   */
  readonly facts: Readonly<Record<string, FactValue | null>>;
}

export interface SkippedAssessment {
  readonly example: ImpactExample;
  /** The side that could not plan it. */
  readonly side: "base" | "head" | "both";
  /** Why, one line each. */
  readonly problems: readonly string[];
}
