import type { Issue, SourcePosition } from "../errors.js";
import type { CompiledCondition } from "../run/evaluate/condition.js";
import type { FactDefinition } from "../run/facts/types.js";
import type {
  Addition,
  ComponentDefinition,
  Condition,
  EvidenceSource,
  Rule,
  ProfileDefinition,
  Scenario,
  Withholding,
} from "../generated/types.js";

/** One file of a rule pack, as text: the core never reads files itself. */
export interface RuleFileText {
  /** Path relative to the pack root, `/`-separated (e.g. `psych.yaml`, `tests/red-flags.yaml`). */
  readonly path: string;
  readonly text: string;
}

/** A rule, validated and compiled: what the engine runs. */
export interface CompiledRule {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  readonly priority: number;
  /** The condition as written, for explanations and lint. */
  readonly when: Condition;
  /** The condition compiled once into closures. */
  readonly test: CompiledCondition;
  readonly add: readonly Addition[];
  readonly withhold: readonly Withholding[];
  readonly halt?: { readonly reason: string };
  readonly evidence: readonly string[];
  /** Fact names the condition reads, sorted. */
  readonly facts: readonly string[];
  /** Where the rule starts in its file. */
  readonly source: SourcePosition;
  /** Who answers for the rule and when it was reviewed; `status` is always set (default `active`). */
  readonly governance: Governance;
}

/** A rule's governance metadata, as written, with its status defaulted. */
export type Governance = Readonly<Pick<Rule, "owner" | "reviewedBy" | "reviewedOn" | "reviewDue">> & {
  readonly status: NonNullable<Rule["status"]>;
};

/** How a pack is compiled: which rules run, and the date reviews are due against. */
export interface CompileOptions {
  /** Run `draft` rules too (`--include-drafts`); plans then name them in `ruleset.drafts`. */
  readonly includeDrafts?: boolean;
  /**
   * Today's date (`YYYY-MM-DD`), for the overdue-review warning; without it no review is overdue.
   * The core never reads the clock: the edge passes the date in.
   */
  readonly today?: string;
}

/** A scenario test written by the pack's authors. */
export interface ScenarioTest {
  readonly scenario: Scenario;
  readonly source: SourcePosition;
}

/** A compiled, frozen rule pack. Same files (in any order) → same ruleset and digest. */
export interface Ruleset {
  readonly name: string;
  readonly version: string;
  /** `sha256:<hex>` over the pack's files (not its scenario tests), independent of file order. */
  readonly digest: string;
  readonly defaultProfile: string;
  readonly profiles: readonly ProfileDefinition[];
  readonly components: ReadonlyMap<string, ComponentDefinition>;
  readonly evidence: ReadonlyMap<string, EvidenceSource>;
  /** The rules that run, sorted by priority (highest first), then id. */
  readonly rules: readonly CompiledRule[];
  /** The rules that do not run (drafts, unless included; retired rules), in the same order. */
  readonly inactive: readonly CompiledRule[];
  /** Ids of the draft rules that run (only with `includeDrafts`), sorted. */
  readonly drafts: readonly string[];
  /** Every fact a rule may read: the assessment catalog plus this pack's context facts. */
  readonly facts: ReadonlyMap<string, FactDefinition>;
  readonly scenarios: readonly ScenarioTest[];
  /** Problems that do not stop the pack from running. */
  readonly warnings: readonly Issue[];
}
