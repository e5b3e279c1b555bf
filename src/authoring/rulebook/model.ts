/**
 * The rulebook as data: everything a reviewer signs off, worked out once and laid out by each
 * renderer (Markdown, HTML). Plain, sorted, date-free: the same pack gives the same model.
 */
import type { ScenarioResult } from "../scenarios/run-scenario.js";
import type { CoverageSummary } from "../scenarios/coverage.js";
import type { Governance } from "../../core/load/types.js";
import type { Reach } from "../../core/load/withholding-reach.js";
import type { Clause } from "./condition-text.js";
import type { DetailEntry } from "./details.js";
import type { TemplateText } from "./template-text.js";

export interface Rulebook {
  readonly pack: PackEntry;
  /** Rules that run, by topic (rule file), highest priority first. */
  readonly topics: readonly Topic[];
  /** Rules that do not run: drafts (unless included) and retired rules. */
  readonly inactive: readonly RuleEntry[];
  readonly components: readonly ComponentEntry[];
  readonly evidence: readonly EvidenceEntry[];
  readonly profiles: ProfilesEntry;
  readonly tests: TestsEntry;
  /** What changed since a signed-off pack (`--base`): absent without one. */
  readonly changes?: ChangesEntry;
}

export interface PackEntry {
  readonly name: string;
  readonly version: string;
  readonly digest: string;
  readonly description?: string;
  /** Draft rules this rulebook shows as running (`--include-drafts`). */
  readonly drafts: readonly string[];
}

/** One rule file: its rules, and what its authors say the topic is. */
export interface Topic {
  readonly file: string;
  readonly title: string;
  readonly description?: string;
  readonly rules: readonly RuleEntry[];
}

export interface RuleEntry {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  readonly priority: number;
  readonly governance: Governance;
  /** `safety.yaml:12`. */
  readonly source: string;
  /** The condition in plain language. */
  readonly when: Clause;
  /** What the rule does, in one clause (see `actionText`). */
  readonly action: string;
  readonly additions: readonly AdditionEntry[];
  readonly withholdings: readonly WithholdingEntry[];
  readonly halt?: TemplateText;
  readonly evidence: readonly EvidenceEntry[];
  /** Whether the rule reads the `profile` fact (its outcome depends on the guideline profile). */
  readonly readsProfile: boolean;
  /** The profiles under which it can never fire. */
  readonly neverUnder: readonly string[];
  /** What the scenario tests showed of it; absent for a rule that does not run. */
  readonly tests?: RuleTests;
}

export interface AdditionEntry {
  readonly component: string;
  readonly title: string;
  readonly reason: TemplateText;
  /** The rule's own details, which override the catalog's key by key. */
  readonly details: readonly DetailEntry[];
}

export interface WithholdingEntry {
  /** The component withheld, when one is named. */
  readonly component?: string;
  /** `“Acupuncture”` or `all physiotherapy components`. */
  readonly target: string;
  readonly reason: TemplateText;
}

export interface ComponentEntry {
  readonly id: string;
  readonly title: string;
  readonly category: string;
  readonly description: string;
  readonly patientText: string;
  readonly details: readonly DetailEntry[];
  readonly addedBy: readonly string[];
  /**
   * What guards it, with `withheldBy`: when it must never be in a plan, whichever rule adds it
   * (catalog data), in catalog order.
   */
  readonly contraindications: readonly ContraindicationEntry[];
  /** Rules that withhold it by name or by its category, in rule order. */
  readonly withheldBy: readonly WithholdingRule[];
}

export interface ContraindicationEntry {
  readonly id: string;
  readonly title: string;
  /** When it holds, in plain language. */
  readonly when: Clause;
  readonly reason: TemplateText;
  readonly evidence: readonly EvidenceEntry[];
}

/** A rule that withholds a component: by its id, or by its category. */
export interface WithholdingRule {
  readonly rule: string;
  readonly reach: Reach;
}

export interface EvidenceEntry {
  readonly id: string;
  readonly citation: string;
  /** `https://doi.org/…` for a DOI (shown as `doi:…`), else the source's URL; made safe (`safeHref`). */
  readonly link?: { readonly href: string; readonly text: string };
  readonly finding: string;
  readonly certainty: string;
  readonly certaintyNote?: string;
  /** The rules that cite it. */
  readonly citedBy: readonly string[];
  /** The contraindications that cite it. */
  readonly citedByContraindications: readonly string[];
}

export interface ProfilesEntry {
  readonly profiles: readonly ProfileEntry[];
  /** The rules whose outcome depends on the profile, with where each can apply (in `profiles` order). */
  readonly readers: readonly ProfileReader[];
}

/** A rule that reads the profile: what it does, and under which profiles it can. */
export interface ProfileReader {
  readonly rule: string;
  readonly title: string;
  /** What it does, as in its sentence (`actionText`). */
  readonly action: string;
  /** Whether it can fire under each profile, in the profiles' order. */
  readonly applies: readonly boolean[];
}

export interface ProfileEntry {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  readonly isDefault: boolean;
  /** Rules that never fire under this profile, whatever the assessment. */
  readonly neverApplies: readonly string[];
}

export interface TestsEntry {
  readonly scenarios: readonly ScenarioEntry[];
  readonly passed: number;
  readonly failed: number;
  readonly invalid: number;
  readonly coverage: CoverageSummary;
}

export interface ScenarioEntry {
  readonly name: string;
  /** `tests/psych.yaml:14`. */
  readonly source: string;
  readonly outcome: ScenarioResult["outcome"];
  /** What differed (failed) or why the scenario was rejected (invalid). */
  readonly problems: readonly string[];
}

export interface RuleTests {
  /** The scenarios in which the rule fired, in run order. */
  readonly firedIn: readonly ScenarioEntry[];
  /** Its comparisons seen both true and false. */
  readonly conditions: Count;
  /** Its numeric thresholds with a scenario on each side. */
  readonly thresholds: Count;
  /** What no scenario tested, in words: `PHQ-9 total ≥ 10: never false`. */
  readonly untested: readonly string[];
}

/** How many of `total` things the scenarios covered. */
export interface Count {
  readonly covered: number;
  readonly total: number;
}

/** The changes from a signed-off pack (the base) to this one, for the reviewer to accept or reject. */
export interface ChangesEntry {
  /** The signed-off pack. */
  readonly base: { readonly name: string; readonly version: string; readonly digest: string };
  /** Rules changed, then added, then removed; a rule unchanged in every part is not listed. */
  readonly rules: readonly RuleChangeEntry[];
  readonly components: readonly CatalogChangeEntry[];
  readonly evidence: readonly CatalogChangeEntry[];
  /** What the edit does to a generated cohort's plans, when it was planned with both packs. */
  readonly cohort?: CohortImpactEntry;
}

export type ChangeKind = "changed" | "added" | "removed";

/** One rule added, removed or changed: each part that differs, before and after. */
export interface RuleChangeEntry {
  readonly id: string;
  /** Its title now (before, for a removed rule). */
  readonly title: string;
  readonly change: ChangeKind;
  /** `psychological.yaml:11`, in this pack (in the base, for a removed rule). */
  readonly source: string;
  /** The parts that differ; for an added or removed rule, every part, on one side. */
  readonly parts: readonly PartChange[];
  /** Its figures on the cohort, when the cohort was planned. */
  readonly impact?: RuleImpactEntry;
}

/** One part of a rule (`Condition`, `Reason for “Exercise”`…) in the rulebook's words; absent on a side that lacks it. */
export interface PartChange {
  readonly label: string;
  readonly before?: Clause;
  readonly after?: Clause;
}

/** A rule on the cohort: in how many plans it fires with each pack (`null`: it does not run there). */
export interface RuleImpactEntry {
  readonly firedBefore: number | null;
  readonly firedAfter: number | null;
  /** Plans in which its outcome (fired, not fired, undetermined) differs. */
  readonly outcomeChanged: number;
}

/** A catalog entry (component or evidence source) added, removed or changed, with the fields that differ. */
export interface CatalogChangeEntry {
  readonly id: string;
  readonly title: string;
  readonly change: ChangeKind;
  readonly fields: readonly string[];
}

/** The generated cohort both packs planned, and how many of its plans changed. */
export interface CohortImpactEntry {
  readonly size: number;
  readonly seed: number;
  /** Assessments planned with both packs. */
  readonly assessments: number;
  readonly changed: number;
  /** Of those, plans changed in what they decide (not only in the wording of reasons and texts). */
  readonly beyondWording: number;
}
