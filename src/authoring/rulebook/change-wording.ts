/**
 * What the change section says around its data, shared by the Markdown and HTML renderings (as
 * `wording.ts` is for the rest of the book).
 */
import type { Clause } from "./condition-text.js";
import type { CatalogChangeEntry, ChangeKind, ChangesEntry, CohortImpactEntry, RuleChangeEntry } from "./model.js";

export const CHANGE_SECTIONS = {
  changes: { anchor: "changes" },
  signOff: { anchor: "changes-sign-off", title: "Sign-off of the changes" },
} as const;

/** `Changes since 1.0.0, digest sha256:3f2a9c1b04de`. */
export function changesTitle(changes: ChangesEntry): string {
  return `Changes since ${changes.base.version}, digest ${shortDigest(changes.base.digest)}`;
}

/** `sha256:` and the first 12 hex digits: enough to tell signed-off versions apart at a glance. */
function shortDigest(digest: string): string {
  const [algorithm, hex] = digest.includes(":") ? digest.split(":", 2) : ["", digest];
  return `${algorithm === "" ? "" : `${algorithm}:`}${(hex ?? "").slice(0, 12)}`;
}

/** The anchor of a rule's change. */
export function changeAnchor(rule: RuleChangeEntry): string {
  return `change-${rule.id.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}

export const CHANGE_KIND_WORDS: Readonly<Record<ChangeKind, string>> = {
  changed: "Changed",
  added: "Added",
  removed: "Removed",
};

/** The section's opening lines: what it compares, and what the edit did on the cohort. */
export function changesIntro(changes: ChangesEntry): string[] {
  const { base } = changes;
  const count = (kind: ChangeKind) => changes.rules.filter((r) => r.change === kind).length;
  const listed =
    changes.rules.length === 0
      ? "no rule was added, removed or changed"
      : `${plural(count("changed"), "rule")} changed, ${count("added")} added, ${count("removed")} removed`;
  return [
    `Compared with the signed-off pack ${base.name} ${base.version} (digest ${base.digest}): ${listed}. ` +
      "Each change shows the parts of the rule that differ, before and after, in the words of this rulebook; " +
      "the rule as it now reads is in its place below.",
    ...(changes.cohort === undefined ? [] : [cohortLine(changes.cohort)]),
  ];
}

function cohortLine(cohort: CohortImpactEntry): string {
  const planned = `${number(cohort.assessments)} generated assessments (seed ${cohort.seed})`;
  if (cohort.changed === 0) return `On a cohort of ${planned}, planned with both packs, no plan changes.`;
  const wording = cohort.changed - cohort.beyondWording;
  return (
    `On a cohort of ${planned}, planned with both packs: ${plural(cohort.changed, "plan")} change, ` +
    `${number(cohort.beyondWording)} in what they decide (status, urgency, components, details, withheld ` +
    `components, data gaps or a rule's outcome) and ${number(wording)} only in wording (reasons, evidence, texts).`
  );
}

/** A rule's figures on the cohort: `On the cohort: fires in 2,046 → 1,702 of 10,000 plans; its outcome changes in 344.` */
export function ruleImpactLine(rule: RuleChangeEntry, cohort: CohortImpactEntry | undefined): string | undefined {
  const { impact } = rule;
  if (impact === undefined || cohort === undefined) return undefined;
  const of = `of ${number(cohort.assessments)} plans`;
  const { firedBefore: before, firedAfter: after, outcomeChanged } = impact;
  const fires =
    before === null && after === null
      ? "runs in neither version"
      : before === null
        ? `now runs, fires in ${number(after ?? 0)} ${of}`
        : after === null
          ? `no longer runs, fired in ${number(before)} ${of}`
          : before === after
            ? `fires in ${number(after)} ${of}, as before`
            : `fires in ${number(before)} → ${number(after)} ${of}`;
  const outcome =
    outcomeChanged === 0
      ? "its outcome changes in no plan"
      : `its outcome changes in ${plural(outcomeChanged, "plan")}`;
  return `On the cohort: ${fires}; ${outcome}.`;
}

/** The heading of the before/after columns. */
export function beforeAfterColumns(changes: ChangesEntry): [string, string, string] {
  return ["Part", `Before (${changes.base.version})`, "After"];
}

/** What a missing side of a part shows. */
export const NO_PART = "none";

/** One catalog change in a line: `“Exercise” (exercise): changed: description, patient text.` */
export function catalogLine(entry: CatalogChangeEntry): string {
  const name = entry.title === entry.id ? entry.id : `“${entry.title}” (${entry.id})`;
  return entry.change === "changed" ? `${name}: changed ${entry.fields.join(", ")}.` : `${name}: ${entry.change}.`;
}

export const SIGN_OFF_CHANGES_TEXT =
  "The reviewer accepts or rejects each change above, one row each; the edited pack is signed off when every " +
  "change is accepted.";

export const CHANGE_SIGN_OFF_COLUMNS = [
  "Rule",
  "Change",
  "Reviewer",
  "Decision (accept / reject)",
  "Date",
  "Comment",
] as const;

/** A clause on one line, for a table cell: `all of: A; B; any of: (C; D)`. */
export function clauseLine(clause: Clause, nested = false): string {
  if (clause.kind === "phrase") return clause.text;
  const inner = `${clause.lead}: ${clause.items.map((item) => clauseLine(item, true)).join("; ")}`;
  return nested ? `(${inner})` : inner;
}

/** `10,000`: digits grouped by three, the same on every machine (no locale). */
function number(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function plural(n: number, word: string): string {
  return `${number(n)} ${word}${n === 1 ? "" : "s"}`;
}
