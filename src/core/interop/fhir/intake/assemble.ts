import type { Issue } from "../../../errors.js";
import { assessmentSchema, fieldSchema } from "../../../run/assessment/schema.js";
import type { BundleResource } from "./bundle-index.js";
import type { Finding } from "./finding.js";
import { codes, fhirIssue, messages, show } from "./messages.js";
import { currentFindings } from "./recency.js";

/** The assessment built from the findings, where each field came from, and what stopped a field. */
export interface Assembled {
  readonly assessment: Record<string, unknown>;
  /** Field path (`questionnaires.phq9.items[8]`) → the resource it came from. */
  readonly sources: ReadonlyMap<string, BundleResource>;
  readonly issues: Issue[];
}

const itemPattern = /^(.+)\[(\d+)\]$/;

/**
 * One value per field, from the current results (recency.ts: the latest on or before
 * `assessedOn`, per instrument): the same value from two resources is agreement; different values
 * are a conflict naming both, and the field keeps the first. Item positions become the list only
 * when every item is there (or the list allows unanswered items, as ODI does): a partial list is
 * left out with a warning, so nothing is guessed. `episode` findings (the record's follow-up:
 * baseline, weeks, previous components) are not subject to recency and come after the rest, so a
 * Questionnaire's answer that disagrees is a conflict naming both.
 */
export function assemble(
  all: readonly Finding[],
  assessedOn: string | undefined,
  episode: readonly Finding[] = [],
): Assembled {
  const current = currentFindings(all, assessedOn);
  const issues = current.issues;
  // The episode's findings (follow-up.ts) describe the episode, not today: recency does not apply.
  const findings = withFallbacks([...current.findings, ...episode], issues);
  const chosen = new Map<string, Finding>();
  for (const finding of findings.filter((each) => each.partial === undefined)) {
    const first = chosen.get(finding.field);
    if (first === undefined) chosen.set(finding.field, finding);
    else if (JSON.stringify(first.value) !== JSON.stringify(finding.value)) issues.push(conflict(first, finding));
  }
  const assessment: Record<string, unknown> = {};
  const sources = new Map<string, BundleResource>();
  const lists = new Map<string, Finding[]>();
  for (const [field, finding] of chosen) {
    const item = itemPattern.exec(field);
    if (item?.[1] === undefined) {
      setIn(assessment, field, finding.value);
      sources.set(field, finding.source);
    } else lists.set(item[1], [...(lists.get(item[1]) ?? []), finding]);
  }
  for (const [field, items] of lists) {
    const list = listOf(field, items);
    if (list === undefined) {
      const resources = [...new Set(items.map((item) => item.source.label))];
      const needed = fieldSchema(field).minItems ?? 0;
      issues.push(
        fhirIssue(
          codes.incompleteItems,
          items[0]?.source.pointer ?? "",
          messages.incompleteItems(field, items.length, needed, resources),
          "warning",
        ),
      );
      continue;
    }
    setIn(assessment, field, list);
    for (const item of items) sources.set(item.field, item.source);
  }
  joinPartial(
    findings.filter((finding) => finding.partial !== undefined),
    chosen,
    { assessment, sources, issues },
  );
  return { assessment: inSchemaOrder(assessment), sources, issues };
}

/**
 * Partial list findings (finding.ts): where a resource gives the whole list (backplan's
 * Questionnaire), each member a partial finding names must be in it, else a conflict naming both,
 * as a Condition's `true` against a questionnaire's `false`; otherwise the list is their members,
 * in the schema's order, each member (`medications.current[0]`) traced to the first resource that
 * named it, with a warning that the record's list is not the patient's account (a list says what
 * is not taken too, and a record misses what was bought over the counter).
 */
function joinPartial(
  partial: readonly Finding[],
  chosen: ReadonlyMap<string, Finding>,
  into: { assessment: Record<string, unknown>; sources: Map<string, BundleResource>; issues: Issue[] },
): void {
  const byField = new Map<string, Finding[]>();
  for (const finding of partial) byField.set(finding.field, [...(byField.get(finding.field) ?? []), finding]);
  for (const [field, findings] of byField) {
    const whole = chosen.get(field);
    if (whole !== undefined) {
      const list = Array.isArray(whole.value) ? (whole.value as readonly unknown[]) : [];
      for (const finding of findings)
        for (const member of membersOf(finding).filter((each) => !list.includes(each)))
          into.issues.push(
            fhirIssue(
              codes.conflict,
              finding.source.pointer,
              messages.notInList(field, whole.source.label, whole.value, finding.source.label, member),
            ),
          );
      continue;
    }
    const firstSource = new Map<string, BundleResource>();
    for (const finding of findings)
      for (const member of membersOf(finding)) if (!firstSource.has(member)) firstSource.set(member, finding.source);
    const order = (fieldSchema(field).items?.enum ?? []).map(String);
    const members = [...firstSource.keys()].sort((a, b) => order.indexOf(a) - order.indexOf(b));
    setIn(into.assessment, field, members);
    members.forEach((member, index) => {
      const source = firstSource.get(member);
      if (source !== undefined) into.sources.set(`${field}[${String(index)}]`, source);
    });
    const labels = [...new Set(findings.map((finding) => finding.source.label))];
    const message = messages.recordList(field, members, labels);
    into.issues.push(fhirIssue(codes.recordList, findings[0]?.source.pointer ?? "", message, "warning"));
  }
}

function membersOf(finding: Finding): readonly string[] {
  return Array.isArray(finding.value) ? (finding.value as readonly string[]) : [];
}

/**
 * Fallback findings (finding.ts) only for fields nothing else gives, each with its warning;
 * fallbacks that disagree give nothing, with a warning naming them: neither is the patient's
 * account, so the field stays a gap and is asked for.
 */
function withFallbacks(findings: readonly Finding[], issues: Issue[]): Finding[] {
  const given = new Set(findings.filter((finding) => finding.fallback === undefined).map((finding) => finding.field));
  const fallbacks = new Map<string, Finding[]>();
  for (const finding of findings)
    if (finding.fallback !== undefined && !given.has(finding.field))
      fallbacks.set(finding.field, [...(fallbacks.get(finding.field) ?? []), finding]);
  const used = new Set<Finding>();
  for (const [field, candidates] of fallbacks) {
    const [first] = candidates;
    if (first === undefined) continue;
    if (candidates.every((candidate) => candidate.value === first.value)) {
      used.add(first);
      if (first.fallback !== undefined) issues.push(first.fallback);
    } else {
      const labels = candidates.map((candidate) => `${candidate.source.label}: ${show(candidate.value)}`);
      issues.push(
        fhirIssue(codes.conditionOnset, first.source.pointer, messages.fallbacksDisagree(field, labels), "warning"),
      );
    }
  }
  return findings.filter((finding) => finding.fallback === undefined || used.has(finding));
}

function conflict(first: Finding, second: Finding): Issue {
  const message = messages.conflict(second.field, first.source.label, first.value, second.source.label, second.value);
  return fhirIssue(codes.conflict, second.source.pointer, message);
}

/** The full list, `null` for unanswered positions where the schema allows it; else `undefined`. */
function listOf(field: string, items: readonly Finding[]): (Finding["value"] | null)[] | undefined {
  const schema = fieldSchema(field);
  const length = schema.minItems ?? 0;
  const nullable = [schema.items?.type].flat().includes("null");
  const list: (Finding["value"] | null)[] = Array.from({ length }, () => null);
  for (const item of items) {
    const index = Number(itemPattern.exec(item.field)?.[2]);
    if (index < length) list[index] = item.value;
  }
  return nullable || list.every((value) => value !== null) ? list : undefined;
}

/** Sets a dotted path, creating the objects on the way (paths come from our own mappings). */
function setIn(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split(".");
  const last = keys.pop() ?? path;
  let node = target;
  for (const key of keys) {
    const next = node[key];
    node = (typeof next === "object" && next !== null ? next : (node[key] = {})) as Record<string, unknown>;
  }
  node[last] = value;
}

/** Top-level fields in the schema's order, so the assessment reads like the examples. */
function inSchemaOrder(assessment: Record<string, unknown>): Record<string, unknown> {
  const order = Object.keys(assessmentSchema.properties ?? {});
  return Object.fromEntries(Object.entries(assessment).sort(([a], [b]) => order.indexOf(a) - order.indexOf(b)));
}
