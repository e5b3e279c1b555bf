/**
 * What the rulebook says around the data, shared by the Markdown and HTML renderings so both say
 * the same things; each lays them out (and escapes them) its own way.
 */
import type { Measure } from "../scenarios/coverage.js";
import { categoryWord } from "./action-text.js";
import type { Clause, ListLead } from "./condition-text.js";
import type { ComponentEntry, Count, RuleEntry, RuleTests, Rulebook, WithholdingRule } from "./model.js";

/** Past this many, the scenarios that fired a rule are counted rather than named. */
const MAX_SCENARIOS_NAMED = 6;

/** The major sections, in order: anchor and heading. */
export const SECTIONS = {
  reading: { anchor: "how-to-read", title: "How to read this rulebook" },
  signOff: { anchor: "sign-off", title: "Sign-off" },
  summary: { anchor: "summary", title: "Summary" },
  rules: { anchor: "rules", title: "Rules" },
  profiles: { anchor: "profiles", title: "Profiles and where they differ" },
  components: { anchor: "components", title: "Component catalog" },
  evidence: { anchor: "evidence", title: "Evidence catalog" },
  tests: { anchor: "scenario-tests", title: "Scenario tests" },
  inactive: { anchor: "inactive-rules", title: "Inactive rules (not run)" },
} as const;

export function documentTitle(book: Rulebook): string {
  return `Rulebook: ${book.pack.name} ${book.pack.version}`;
}

/** An anchor for an item of the document: `rule-emergency-cauda-equina`, `topic-safety-yaml`. */
export function anchor(
  kind: "rule" | "component" | "contraindication" | "evidence" | "topic" | "profile",
  id: string,
): string {
  return `${kind}-${id.replace(/[^A-Za-z0-9_-]/g, "-")}`;
}

export const READING_GUIDE: readonly string[] = [
  "Each rule is stated in one sentence: “When ⟨condition⟩: ⟨what the plan gets⟩.” Conditions name the " +
    "assessment's answers and scores in words; ≥, >, ≤ and < compare numbers; “include” means a list (such as " +
    "the treatments the patient asks for) holds a value. A long condition is set out as a list: every item " +
    "under “all of” must hold, at least one under “any of”.",
  "A missing answer is never read as normal: a rule that depends on it is undetermined, and the plan lists the " +
    "missing answer as a data gap.",
  "Rules run from the highest priority down; rules of equal priority see the same state. Withholding beats " +
    "adding, and a halt keeps only what the halting priority added. “Components already in the plan” means " +
    "what higher priorities added and nothing withheld.",
  "Reasons and details are shown as written; ⟨…⟩ marks where the plan inserts the patient's own value. Details " +
    "listed under a rule's component are that rule's own and override the catalog's defaults.",
  "A component's contraindications say when it must never be in a plan, whichever rule, request or profile " +
    "adds it: the plan withholds it when one holds, and also when one cannot be decided because an answer is " +
    "missing (never assumed safe; the answer is then a data gap). Each component lists what guards it: its " +
    "contraindications and the rules that withhold it or its whole category.",
  "Each rule lists its evidence with certainty and caveats, its governance (status, owner, review), where it is " +
    "written, and what the scenario tests showed: the scenarios in which it fired, and any condition or " +
    "threshold no scenario tested. A rule fires when its condition holds; a halt or a withholding rule may still " +
    "keep what it adds out of the plan.",
  "The digest identifies exactly the rules reviewed: every plan made by them carries the same digest.",
];

export const SIGN_OFF_TEXT =
  "By signing, the reviewer confirms that the rules, reasons and evidence in this document, identified by the " +
  "digest, are clinically appropriate for use as decision support.";

export const SIGN_OFF_COLUMNS = ["Reviewer (name and role)", "Date", "Signature", "Decision / comments"] as const;
export const SIGN_OFF_ROWS = 3;

const WHEN_LEADS: Readonly<Record<ListLead, string>> = {
  "all of": "all of these hold",
  "any of": "any of these holds",
  "not all of": "not all of these hold",
  "none of": "none of these holds",
  not: "this does not hold",
};

/** The words before a condition set out as a list, at the top of a rule's sentence. */
export function whenLead(lead: ListLead): string {
  return `When ${WHEN_LEADS[lead]}:`;
}

/** The words before a contraindication's condition set out as a list. */
export function contraindicationLead(lead: ListLead): string {
  return `Never in a plan when ${WHEN_LEADS[lead]}:`;
}

/** A contraindication in one line, when its condition fits on a line. */
export function contraindicationSentence(when: Extract<Clause, { kind: "phrase" }>): string {
  return `Never in a plan when ${when.text}.`;
}

/** What a component's guard line says when nothing guards it. */
export const UNGUARDED = "no contraindication and no withholding rule";

/**
 * What a withholding rule on a component's guard line withholds, when it is the whole category:
 * `all adjunct components`; undefined for a rule that names the component.
 */
export function reachNote({ reach }: WithholdingRule, component: ComponentEntry): string | undefined {
  return reach === "category" ? `all ${categoryWord(component.category)} components` : undefined;
}

/** The one-line form of a rule, when its condition fits on a line. */
export function ruleSentence(entry: RuleEntry, when: Extract<Clause, { kind: "phrase" }>): string {
  return `When ${when.text}: ${entry.action}.`;
}

/** `Priority 500`, `Status active`, …: the rule's facts for the line under its heading. */
export function ruleFacts(entry: RuleEntry): [string, string][] {
  const { status, owner, reviewedBy, reviewedOn, reviewDue } = entry.governance;
  const by = reviewedBy === undefined ? [] : [`by ${reviewedBy}`];
  const on = reviewedOn === undefined ? [] : [`on ${reviewedOn}`];
  const profiles: [string, string][] = entry.readsProfile
    ? [["Profiles", entry.neverUnder.length === 0 ? "reads the profile" : `never under ${entry.neverUnder.join(", ")}`]]
    : [];
  return [
    ["Priority", String(entry.priority)],
    ["Status", status],
    ["Owner", owner ?? "not recorded"],
    ["Reviewed", [...by, ...on].join(" ") || "not recorded"],
    ["Review due", reviewDue ?? "not recorded"],
    ...profiles,
    ["Source", entry.source],
  ];
}

/** What the tests showed of a rule, in two sentences (the scenarios that fired it are listed apart). */
export function testLines(tests: RuleTests, scenarios: number): [string, string] {
  const fired = tests.firedIn.length;
  const thresholds =
    tests.thresholds.total === 0
      ? "no numeric thresholds"
      : `numeric thresholds tested on both sides: ${count(tests.thresholds)}`;
  return [
    fired === 0 ? "Never fired in a scenario test." : `Fired in ${fired} of ${scenarios} scenarios.`,
    `Comparisons seen both true and false: ${count(tests.conditions)}; ${thresholds}.`,
  ];
}

/** The scenarios to name for a rule, and how many more fired it. */
export function namedScenarios(tests: RuleTests): { named: RuleTests["firedIn"]; more: number } {
  const named = tests.firedIn.slice(0, MAX_SCENARIOS_NAMED);
  return { named, more: tests.firedIn.length - named.length };
}

/** The summary's lines: what the pack holds, how its tests went, their coverage. */
export function summaryLines(book: Rulebook): string[] {
  const rules = book.topics.reduce((n, t) => n + t.rules.length, 0);
  const contraindications = book.components.reduce((n, c) => n + c.contraindications.length, 0);
  const { tests } = book;
  const { coverage } = tests;
  return [
    `${rules} rules in ${book.topics.length} topics (and ${book.inactive.length} inactive), ` +
      `${book.components.length} components (${contraindications} contraindications), ${book.evidence.length} sources, ` +
      `${book.profiles.profiles.length} profiles.`,
    `${tests.scenarios.length} scenario tests: ${tests.passed} passed, ${tests.failed} failed, ${tests.invalid} invalid.`,
    `Rules fired by a scenario: ${measure(coverage.rules)}. Comparisons seen both true and false: ${measure(coverage.conditions)}.`,
    `Numeric thresholds tested on both sides: ${measure(coverage.thresholds)}; ` +
      `with scenarios right at the boundary: ${measure(coverage.boundaries)}.`,
  ];
}

/** The warning for a rulebook that shows draft rules as running. */
export function draftsWarning(book: Rulebook): string | undefined {
  const { drafts } = book.pack;
  if (drafts.length === 0) return undefined;
  const rules = drafts.length === 1 ? "rule" : "rules";
  return `This rulebook includes ${drafts.length} draft ${rules} as if they ran (${drafts.join(", ")}): for review, not for care.`;
}

function count({ covered, total }: Count): string {
  return `${covered} of ${total}`;
}

function measure(m: Measure): string {
  return `${m.covered} of ${m.total} (${m.percent}%)`;
}
