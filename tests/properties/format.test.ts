/**
 * `fmt`'s laws, over packs whose files are rewritten in random layouts (tests/arbitraries/
 * layout.ts: any key order, flow or block, scalar styles, blank lines, comments, indentation):
 * the formatted file holds the same data and every comment, formatting it again changes nothing,
 * a schema modeline on line 1 stays there, and the pack decides exactly as before: the same
 * rules, components, evidence and profiles, and the same plan for generated assessments. Only
 * positions (`file:line`, also cited in warnings) and the digest, which hashes the text, differ.
 *
 * Packs come from a seeded pool (the minimal pack with anchored scenarios and a richer rule file,
 * and generated packs), each compiled once; a run rewrites one file of one pack.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createEngine } from "../../src/core/run/engine.js";
import { formatIssue } from "../../src/core/errors.js";
import { formatRuleFile } from "../../src/authoring/format/index.js";
import { compileRuleset } from "../../src/core/load/index.js";
import type { RuleFileText } from "../../src/core/load/types.js";
import { validAssessmentArb } from "../arbitraries/assessment.js";
import { messyLayout } from "../arbitraries/layout.js";
import { cheapPack, minimalPack } from "../arbitraries/ruleset.js";
import { described, packDecisions, withoutPositions } from "../authoring/format/format-helpers.js";

/** Scenarios sharing parts through anchors, written out of order. */
const ANCHORED = `scenarios:
  - name: base
    assessment: { patient: &woman { age: 40, sex: female }, pain: &acute { durationWeeks: 3 } }
    expect: &advice { include: [education-reassurance] }
  - expect: *advice
    assessment: { pain: *acute, patient: *woman }
    name: same again
`;

/** A rule file with what the minimal pack lacks: a header, folded texts, nesting, governance keys. */
const RICH = `# yaml-language-server: $schema=../schemas/rules.schema.json
# Advice rules.
description: >-
  Advice for everyone under the default profile,
  as the guideline says.
rules:
  # ── 350 ──
  - id: advice-unless-referred
    title: "NICE: advice unless a referral is already planned"
    status: active
    owner: clinical authors # the team
    priority: 350
    when:
      all:
        - { fact: profile, operator: equal, value: nice-ng59 }
        - not: { fact: plan.categories, operator: contains, value: referral }
    then:
      add:
        - component: education-reassurance
          reason: >-
            NICE NG59 offers advice to everyone, and the plan ({plan.components}) had
            no referral
          details: { sessions: 2 }
      withhold:
        - { category: adjunct, reason: only with exercise }
    evidence: [nice-ng59]
`;

const POOL: readonly RuleFileText[][] = [
  [...minimalPack(), { path: "tests/anchored.yaml", text: ANCHORED }, { path: "advice.yaml", text: RICH }],
  ...fc.sample(cheapPack, { numRuns: 30, seed: 20_261_123 }),
];
const COMPILED = POOL.map((files) => {
  const ruleset = compileRuleset(files);
  return { engine: createEngine(ruleset), decisions: packDecisions(ruleset) };
});

/** A pack of the pool by index, with one of its files (`rewritten`) in a random layout. */
const messyPack: fc.Arbitrary<{ index: number; rewritten: number; files: RuleFileText[] }> = fc
  .nat({ max: POOL.length - 1 })
  .chain((index) => {
    const files = POOL[index] ?? [];
    return fc.nat({ max: files.length - 1 }).chain((rewritten) =>
      messyLayout(files[rewritten]?.text ?? "").map((text) => ({
        index,
        rewritten,
        files: files.map((file, i) => (i === rewritten ? { path: file.path, text } : file)),
      })),
    );
  });

/** Formatted texts by path and text: the files not rewritten recur, and are formatted once. */
const formattedTexts = new Map<string, string>();

function formatted({ path, text }: RuleFileText): string {
  const key = `${path}\0${text}`;
  let value = formattedTexts.get(key);
  if (value === undefined) {
    const result = formatRuleFile(path, text);
    if (!result.ok) throw new Error(result.issues.map(formatIssue).join("\n"));
    value = result.value;
    formattedTexts.set(key, value);
  }
  return value;
}

describe("fmt laws", () => {
  it("keeps every file's data and comments, is idempotent, and keeps what the pack decides", () => {
    fc.assert(
      fc.property(
        messyPack,
        fc.array(validAssessmentArb, { minLength: 1, maxLength: 2 }),
        ({ index, rewritten, files }, assessments) => {
          const messy = files[rewritten] ?? { path: "", text: "" };
          const once = formatted(messy);
          expect(described(once)).toEqual(described(messy.text));
          expect(formatted({ path: messy.path, text: once })).toBe(once);
          const modeline = messy.text.split("\n")[0] ?? "";
          if (modeline.startsWith("# yaml-language-server:")) expect(once.split("\n")[0]).toBe(modeline);

          const before = COMPILED[index];
          if (before === undefined) throw new Error(`no pack ${index} in the pool`);
          const after = compileRuleset(files.map((file) => ({ path: file.path, text: formatted(file) })));
          expect(packDecisions(after)).toEqual(before.decisions);
          const engine = createEngine(after);
          for (const assessment of assessments) {
            expect(withoutPositions(engine.recommend(assessment))).toEqual(
              withoutPositions(before.engine.recommend(assessment)),
            );
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
