import type { Issue, SourcePosition } from "../errors.js";
import type { CompiledCondition } from "../evaluate/condition.js";
import type { FactDefinition } from "../facts/types.js";
import type {
  Addition,
  ComponentDefinition,
  Condition,
  EvidenceSource,
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
  /** Sorted by priority (highest first), then id. */
  readonly rules: readonly CompiledRule[];
  /** Every fact a rule may read: the assessment catalog plus this pack's context facts. */
  readonly facts: ReadonlyMap<string, FactDefinition>;
  readonly scenarios: readonly ScenarioTest[];
  /** Problems that do not stop the pack from running. */
  readonly warnings: readonly Issue[];
}
