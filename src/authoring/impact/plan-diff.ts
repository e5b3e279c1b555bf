import deepEqual from "fast-deep-equal";
import type { Details, Plan, PlanEvidence, PlanReason } from "../../core/generated/types.js";
import type { DetailValue, PlanStatus, PlanUrgency, RuleOutcome } from "./types.js";

/** A detail of a component both plans hold, with its value on each side. */
export interface DetailChange {
  readonly component: string;
  readonly field: string;
  readonly from: DetailValue;
  readonly to: DetailValue;
}

export interface RuleChange {
  readonly rule: string;
  readonly from: RuleOutcome;
  readonly to: RuleOutcome;
}

/** How one assessment's plan differs from base to head; ids are in plan order. */
export interface PlanDiff {
  /**
   * Whether the plan changed (see `ImpactSection`): `listed` when the status or a list below shows
   * it, `other` when only what they leave out differs (wording, texts, an undetermined rule's
   * missing facts), `none` when it did not.
   */
  readonly change: "none" | "listed" | "other";
  /**
   * Whether only the trace differs: some rule's outcome changed (a draft absent before is
   * undetermined now, say) while everything a clinician reads in the plan (status, urgency,
   * components with their details, reasons, evidence and texts, withheld components, data gaps,
   * profile) is the same.
   */
  readonly traceOnly: boolean;
  readonly status?: { readonly from: PlanStatus; readonly to: PlanStatus };
  readonly urgency?: { readonly from: PlanUrgency; readonly to: PlanUrgency };
  readonly componentsAdded: readonly string[];
  readonly componentsRemoved: readonly string[];
  readonly details: readonly DetailChange[];
  /** Components both plans hold whose reasons or evidence differ. */
  readonly reasons: readonly string[];
  readonly withheldAdded: readonly string[];
  readonly withheldRemoved: readonly string[];
  readonly dataGapsAdded: readonly string[];
  readonly dataGapsRemoved: readonly string[];
  readonly rules: readonly RuleChange[];
}

/**
 * What changed in the plan for one assessment from `base` to `head`. Runs once per assessment
 * and side of a cohort, so it compares each part once, without building maps for lists this short.
 *
 * @example diffPlans(before, after).componentsRemoved; // ["mental-health-referral"]
 */
export function diffPlans(base: Plan, head: Plan): PlanDiff {
  const details: DetailChange[] = [];
  const reasons: string[] = [];
  let texts = true; // the catalog's wording of every kept component
  for (const component of head.components) {
    const earlier = base.components.find((c) => c.id === component.id);
    if (earlier === undefined) continue;
    detailChanges(component.id, earlier.details, component.details, details);
    if (
      !sameReasons(earlier.reasons, component.reasons) ||
      !sameList(earlier.evidence, component.evidence, sameEvidence)
    )
      reasons.push(component.id);
    texts &&=
      earlier.title === component.title &&
      earlier.patientText === component.patientText &&
      earlier.category === component.category;
  }
  const [withheldAdded, withheldRemoved] = idChanges(base.withheld, head.withheld, (w) => w.id);
  const [dataGapsAdded, dataGapsRemoved] = idChanges(base.dataGaps, head.dataGaps, (g) => g.fact);
  const [componentsAdded, componentsRemoved] = idChanges(base.components, head.components, (c) => c.id);
  const { rules, sameMissing } = traceChanges(base, head);
  const diff = {
    componentsAdded,
    componentsRemoved,
    details,
    reasons,
    withheldAdded,
    withheldRemoved,
    dataGapsAdded,
    dataGapsRemoved,
    rules,
  };
  const urgency = base.urgency === head.urgency ? {} : { urgency: { from: base.urgency, to: head.urgency } };
  if (base.status !== head.status)
    return { change: "listed", traceOnly: false, status: { from: base.status, to: head.status }, ...urgency, ...diff };
  const content =
    base.urgency !== head.urgency || Object.values(diff).some((list) => list.length > 0 && list !== rules);
  if (content) return { change: "listed", traceOnly: false, ...urgency, ...diff };
  // Beyond the lists: what they leave out, read only when nothing they show has changed.
  const sameText = texts && base.profile === head.profile && deepEqual(base.withheld, head.withheld);
  if (rules.length > 0) return { change: "listed", traceOnly: sameText && sameGapsButRules(base, head), ...diff };
  const same = sameText && sameMissing && deepEqual(base.dataGaps, head.dataGaps);
  return { change: same ? "none" : "other", traceOnly: false, ...diff };
}

/**
 * Whether the data gaps ask for the same answers at the same stake for the same components: the
 * undecided rules each names (and its reason, which lists them) are trace, so a rule newly waiting
 * on an answer already asked for leaves the plan as a clinician reads it the same.
 */
function sameGapsButRules(base: Plan, head: Plan): boolean {
  return sameList(
    base.dataGaps,
    head.dataGaps,
    (a, b) => a.fact === b.fact && a.concern === b.concern && sameList(a.couldChange, b.couldChange),
  );
}

/** Adds to `changes` the details whose values differ (head's fields first, then those only base has). */
function detailChanges(component: string, from: Details, to: Details, changes: DetailChange[]): void {
  for (const field of Object.keys(to) as (keyof Details)[]) {
    const [before, after] = [from[field], to[field]];
    // Most details are the same values: only those that are not are made comparable (lists joined).
    if (sameValue(before, after)) continue;
    const [a, b] = [comparable(before), comparable(after)];
    if (a !== b) changes.push({ component, field, from: a, to: b });
  }
  for (const field of Object.keys(from) as (keyof Details)[]) {
    if (!Object.hasOwn(to, field)) changes.push({ component, field, from: comparable(from[field]), to: null });
  }
}

/** Whether two details are the same value, or lists of the same items (so their comparable values are equal). */
function sameValue(a: Details[keyof Details], b: Details[keyof Details]): boolean {
  if (a === b) return true;
  return Array.isArray(a) && Array.isArray(b) && sameList<unknown>(a, b);
}

/** A detail as one comparable value: a list as its items joined as plans show them. */
function comparable(value: Details[keyof Details]): DetailValue {
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(" | ") : value;
}

/** `[added, removed]`: the keys only head has, and those only base has. */
function idChanges<T>(base: readonly T[], head: readonly T[], key: (item: T) => string): [string[], string[]] {
  if (sameKeys(base, head, key)) return [[], []];
  const [before, after] = [base.map(key), head.map(key)];
  return [after.filter((id) => !before.includes(id)), before.filter((id) => !after.includes(id))];
}

/** Whether both lists hold items of the same keys in the same order: nothing added or removed. */
function sameKeys<T>(base: readonly T[], head: readonly T[], key: (item: T) => string): boolean {
  if (base.length !== head.length) return false;
  for (let i = 0; i < base.length; i++) {
    const [a, b] = [base[i], head[i]];
    if (a === undefined || b === undefined || key(a) !== key(b)) return false;
  }
  return true;
}

/**
 * Rules whose outcome differs (in base's trace order, then the rules only head runs), and whether
 * every undetermined rule waits on the same facts on both sides. A rule that runs on one side only
 * and does not fire there decides what its absence decides, nothing: no change. Traces of packs
 * with the same rules line up entry for entry; only when they do not is a map built.
 */
function traceChanges(base: Plan, head: Plan): { rules: RuleChange[]; sameMissing: boolean } {
  const rules: RuleChange[] = [];
  let sameMissing = true;
  if (sameKeys(base.trace, head.trace, (t) => t.rule)) {
    for (let i = 0; i < base.trace.length; i++) {
      const [t, other] = [base.trace[i], head.trace[i]];
      if (t === undefined || other === undefined) continue;
      if (t.outcome !== other.outcome) note(rules, t.rule, t.outcome, other.outcome);
      sameMissing &&= sameList(t.missing, other.missing);
    }
    return { rules, sameMissing };
  }
  const after = new Map(head.trace.map((t) => [t.rule, t]));
  for (const t of base.trace) {
    const other = after.get(t.rule);
    note(rules, t.rule, t.outcome, other?.outcome ?? "absent");
    sameMissing &&= sameList(t.missing, other?.missing);
    after.delete(t.rule);
  }
  for (const [rule, t] of after) note(rules, rule, "absent", t.outcome);
  return { rules, sameMissing };
}

/** Adds the change of a rule's outcome, unless it decides nothing either way (absent or not fired). */
function note(rules: RuleChange[], rule: string, from: RuleOutcome, to: RuleOutcome): void {
  if (from !== to && !(quiet(from) && quiet(to))) rules.push({ rule, from, to });
}

function quiet(outcome: RuleOutcome): boolean {
  return outcome === "absent" || outcome === "not-fired";
}

/** Whether two lists hold equal items in the same order (both absent counts as equal). */
function sameList<T>(
  a: readonly T[] | undefined,
  b: readonly T[] | undefined,
  same: (x: T, y: T) => boolean = (x, y) => x === y,
): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const [x, y] = [a[i], b[i]];
    if (x === undefined || y === undefined || !same(x, y)) return false;
  }
  return true;
}

function sameReasons(a: readonly PlanReason[], b: readonly PlanReason[]): boolean {
  return sameList(a, b, (x, y) => x.rule === y.rule && x.text === y.text);
}

/**
 * A plan's evidence entries are frozen objects, one per source, shared by every plan of a
 * ruleset: each pair of entries is compared once and remembered (for as long as both exist).
 */
const evidenceComparisons = new WeakMap<PlanEvidence, WeakMap<PlanEvidence, boolean>>();

function sameEvidence(a: PlanEvidence, b: PlanEvidence): boolean {
  if (a === b) return true;
  let known = evidenceComparisons.get(a);
  if (known === undefined) evidenceComparisons.set(a, (known = new WeakMap()));
  let same = known.get(b);
  if (same === undefined) known.set(b, (same = deepEqual(a, b)));
  return same;
}
