/**
 * Fuzz: mutated assessments (values and JSON/YAML texts) through `safeParseAssessment`,
 * `engine.safeRecommend` and the node-side text parser. Never a throw (but the text parser's
 * documented `AssessmentError`); no plan for an invalid assessment; every plan valid and
 * deterministic; every message printable.
 */
import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { AssessmentError, formatIssue, type Issue, type Result } from "../../src/core/errors.js";
import { generateCohort } from "../../src/authoring/cohort/index.js";
import { createEngine } from "../../src/core/run/engine.js";
import { safeParseAssessment } from "../../src/core/run/assessment/index.js";
import type { Plan } from "../../src/core/generated/types.js";
import { validatePlan } from "../../src/core/generated/validators.js";
import { compileRuleset } from "../../src/core/load/index.js";
import { readAssessmentText } from "../../src/node/index.js";
import { validAssessmentArb } from "../arbitraries/assessment.js";
import { bundledFiles } from "../properties/bundled-pack.js";
import { FUZZ_SEED, caseSeed, fuzzParameters, isPrintable, mutateText, mutateValue, random } from "./mutate.js";

const engine = createEngine(compileRuleset(bundledFiles));
const profiles = [undefined, ...engine.ruleset.profiles.map((p) => p.id), "no-such-profile"];

const exampleFiles = readdirSync("examples")
  .filter((name) => /\.(ya?ml|json)$/.test(name))
  .map((name) => ({ name, text: readFileSync(`examples/${name}`, "utf8") }));

const seeds: unknown[] = [
  ...exampleFiles.map(({ text, name }) => readAssessmentText(text, name)),
  ...generateCohort(40, FUZZ_SEED),
  ...fc.sample(validAssessmentArb, { seed: FUZZ_SEED, numRuns: 40 }),
];

/**
 * An issue is data (its message may quote the input); what a person sees is `formatIssue`, which
 * must never carry a control character or an unbounded line.
 */
function expectPrintable(issues: readonly Issue[]): void {
  for (const issue of issues) {
    const shown = formatIssue(issue);
    expect(isPrintable(shown, 2500), `unprintable: ${JSON.stringify(shown.slice(0, 300))}`).toBe(true);
  }
}

/** The invariants of one input: no throw, no plan when invalid, a valid deterministic plan when valid. */
function checkInput(input: unknown, profile: string | undefined): void {
  const parsed = safeParseAssessment(input);
  const options = profile === undefined ? {} : { profile };
  const first: Result<Plan> = engine.safeRecommend(input, options);
  if (!parsed.ok) {
    expectPrintable(parsed.issues);
    expect(first.ok).toBe(false);
  }
  if (!first.ok) {
    expect("value" in first).toBe(false);
    expect(first.issues.length).toBeGreaterThan(0);
    expectPrintable(first.issues);
    return;
  }
  expect(parsed.ok).toBe(true);
  expectPrintable(first.warnings);
  expect(validatePlan(first.value), JSON.stringify(validatePlan.errors)).toBe(true);
  const second = engine.safeRecommend(input, options);
  expect(second.ok && JSON.stringify(second.value)).toBe(JSON.stringify(first.value));
}

describe("fuzz: assessments", () => {
  it("mutated assessment values: no throw, no plan for invalid input, valid deterministic plans", () => {
    fc.assert(
      fc.property(caseSeed, (seed) => {
        const r = random(seed);
        const input = mutateValue(r.pick(seeds), r, 1 + r.int(4), true);
        checkInput(input, r.pick(profiles));
      }),
      fuzzParameters,
    );
  }, 120_000);

  it("mutated JSON and YAML texts through readAssessmentText, then the engine", () => {
    fc.assert(
      fc.property(caseSeed, (seed) => {
        const r = random(seed);
        const value = r.chance(0.3) ? mutateValue(r.pick(seeds), r, 1 + r.int(2)) : r.pick(seeds);
        const yaml = r.chance(0.5);
        const text = yaml ? stringify(value) : (JSON.stringify(value, null, r.pick([0, 2])) as string | undefined);
        const name = yaml ? "case.yaml" : r.pick(["case.json", "-"]);
        const mutated = mutateText(text ?? "", r, 1 + r.int(3));
        let input: unknown;
        try {
          input = readAssessmentText(mutated, name);
        } catch (error) {
          // The text parser's one documented failure: an AssessmentError naming every problem.
          expect(error).toBeInstanceOf(AssessmentError);
          expectPrintable((error as AssessmentError).issues);
          return;
        }
        checkInput(input, undefined);
      }),
      fuzzParameters,
    );
  }, 120_000);
});
