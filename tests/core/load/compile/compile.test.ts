import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileRuleset } from "../../../../src/core/load/index.js";
import {
  cheapPack,
  comparable,
  minimalPack,
  packOfSize,
  packWith,
  rule,
  ruleFile,
} from "../../../arbitraries/ruleset.js";

describe("compileRuleset on a valid pack", () => {
  it("compiles the minimal pack to the expected ruleset", () => {
    const ruleset = compileRuleset(minimalPack());
    expect(comparable(ruleset)).toEqual({
      name: "test-pack",
      version: "1.0.0",
      digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) as string,
      defaultProfile: "nice-ng59",
      inactive: [],
      drafts: [],
      profiles: [
        { id: "nice-ng59", title: "NICE NG59" },
        { id: "acp-2017", title: "ACP 2017" },
      ],
      components: [
        ["mental-health-referral", expect.objectContaining({ category: "referral", details: { urgency: "routine" } })],
        ["education-reassurance", expect.objectContaining({ category: "education", details: { sessions: 1 } })],
      ],
      evidence: [
        [
          "nice-ng59",
          expect.objectContaining({ certainty: "guideline", url: "https://www.nice.org.uk/guidance/ng59" }),
        ],
        ["kroenke-2001", expect.objectContaining({ certainty: "high", doi: "10.1046/j.1525-1497.2001.016009606.x" })],
      ],
      rules: [
        {
          id: "depression-referral",
          title: "Moderate depression",
          priority: 500,
          when: { all: [{ fact: "phq9.total", operator: "greaterThanInclusive", value: 10 }] },
          test: "compiled",
          add: [{ component: "mental-health-referral", reason: "PHQ-9 total {phq9.total}" }],
          withhold: [],
          evidence: ["kroenke-2001"],
          facts: ["phq9.total"],
          source: { file: "psych.yaml", line: 3, column: 5 },
          governance: { status: "active" },
        },
        {
          id: "education-for-all",
          title: "Education for everyone",
          priority: 100,
          when: { fact: "chronicity", operator: "in", value: ["acute", "subacute", "chronic"] },
          test: "compiled",
          add: [{ component: "education-reassurance", reason: "Everyone is told about the favourable course" }],
          withhold: [],
          evidence: ["nice-ng59"],
          facts: ["chronicity"],
          source: { file: "psych.yaml", line: 14, column: 5 },
          governance: { status: "active" },
        },
      ],
      facts: expect.arrayContaining([
        ["phq9.total", expect.objectContaining({ type: "integer" })],
        ["profile", expect.objectContaining({ origin: "context" })],
      ]) as unknown,
      scenarios: [
        {
          scenario: {
            name: "low mood",
            assessment: { patient: { age: 40 }, pain: { durationWeeks: 2 } },
            expect: { include: ["education-reassurance"] },
          },
          source: { file: "tests/basic.yaml", line: 2, column: 5 },
        },
      ],
      warnings: [],
    });
  });

  it("compiles each condition once, into a three-valued test", () => {
    const [depression] = compileRuleset(minimalPack()).rules;
    expect(depression?.test(new Map([["phq9.total", 12]]))).toBe(true);
    expect(depression?.test(new Map([["phq9.total", 4]]))).toBe(false);
    expect(depression?.test(new Map())).toBe("unknown");
  });

  it("keeps a rule's description and halt when it has them, and omits them when not", () => {
    const halting = rule("stop", { priority: 1000, extra: "description: Stops everything" }).replace(
      "then:\n",
      "then:\n  halt: { reason: Emergency }\n",
    );
    const { rules } = compileRuleset(packWith({ "safety.yaml": ruleFile(halting) }));
    expect(rules[0]).toMatchObject({ id: "stop", description: "Stops everything", halt: { reason: "Emergency" } });
    expect(rules[1]).not.toHaveProperty("description");
    expect(rules[1]).not.toHaveProperty("halt");
  });

  it("sorts rules by priority, highest first, then id, across files", () => {
    const files = packWith({
      "b.yaml": ruleFile(rule("zeta", { priority: 500 }), rule("alpha", { priority: 0 })),
      "a.yaml": ruleFile(rule("beta", { priority: 500 }), rule("gamma", { priority: 1000 })),
    });
    expect(compileRuleset(files).rules.map((r) => `${r.priority} ${r.id}`)).toEqual([
      "1000 gamma",
      "500 beta",
      "500 depression-referral",
      "500 zeta",
      "100 education-for-all",
      "0 alpha",
    ]);
  });

  it("freezes everything, down to conditions and catalog details", () => {
    const ruleset = compileRuleset(minimalPack());
    const rule0 = ruleset.rules[0];
    for (const value of [
      ruleset,
      ruleset.rules,
      rule0,
      rule0?.when,
      rule0?.add,
      rule0?.source,
      ruleset.components,
      ruleset.components.get("education-reassurance")?.details,
      ruleset.facts.get("profile")?.enum,
      ruleset.warnings,
    ]) {
      expect(Object.isFrozen(value)).toBe(true);
    }
    expect(() => (ruleset.rules as unknown[]).push(1)).toThrow(TypeError);
    expect(() =>
      Object.assign(ruleset.components.get("education-reassurance")?.details ?? {}, { sessions: 99 }),
    ).toThrow(TypeError);
  });
});

describe("order independence", () => {
  it("gives a deep-equal ruleset (digest included) for the same files in any order", () => {
    fc.assert(
      fc.property(
        cheapPack.chain((files) =>
          fc.tuple(
            fc.constant(files),
            fc.shuffledSubarray(files, { minLength: files.length, maxLength: files.length }),
          ),
        ),
        ([files, shuffled]) => {
          expect(comparable(compileRuleset(shuffled))).toEqual(comparable(compileRuleset(files)));
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe("performance", () => {
  it("compiles a pack of 50 rules in milliseconds", () => {
    const files = packOfSize(50);
    for (let i = 0; i < 5; i++) compileRuleset(files);
    const times = Array.from({ length: 21 }, () => {
      const start = performance.now();
      compileRuleset(files);
      return performance.now() - start;
    }).sort((a, b) => a - b);
    // Median; generous, so a loaded CI machine does not flake (a quiet laptop: under 10 ms).
    expect(times[10]).toBeLessThan(100);
  });
});
