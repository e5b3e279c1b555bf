import type { FactDefinition } from "../../run/facts/types.js";
import type { Condition, Rule } from "../../generated/types.js";
import { issue } from "../issue.js";
import { thresholdTextDrift } from "../messages.js";
import type { Check } from "./check.js";

type Direction = "up" | "down";
/** A bound as written or tested: `> 14` is `{ up, 14, strict }`. */
interface Bound {
  readonly direction: Direction;
  readonly value: number;
  readonly strict: boolean;
}

/**
 * A threshold is written twice, in the condition and in the rule's prose, and the two drift
 * apart: a value changed to 15 under a title still saying "> 14". This compares each comparison
 * written in a rule's title, description or reasons (`> 14`, `≥ 10`, `at least 4`, `6 or more`)
 * with the rule's numeric conditions in the same direction. It speaks only when none of them
 * says the same (for whole-number facts `> 14` is `≥ 15`) and exactly one lies within 2 of it:
 * then the text very likely describes that threshold, and one of the two is out of date. Other
 * numbers (durations, ages, item counts of another measure) are left alone.
 *
 * A warning, not an error: what runs is the condition, and the plan's reasons show the patient's
 * values, so a drifted title misleads the reviewer but changes no plan; the author may also mean
 * it (a description quoting another source's cut-off), which `intentionalThresholds: ["> 15"]`
 * on the rule says, for that comparison alone.
 */
export const thresholdText: Check = {
  name: "threshold-text",
  description:
    'Warns when a threshold written in a rule\'s title, description or reasons ("> 14") is not the one its ' +
    "condition tests (value: 15); a rule's `intentionalThresholds` lists the comparisons that differ on purpose.",
  run({ rules, facts }) {
    return rules.items.flatMap(({ value: rule, file, pointer }) => {
      // Not among the parts every check relies on: read it warily.
      const accepted = (rule as Partial<Pick<Rule, "intentionalThresholds">>).intentionalThresholds ?? [];
      const tested = conditionBounds(rule.when, facts, false);
      return textsOf(rule, pointer).flatMap(({ text, pointer: at, field }) =>
        writtenBounds(text).flatMap(({ written, bound, unit }) => {
          if (accepted.some((a) => a.replace(/\s+/g, "") === written.replace(/\s+/g, ""))) return [];
          const integer = tested.filter((t) => t.bound.direction === bound.direction && measures(t.fact, unit));
          if (integer.some((t) => same(t.bound, bound, t.integer))) return [];
          const near = integer.filter((t) => Math.abs(lower(t.bound, t.integer) - lower(bound, t.integer)) <= 2);
          if (near.length !== 1 || near[0] === undefined) return [];
          const { fact, operator, value } = near[0];
          return [
            issue(thresholdTextDrift, file.placeOfText(at, written), {
              rule: rule.id,
              field,
              written,
              fact,
              operator,
              value,
            }),
          ];
        }),
      );
    });
  },
};

interface Tested {
  readonly fact: string;
  readonly operator: string;
  readonly value: number;
  readonly bound: Bound;
  readonly integer: boolean;
}

const OPERATOR_BOUNDS: Readonly<Record<string, Omit<Bound, "value">>> = {
  greaterThan: { direction: "up", strict: true },
  greaterThanInclusive: { direction: "up", strict: false },
  lessThan: { direction: "down", strict: true },
  lessThanInclusive: { direction: "down", strict: false },
};

/** The numeric comparisons of a condition as bounds; under `not`, `< 6` bounds upwards (`≥ 6`). */
function conditionBounds(condition: Condition, facts: ReadonlyMap<string, FactDefinition>, negated: boolean): Tested[] {
  if ("all" in condition) return condition.all.flatMap((c) => conditionBounds(c, facts, negated));
  if ("any" in condition) return condition.any.flatMap((c) => conditionBounds(c, facts, negated));
  if ("not" in condition) return conditionBounds(condition.not, facts, !negated);
  const shape = OPERATOR_BOUNDS[condition.operator];
  if (shape === undefined || typeof condition.value !== "number") return [];
  const bound: Bound = negated
    ? { direction: shape.direction === "up" ? "down" : "up", strict: !shape.strict, value: condition.value }
    : { ...shape, value: condition.value };
  const integer = facts.get(condition.fact)?.type === "integer";
  return [{ fact: condition.fact, operator: condition.operator, value: condition.value, bound, integer }];
}

/** The least value a bound admits going up (or the most going down), on whole numbers when `integer`. */
function lower({ direction, value, strict }: Bound, integer: boolean): number {
  if (!integer || !strict) return value;
  return direction === "up" ? value + 1 : value - 1;
}

function same(a: Bound, b: Bound, integer: boolean): boolean {
  return integer ? lower(a, true) === lower(b, true) : a.value === b.value && a.strict === b.strict;
}

const NUMBER = String.raw`(\d+(?:\.\d+)?)`;
const DIGIT = /\d/;
/** Comparisons as authors write them, each with the bound it states. */
const WRITTEN: readonly {
  pattern: RegExp;
  bound: (m: RegExpMatchArray) => Omit<Bound, "value"> | undefined;
  at: number;
}[] = [
  {
    pattern: new RegExp(String.raw`(>=|<=|≥|≤|>|<)\s*${NUMBER}`, "gu"),
    bound: ([, symbol = ""]) => ({
      direction: symbol.includes(">") || symbol === "≥" ? "up" : "down",
      strict: symbol.length === 1 && symbol !== "≥" && symbol !== "≤",
    }),
    at: 2,
  },
  {
    pattern: new RegExp(
      String.raw`\b(more than|greater than|above|over|at least|less than|fewer than|under|below|at most)\s+${NUMBER}`,
      "giu",
    ),
    bound: ([, words = ""]) => {
      const w = words.toLowerCase();
      if (w === "at least") return { direction: "up", strict: false };
      if (w === "at most") return { direction: "down", strict: false };
      return { direction: /more|greater|above|over/.test(w) ? "up" : "down", strict: true };
    },
    at: 2,
  },
  {
    pattern: new RegExp(
      String.raw`${NUMBER}(?:\s+([A-Za-z]+))?\s+or\s+(more|over|above|greater|higher|less|fewer|under|below|lower)\b`,
      "giu",
    ),
    bound: ([, , , words = ""]) => ({
      direction: /more|over|above|greater|higher/i.test(words) ? "up" : "down",
      strict: false,
    }),
    at: 1,
  },
];

/** Words after a number that name no measure: "≥ 2 of 6 tests", "> 14 or …". */
const NOT_UNITS: ReadonlySet<string> = new Set([
  "of",
  "or",
  "and",
  "in",
  "on",
  "to",
  "with",
  "at",
  "for",
  "if",
  "the",
  "a",
  "an",
  "is",
  "are",
  "on",
  "than",
]);

/** The comparisons written in `text`, each with the word after its number (`weeks`), if any. */
function writtenBounds(text: string): { written: string; bound: Bound; unit?: string }[] {
  // Every pattern needs a digit; half the texts have none, and the patterns cost most of this check.
  if (!DIGIT.test(text)) return [];
  return WRITTEN.flatMap(({ pattern, bound, at }) =>
    matchesOf(pattern, text).flatMap((match) => {
      const shape = bound(match);
      const value = Number(match[at]);
      if (shape === undefined || !Number.isFinite(value)) return [];
      const after = at === 1 ? match[2] : /^\s*([A-Za-z]+)/.exec(text.slice(match.index + match[0].length))?.[1];
      const unit = after?.toLowerCase();
      return [
        {
          written: match[0],
          bound: { ...shape, value },
          ...(unit === undefined || NOT_UNITS.has(unit) ? {} : { unit }),
        },
      ];
    }),
  );
}

/**
 * The matches of a global pattern, as `text.matchAll(pattern)` gives them, found with the pattern
 * itself: matchAll copies the pattern first (a new RegExp per text, most of this check's time).
 * None of these patterns matches an empty text, so `exec` always moves on.
 */
function matchesOf(pattern: RegExp, text: string): RegExpExecArray[] {
  const matches: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) matches.push(match);
  return matches;
}

/** Whether a fact can be what a number followed by `unit` counts: "6 weeks" and pain.durationWeeks. */
function measures(fact: string, unit: string | undefined): boolean {
  return unit === undefined || fact.toLowerCase().includes(unit.replace(/s$/, ""));
}

/** The prose of a rule that states its thresholds: title, description, and each reason. */
function textsOf(rule: Pick<Rule, "then">, pointer: string): { text: string; pointer: string; field: string }[] {
  const then = `${pointer}/then`;
  // Title and description are not among the parts every check relies on: read them warily.
  const { title, description } = rule as Partial<Pick<Rule, "title" | "description">>;
  return [
    ...(title === undefined ? [] : [{ text: title, pointer: `${pointer}/title`, field: "title" }]),
    ...(description === undefined
      ? []
      : [{ text: description, pointer: `${pointer}/description`, field: "description" }]),
    ...(rule.then.add ?? []).map((a, i) => ({
      text: a.reason,
      pointer: `${then}/add/${i}/reason`,
      field: `reason for ${a.component}`,
    })),
    ...(rule.then.withhold ?? []).map((w, i) => ({
      text: w.reason,
      pointer: `${then}/withhold/${i}/reason`,
      field: "withholding reason",
    })),
    ...(rule.then.halt === undefined
      ? []
      : [{ text: rule.then.halt.reason, pointer: `${then}/halt/reason`, field: "halt reason" }]),
  ];
}
