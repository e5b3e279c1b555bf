import type { Engine } from "../../core/run/engine.js";
import type { Ruleset } from "../../core/load/types.js";
import { packEdits } from "./edits.js";
import { exampleFacts } from "./example-facts.js";
import type { PlanDiff, RuleChange } from "./plan-diff.js";
import { planRange, type ImpactSides, type RangeOutcome } from "./plan-range.js";
import { impactPlanner } from "./planner.js";
import type { SubjectList } from "./subjects.js";
import { tally, type Tally, type TallyEntry } from "./tally.js";
import type {
  CohortSource,
  Counted,
  DetailValue,
  ImpactExample,
  ImpactReport,
  ImpactSection,
  PackSummary,
  PlanStatus,
  PlanUrgency,
  ScenarioRename,
  SkippedAssessment,
} from "./types.js";

/** What to compare: the scenario tests' assessments and the cohort's, kept apart in the report. */
export interface ImpactInput {
  readonly scenarios: SubjectList;
  /** An array, or `generatedSubjects(size, seed)`. */
  readonly cohort: SubjectList;
  readonly cohortSource: CohortSource;
}

export interface CompareOptions {
  /** The profile for assessments that name none (scenario tests may); each pack's default when omitted. */
  readonly profile?: string;
  /** How many examples each tally keeps (default 3). */
  readonly examples?: number;
  /** How the report names the packs (default: their names). */
  readonly labels?: { readonly base: string; readonly head: string };
}

/**
 * Plans every assessment with both engines and reports what the edit from `base` to `head`
 * changed: how many plans, which components were added or removed, statuses, data gaps,
 * details, and which rules' outcomes, each with a few examples. Deterministic: the same input
 * gives a deep-equal report. Each assessment is validated once, for both sides.
 *
 * @example
 * const report = compareRulesets(createEngine(before), createEngine(after), {
 *   scenarios: scenarioSubjects([{ scenarios: after.scenarios }]),
 *   cohort: cohortSubjects(generateCohort(10_000, 1)),
 *   cohortSource: { kind: "generated", size: 10_000, seed: 1 },
 * });
 * report.cohort.changed; // 412
 */
export function compareRulesets(
  base: Engine,
  head: Engine,
  input: ImpactInput,
  options: CompareOptions = {},
): ImpactReport {
  const sides = impactSides(base.ruleset, head.ruleset);
  const planAll = (subjects: SubjectList) => [
    planRange(sides, subjects, 0, subjects.length, { profile: options.profile }),
  ];
  return impactReport(
    base.ruleset,
    head.ruleset,
    input,
    { scenarios: planAll(input.scenarios), cohort: planAll(input.cohort) },
    options,
  );
}

/** Both sides' planners, for `planRange`. */
export function impactSides(base: Ruleset, head: Ruleset): ImpactSides {
  return { base: impactPlanner(base), head: impactPlanner(head) };
}

/**
 * The report from the subjects' outcomes, planned in ranges by `planRange` (in this thread or
 * others): the ranges of each list are merged in order of position, so however the subjects
 * were split, the report is the same. Together they must cover each list once.
 */
export function impactReport(
  base: Ruleset,
  head: Ruleset,
  input: ImpactInput,
  planned: { readonly scenarios: readonly RangeOutcome[]; readonly cohort: readonly RangeOutcome[] },
  options: CompareOptions = {},
): ImpactReport {
  const rulesets = [head, base];
  const edits = packEdits(base, head);
  const edited = [...edits.rules.added, ...edits.rules.removed, ...edits.rules.modified];
  const context = { limit: options.examples ?? 3, rulesets, edited };
  return {
    base: summary(base, options.labels?.base),
    head: summary(head, options.labels?.head),
    profile: options.profile ?? null,
    edits,
    scenarios: { ...section(input.scenarios, planned.scenarios, context), renamed: renames(input.scenarios) },
    cohort: { source: input.cohortSource, ...section(input.cohort, planned.cohort, context) },
  };
}

interface SectionContext {
  readonly limit: number;
  readonly rulesets: readonly Ruleset[];
  /** The rules an edit touched: whose facts a cohort example shows when no rule's outcome changed. */
  readonly edited: readonly string[];
}

/** One tally per kind of change, keyed by what changed. */
function tallies(limit: number) {
  const byId = (id: string) => id;
  return {
    status: tally<{ from: PlanStatus; to: PlanStatus }>((s) => `${s.from}\u0000${s.to}`, limit),
    urgency: tally<{ from: PlanUrgency; to: PlanUrgency }>((u) => `${u.from}\u0000${u.to}`, limit),
    componentsAdded: tally<string>(byId, limit),
    componentsRemoved: tally<string>(byId, limit),
    details: tally<{ component: string; field: string }, { from: DetailValue; to: DetailValue }>(
      (d) => `${d.component}\u0000${d.field}`,
      limit,
    ),
    reasons: tally<string>(byId, limit),
    withheldAdded: tally<string>(byId, limit),
    withheldRemoved: tally<string>(byId, limit),
    dataGapsAdded: tally<string>(byId, limit),
    dataGapsRemoved: tally<string>(byId, limit),
    rules: tally<RuleChange>((r) => `${r.rule}\u0000${r.from}\u0000${r.to}`, limit),
    other: tally<"other">(() => "", limit),
    traceOnly: tally<"trace">(() => "", limit),
    traceOnlyRules: tally<RuleChange>((r) => `${r.rule}\u0000${r.from}\u0000${r.to}`, limit),
  };
}

type Tallies = ReturnType<typeof tallies>;

function section(subjects: SubjectList, ranges: readonly RangeOutcome[], context: SectionContext): ImpactSection {
  const counts = tallies(context.limit);
  const skipped: SkippedAssessment[] = [];
  /** The rules whose outcome changed, for each changed subject: what its example shows. */
  const changedRules = new Map<number, readonly string[]>();
  let assessments = 0;
  let beyondWording = 0;
  for (const range of inOrder(ranges, subjects.length)) {
    assessments += range.planned;
    for (const { skipped: one } of range.skipped) skipped.push(one);
    for (const { subject, diff } of range.changed) {
      if (decides(diff)) beyondWording++;
      changedRules.set(
        subject,
        diff.rules.map((r) => r.rule),
      );
      record(counts, diff, subject);
    }
  }

  const examples = new Map<number, ImpactExample>();
  const example = (i: number): ImpactExample => {
    let found = examples.get(i);
    if (found === undefined) examples.set(i, (found = exampleOf(subjects, i, changedRules.get(i) ?? [], context)));
    return found;
  };
  const counted = <K>(entry: TallyEntry<K, undefined>): Counted => ({
    count: entry.count,
    examples: entry.examples.map(({ subject }) => example(subject)),
  });
  const byComponent = (t: Tally<string>) => t.entries().map((e) => ({ component: e.key, ...counted(e) }));
  const byField = (t: Tally<string>) => t.entries().map((e) => ({ field: e.key, ...counted(e) }));
  return {
    assessments,
    changed: changedRules.size,
    beyondWording,
    skipped,
    status: counts.status.entries().map((e) => ({ ...e.key, ...counted(e) })),
    urgency: counts.urgency.entries().map((e) => ({ ...e.key, ...counted(e) })),
    componentsAdded: byComponent(counts.componentsAdded),
    componentsRemoved: byComponent(counts.componentsRemoved),
    details: counts.details.entries().map((e) => ({
      ...e.key,
      count: e.count,
      examples: e.examples.map(({ subject, extra }) => ({ ...example(subject), ...extra })),
    })),
    reasons: byComponent(counts.reasons),
    withheldAdded: byComponent(counts.withheldAdded),
    withheldRemoved: byComponent(counts.withheldRemoved),
    dataGapsAdded: byField(counts.dataGapsAdded),
    dataGapsRemoved: byField(counts.dataGapsRemoved),
    rules: counts.rules.entries().map((e) => ({ rule: e.key.rule, from: e.key.from, to: e.key.to, ...counted(e) })),
    other: counts.other.entries().map(counted)[0] ?? { count: 0, examples: [] },
    traceOnly: {
      ...(counts.traceOnly.entries().map(counted)[0] ?? { count: 0, examples: [] }),
      rules: counts.traceOnlyRules
        .entries()
        .map((e) => ({ rule: e.key.rule, from: e.key.from, to: e.key.to, ...counted(e) })),
    },
  };
}

/** The scenario tests renamed from base to head, as their subjects name them. */
function renames(subjects: SubjectList): ScenarioRename[] {
  const found: ScenarioRename[] = [];
  for (let i = 0; i < subjects.length; i++) {
    const ref = subjects.at(i)?.ref;
    if (ref?.kind === "scenario" && ref.renamedFrom !== undefined)
      found.push({ from: ref.renamedFrom, to: ref.name, source: ref.source });
  }
  return found;
}

/** Whether a plan changed in what it decides, not only in how its reasons and evidence read. */
function decides(diff: PlanDiff): boolean {
  return (
    diff.status !== undefined ||
    diff.urgency !== undefined ||
    [
      diff.componentsAdded,
      diff.componentsRemoved,
      diff.details,
      diff.withheldAdded,
      diff.withheldRemoved,
      diff.dataGapsAdded,
      diff.dataGapsRemoved,
      diff.rules,
    ].some((list) => list.length > 0)
  );
}

/** Counts one changed plan in every tally its changes belong to. */
function record(counts: Tallies, diff: PlanDiff, subject: number): void {
  const each = (t: Tally<string>, ids: readonly string[]) => {
    for (const id of ids) t.add(id, subject, undefined);
  };
  if (diff.status !== undefined) counts.status.add(diff.status, subject, undefined);
  if (diff.urgency !== undefined) counts.urgency.add(diff.urgency, subject, undefined);
  each(counts.componentsAdded, diff.componentsAdded);
  each(counts.componentsRemoved, diff.componentsRemoved);
  // A component whose several details changed counts once per detail: each is its own row.
  for (const { component, field, from, to } of diff.details)
    counts.details.add({ component, field }, subject, { from, to });
  each(counts.reasons, diff.reasons);
  each(counts.withheldAdded, diff.withheldAdded);
  each(counts.withheldRemoved, diff.withheldRemoved);
  each(counts.dataGapsAdded, diff.dataGapsAdded);
  each(counts.dataGapsRemoved, diff.dataGapsRemoved);
  for (const change of diff.rules) counts.rules.add(change, subject, undefined);
  if (diff.change === "other") counts.other.add("other", subject, undefined);
  if (diff.traceOnly) {
    counts.traceOnly.add("trace", subject, undefined);
    for (const change of diff.rules) counts.traceOnlyRules.add(change, subject, undefined);
  }
}

/** A subject as an example: a scenario as it is; a cohort member with the facts its changed rules read. */
function exampleOf(subjects: SubjectList, i: number, rules: readonly string[], context: SectionContext): ImpactExample {
  const subject = subjects.at(i);
  if (subject === undefined) throw new Error(`no assessment at position ${i}`);
  const { ref } = subject;
  if (ref.kind === "scenario") return ref;
  const facts = exampleFacts(subject.assessment, rules.length > 0 ? rules : context.edited, context.rulesets);
  return { ...ref, facts };
}

/** The ranges by position, checked to cover `[0, length)` once each. */
function inOrder(ranges: readonly RangeOutcome[], length: number): RangeOutcome[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  let next = 0;
  for (const { start, end } of sorted) {
    if (start !== next || end < start)
      throw new Error(`planned ranges do not cover the subjects: ${start} after ${next}`);
    next = end;
  }
  if (next !== length) throw new Error(`planned ranges end at ${next}, not at ${length}`);
  return sorted;
}

function summary(ruleset: Ruleset, label: string | undefined): PackSummary {
  const { name, version, digest, defaultProfile, rules } = ruleset;
  return { label: label ?? name, name, version, digest, defaultProfile, rules: rules.length };
}
