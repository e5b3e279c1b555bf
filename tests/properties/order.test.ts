/**
 * Determinism: the same rules and assessment give a byte-identical plan whatever the order of the
 * rule files, and the same decisions whatever the order of rules within a file (the digest and
 * the `file:line` in the trace then differ, because the files' text does).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isMap, isSeq, parseDocument } from "yaml";
import { createEngine } from "../../src/core/run/engine.js";
import type { Plan } from "../../src/core/generated/types.js";
import { compileRuleset } from "../../src/core/load/index.js";
import type { RuleFileText } from "../../src/core/load/types.js";
import { validAssessmentArb } from "../arbitraries/assessment.js";
import { enginePackFiles } from "../fixtures/engine-pack.js";

const packFiles = enginePackFiles;
const reference = createEngine(compileRuleset(packFiles));

/** The pack's files in another order, each rule file's rules in another order too. */
const shuffledPackArb = fc
  .tuple(fc.shuffledSubarray(packFiles, { minLength: packFiles.length }), fc.infiniteStream(fc.nat()))
  .map(([files, randoms]) => ({ filesOnly: files, rulesToo: files.map((f) => shuffleRules(f, randoms)) }));

// Compiling the pack takes tens of milliseconds, so 1,000 runs share 30 seeded reorderings, each
// compiled once; every run pairs one of them with a new generated assessment.
const reorderings = fc.sample(shuffledPackArb, { numRuns: 30, seed: 20261123 }).map(({ filesOnly, rulesToo }) => ({
  byFiles: createEngine(compileRuleset(filesOnly)),
  byRules: createEngine(compileRuleset(rulesToo)),
}));

describe("order independence", () => {
  it("gives byte-identical plans whatever the order of the files, and the same decisions whatever the order of rules", () => {
    fc.assert(
      fc.property(fc.constantFrom(...reorderings), validAssessmentArb, ({ byFiles, byRules }, assessment) => {
        const expected = reference.recommend(assessment);
        expect(JSON.stringify(byFiles.recommend(assessment))).toBe(JSON.stringify(expected));
        const decided = withoutPositions(byRules.recommend(assessment));
        expect(JSON.stringify(decided)).toBe(JSON.stringify(withoutPositions(expected)));
      }),
      { numRuns: 1000 },
    );
  });

  it("really reorders: the shuffled packs differ from the original", () => {
    const digests = new Set(reorderings.map(({ byRules }) => byRules.ruleset.digest));
    expect(digests.size).toBeGreaterThan(20);
    expect(digests.has(reference.ruleset.digest)).toBe(false);
  });
});

function shuffleRules(file: RuleFileText, randoms: fc.Stream<number>): RuleFileText {
  const doc = parseDocument(file.text);
  const rules = isMap(doc.contents) ? doc.contents.get("rules") : undefined;
  if (!isSeq(rules)) return file;
  const items = rules.items;
  for (let i = items.length - 1; i > 0; i--) {
    const j = (randoms.next().value as number) % (i + 1);
    [items[i], items[j]] = [items[j] as (typeof items)[number], items[i] as (typeof items)[number]];
  }
  return { path: file.path, text: doc.toString() };
}

function withoutPositions(plan: Plan): unknown {
  return {
    ...plan,
    ruleset: { ...plan.ruleset, digest: "" },
    trace: plan.trace.map(({ source: _source, ...rest }) => rest),
  };
}
