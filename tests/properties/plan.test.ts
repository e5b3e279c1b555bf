/**
 * Laws every plan obeys, over generated assessments on the engine's own pack (fast-check, ≥ 1,000 runs
 * each): red-flag halts dominate, every component is traceable to a fired rule and real evidence,
 * and data gaps are honest (never a field the assessment has; filling one can change an outcome).
 */
import fc from "fast-check";
import set from "lodash/set.js";
import { describe, expect, it } from "vitest";
import assessmentSchema from "../../schemas/assessment.schema.json" with { type: "json" };
import { createEngine } from "../../src/core/run/engine.js";
import type { Assessment, Plan } from "../../src/core/generated/types.js";
import { validatePlan } from "../../src/core/generated/validators.js";
import { validAssessmentArb } from "../arbitraries/assessment.js";
import { enginePack as ruleset } from "../fixtures/engine-pack.js";

const engine = createEngine(ruleset);
const RUNS = { numRuns: 1000 };
const profileArb = fc.constantFrom(...ruleset.profiles.map((p) => p.id));

/** Generated assessments, half of them with a cauda equina flag so halts are common. */
const assessmentArb = fc
  .tuple(validAssessmentArb, fc.boolean())
  .map(([a, flag]) => (flag ? { ...a, redFlags: { ...a.redFlags, saddleAnaesthesia: true } } : a));

describe("plan laws on the engine pack", () => {
  it("every plan validates against schemas/plan.schema.json", () => {
    fc.assert(
      fc.property(assessmentArb, profileArb, (assessment, profile) => {
        const plan = engine.recommend(assessment, { profile });
        expect(validatePlan(plan), JSON.stringify(validatePlan.errors)).toBe(true);
      }),
      RUNS,
    );
  });

  it("a halting rule's plan holds no component added only below its priority", () => {
    fc.assert(
      fc.property(assessmentArb, profileArb, (assessment, profile) => {
        const plan = engine.recommend(assessment, { profile });
        const halting = ruleset.rules.filter((r) => r.halt !== undefined && outcomeOf(plan, r.id) === "fired");
        expect(plan.status === "urgent").toBe(halting.length > 0);
        if (halting.length === 0) return;
        const cutoff = Math.max(...halting.map((r) => r.priority));
        for (const component of plan.components)
          for (const reason of component.reasons) expect(priorityOf(reason.rule)).toBeGreaterThanOrEqual(cutoff);
      }),
      RUNS,
    );
  });

  it("every component comes from a fired rule that adds it, and cites evidence that exists and the rule cites", () => {
    fc.assert(
      fc.property(assessmentArb, profileArb, (assessment, profile) => {
        const plan = engine.recommend(assessment, { profile });
        for (const component of plan.components) {
          const rules = component.reasons.map((r) => ruleset.rules.find((x) => x.id === r.rule));
          for (const rule of rules) {
            expect(rule && outcomeOf(plan, rule.id)).toBe("fired");
            expect(rule?.add.map((a) => a.component)).toContain(component.id);
          }
          const cited = new Set(rules.flatMap((r) => r?.evidence ?? []));
          for (const evidence of component.evidence) {
            expect(ruleset.evidence.has(evidence.id)).toBe(true);
            expect(cited.has(evidence.id)).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });

  it("no data gap names a field the assessment has", () => {
    fc.assert(
      fc.property(validAssessmentArb, profileArb, (assessment, profile) => {
        const plan = engine.recommend(assessment, { profile });
        for (const gap of plan.dataGaps) expect(has(assessment, gap.fact)).toBe(false);
      }),
      RUNS,
    );
  });

  it("filling a reported data gap (with the other answers its rules wait on) can change some rule's outcome or a contraindication screen", () => {
    let gapsChecked = 0;
    fc.assert(
      fc.property(validAssessmentArb, profileArb, (assessment, profile) => {
        const plan = engine.recommend(assessment, { profile });
        const changesSomething = (answers: ReadonlyMap<string, unknown>): boolean => {
          const filled = [...answers].reduce((a, [field, value]) => fill(a, field, value), assessment);
          const result = engine.safeRecommend(filled, { profile });
          if (!result.ok) return false;
          const screened = (p: Plan) => JSON.stringify(p.withheld.map((w) => [w.id, w.rule, w.unscreened ?? false]));
          return (
            result.value.trace.some((t, i) => t.outcome !== plan.trace[i]?.outcome) ||
            screened(result.value) !== screened(plan)
          );
        };
        for (const gap of plan.dataGaps) {
          // Some answers decide nothing alone (a derived count needs all its inputs): fill the
          // gap alone first, then together with the gaps of the same rules, each at its i-th value.
          const partners = plan.dataGaps.filter((g) => g !== gap && g.rules.some((r) => gap.rules.includes(r)));
          const changes = candidatesFor(gap.fact).some(
            (value, i) =>
              changesSomething(new Map([[gap.fact, value]])) ||
              changesSomething(
                new Map([
                  ...partners.map((p): [string, unknown] => {
                    const values = candidatesFor(p.fact);
                    return [p.fact, values[i % values.length]];
                  }),
                  [gap.fact, value],
                ]),
              ),
          );
          expect(changes, `filling ${gap.fact} changes nothing`).toBe(true);
          gapsChecked++;
        }
      }),
      RUNS,
    );
    expect(gapsChecked).toBeGreaterThan(100);
  });
});

function outcomeOf(plan: Plan, rule: string): string | undefined {
  return plan.trace.find((t) => t.rule === rule)?.outcome;
}

function priorityOf(rule: string): number {
  return ruleset.rules.find((r) => r.id === rule)?.priority ?? Number.NaN;
}

function has(assessment: Assessment, field: string): boolean {
  let node: unknown = assessment;
  for (const key of field.split(".")) {
    if (typeof node !== "object" || node === null || !Object.hasOwn(node, key)) return false;
    node = (node as Record<string, unknown>)[key];
  }
  return node !== undefined;
}

/**
 * Collecting an instrument's `items` supersedes whatever partial record it had (a total without
 * item 9, say), so the items replace the instrument's object; any other field is set in place.
 */
function fill(assessment: Assessment, field: string, value: unknown): Assessment {
  const copy = structuredClone(assessment);
  if (field.endsWith(".items")) return set(copy, field.slice(0, -".items".length), { items: value });
  return set(copy, field, value);
}

interface Schema {
  type?: string | string[];
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  minItems?: number;
  properties?: Record<string, Schema>;
  items?: Schema & { enum?: unknown[] };
  prefixItems?: Schema[];
}

/** Values worth trying for an assessment field, read from its schema and the rules' thresholds. */
function candidatesFor(field: string): unknown[] {
  const schema = field
    .split(".")
    .reduce<Schema | undefined>((s, key) => s?.properties?.[key], assessmentSchema as unknown as Schema);
  if (schema === undefined) throw new Error(`no schema for ${field}`);
  if (schema.type === "boolean") return [true, false];
  if (schema.enum) return schema.enum;
  if (schema.type === "array" && schema.items?.enum) return [[], ...schema.items.enum.map((v) => [v])];
  if (schema.type === "array") return answerPatterns(schema);
  const thresholds = ruleset.rules.flatMap((r) => literals(r.when)).filter((v): v is number => typeof v === "number");
  return [
    schema.minimum ?? 0,
    schema.maximum ?? 1000,
    ...thresholds.flatMap((t) => [t - 1, t - 0.1, t, t + 0.1, t + 1]),
  ].filter(
    (v) =>
      v >= (schema.minimum ?? 0) &&
      v <= (schema.maximum ?? Infinity) &&
      (schema.type !== "integer" || Number.isInteger(v)),
  );
}

/** Questionnaire answers: the first k or the last k items at their maximum, the rest at 0. */
function answerPatterns(schema: Schema): number[][] {
  const n = schema.minItems ?? 0;
  const max = (i: number): number => schema.prefixItems?.[i]?.maximum ?? schema.items?.maximum ?? 1;
  const patterns: number[][] = [];
  for (let k = 0; k <= n; k++) {
    patterns.push(Array.from({ length: n }, (_, i) => (i < k ? max(i) : 0)));
    patterns.push(Array.from({ length: n }, (_, i) => (i >= n - k ? max(i) : 0)));
  }
  return patterns;
}

function literals(condition: object): unknown[] {
  if ("all" in condition) return (condition.all as object[]).flatMap(literals);
  if ("any" in condition) return (condition.any as object[]).flatMap(literals);
  if ("not" in condition) return literals(condition.not as object);
  const value = (condition as { value: unknown }).value;
  return Array.isArray(value) ? value : [value];
}
