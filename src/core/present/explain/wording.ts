/**
 * What an explanation says, in words shared by the text and markdown renderings, so both say
 * the same things; each lays them out (and markdown escapes them) its own way.
 */
import { withheldBy } from "../render/summary.js";
import type {
  AdditionMade,
  ContraindicationExplanation,
  Explanation,
  InactiveRule,
  MissingAnswer,
  Outcome,
  RuleExplanation,
} from "./types.js";

/** A titled list of the summary: `Withheld (1)` and its entries. */
export interface Section {
  readonly title: string;
  readonly items: readonly string[];
}

const OUTCOME_WORDS: Readonly<Record<Outcome, string>> = {
  fired: "fired",
  "not-fired": "did not fire",
  undetermined: "undetermined",
};

/** What deciding means for a rule, and for a contraindication, in a missing answer's line. */
interface Decides {
  readonly noun: string;
  readonly yes: string;
  readonly no: string;
}

const RULE: Decides = { noun: "rule", yes: "fire", no: "not fire" };
const CONTRAINDICATION: Decides = { noun: "contraindication", yes: "hold", no: "not hold" };

/** `Explanation of the care plan for assessment chronic-1`. */
export function title(explanation: Explanation): string {
  const who = explanation.assessmentId === undefined ? "" : ` for assessment ${explanation.assessmentId}`;
  return `Explanation of the care plan${who}`;
}

/** The profile, the rules and the status, one line each. */
export function overview({ profile, ruleset, summary }: Explanation): string[] {
  const { name, version, digest, drafts = [] } = ruleset;
  const { fired, notFired, undetermined } = summary.outcomes;
  const ran = fired + notFired + undetermined;
  return [
    `Profile ${profile}; rules ${name} ${version} (${digest.slice(0, 19)}…)`,
    ...(drafts.length === 0 ? [] : [`Draft rules ran: ${drafts.join(", ")} (a plan for review, not for care)`]),
    `Status: ${status(summary)}`,
    `${ran} rules ran: ${fired} fired, ${notFired} did not fire, ${undetermined} undetermined`,
  ];
}

/** `urgent, halted by rule cauda: until excluded`; `incomplete, 2 missing answers could change this plan`. */
function status({ status, halt, dataGaps }: Explanation["summary"]): string {
  switch (status) {
    case "urgent":
      return halt === undefined ? status : `urgent, halted by rule ${halt.rule}: ${halt.reason}`;
    case "incomplete":
      return `incomplete, ${dataGaps.length} missing ${dataGaps.length === 1 ? "answer" : "answers"} could change this plan`;
    case "complete":
      return status;
  }
}

/** The plan's components, withheld components and data gaps. */
export function summarySections({ summary }: Explanation): Section[] {
  const rules = (ids: readonly string[]) => `${ids.length === 1 ? "rule" : "rules"} ${ids.join(", ")}`;
  return [
    {
      title: `Recommended (${summary.components.length})`,
      items: summary.components.map((c) => `${c.id}: ${c.title} (${rules(c.rules)})`),
    },
    {
      title: `Withheld (${summary.withheld.length})`,
      items: summary.withheld.map(
        (w) => `${w.id}${w.unscreened === true ? " (not screened)" : ""}: ${w.reason} (${withheldBy(w)})`,
      ),
    },
    {
      title: `Data gaps (${summary.dataGaps.length})`,
      items: summary.dataGaps.map((g) => `${g.fact} (${g.concern}): ${g.reason}`),
    },
  ];
}

/** `did not fire: emergency-cauda-equina, Suspected cauda equina syndrome`. */
export function ruleHeading(rule: RuleExplanation): string {
  return `${OUTCOME_WORDS[rule.outcome]}: ${rule.rule}, ${rule.title}`;
}

/** `priority 1000, safety.yaml:12`. */
export function ruleWhere(rule: { readonly priority: number; readonly source: string }): string {
  return `priority ${rule.priority}, ${rule.source}`;
}

/** Why the rule decided so: one sentence a line. */
export function ruleDetails(rule: RuleExplanation): string[] {
  const texts = (findings: readonly { text: string }[]) => findings.map((f) => f.text).join("; ");
  const lines: string[] = [];
  switch (rule.outcome) {
    case "fired":
      lines.push(`because ${texts(rule.because)}`);
      for (const a of rule.adds) lines.push(`adds ${a.component}: ${a.reason}${fate(a)}`);
      for (const w of rule.withholds) {
        const what = w.component ?? `category ${w.category ?? ""}`;
        const which = w.withheld.length === 0 ? "nothing in this plan" : w.withheld.join(", ");
        lines.push(`withholds ${what}: ${w.reason} (withheld here: ${which})`);
      }
      if (rule.halts !== undefined) lines.push(`halts the plan: ${rule.halts}`);
      if (rule.evidence.length > 0) lines.push(`evidence: ${rule.evidence.join(", ")}`);
      break;
    case "not-fired": {
      const [first, ...others] = rule.failed;
      if (first !== undefined) lines.push(`failed: ${first.text}`);
      if (others.length > 0) lines.push(`also false: ${texts(others)}`);
      break;
    }
    case "undetermined":
      lines.push(`waits on ${texts(rule.open)}`);
      lines.push(...rule.missing.map((answer) => missingLine(answer, RULE)));
      break;
  }
  if (rule.belowHaltOf !== undefined)
    lines.push(`below the halt by rule ${rule.belowHaltOf}: the halt overrides what this rule decides`);
  return lines;
}

/** What became of a component a fired rule added, when the plan does not hold it. */
function fate({ withheldBy: by }: AdditionMade): string {
  if (by === undefined) return "";
  if (by.unscreened === true) return ` (${by.reason})`;
  if (by.rule.startsWith("contraindication:")) return ` (contraindicated: ${by.reason})`;
  return ` (withheld by rule ${by.rule}: ${by.reason})`;
}

/** `holds: manipulation-osteoporosis, Osteoporosis`. */
export function contraindicationHeading(c: ContraindicationExplanation): string {
  return `${c.outcome}: ${c.contraindication}, ${c.title}`;
}

/** Why the contraindication decided so, one sentence a line, as `ruleDetails` says it of a rule. */
export function contraindicationDetails(c: ContraindicationExplanation): string[] {
  const texts = (findings: readonly { text: string }[]) => findings.map((f) => f.text).join("; ");
  switch (c.outcome) {
    case "holds":
      return [`because ${texts(c.because)}`, `contraindicates ${c.component}: ${c.reason}`];
    case "clear": {
      const [first, ...others] = c.failed;
      return [
        ...(first === undefined ? [] : [`failed: ${first.text}`]),
        ...(others.length === 0 ? [] : [`also false: ${texts(others)}`]),
      ];
    }
    case "undetermined":
      return [`waits on ${texts(c.open)}`, ...c.missing.map((answer) => missingLine(answer, CONTRAINDICATION))];
  }
}

/**
 * `missing questionnaires.phq9.items (for phq9.total): alone it could make the rule fire or not
 * fire; a data gap of this plan`.
 */
function missingLine(answer: MissingAnswer, decides: Decides): string {
  const facts = answer.facts.length === 1 && answer.facts[0] === answer.field ? [] : [`for ${answer.facts.join(", ")}`];
  const others = answer.with.length === 0 ? [] : [`with ${answer.with.join(", ")}`];
  const supplies = facts.length + others.length === 0 ? "" : ` (${[...facts, ...others].join(", ")})`;
  const alone = answer.alone.map((o) => (o === "fired" ? decides.yes : decides.no)).join(" or ");
  const effect =
    alone === "" ? `alone it cannot decide the ${decides.noun}` : `alone it could make the ${decides.noun} ${alone}`;
  const gap = answer.dataGap ? "a data gap of this plan" : "no data gap: answering it cannot change this plan";
  return `missing ${answer.field}${supplies}: ${effect}; ${gap}`;
}

/** `draft: new-threshold, A new threshold`. */
export function inactiveHeading(rule: InactiveRule): string {
  return `not run (${rule.status}): ${rule.rule}, ${rule.title}`;
}
