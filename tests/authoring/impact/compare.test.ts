import { describe, expect, it } from "vitest";
import { createEngine } from "../../../src/core/run/engine.js";
import { generateCohort } from "../../../src/authoring/cohort/index.js";
import {
  cohortSubjects,
  compareRulesets,
  generatedSubjects,
  renderImpactText,
  scenarioSubjects,
} from "../../../src/authoring/impact/index.js";
import { compileRuleset } from "../../../src/core/load/index.js";
import type { ScenarioTest } from "../../../src/core/load/types.js";
import { MANIFEST, packWith } from "../../arbitraries/ruleset.js";
import { ALWAYS, COMPONENTS, add, rule } from "../../core/run/compose/fixture.js";

function pack(rules: readonly string[], files: Readonly<Record<string, string | undefined>> = {}) {
  return compileRuleset(
    packWith({
      "components.yaml": COMPONENTS,
      "psych.yaml": `rules:\n${rules.join("")}`,
      "tests/basic.yaml": undefined,
      ...files,
    }),
  );
}

const everyone = rule("everyone", 100, ALWAYS, add("education-reassurance"));
const depression = (threshold: number) =>
  rule(
    "depression",
    500,
    `{ fact: phq9.total, operator: greaterThanInclusive, value: ${threshold} }`,
    add("mental-health-referral", "PHQ-9 {phq9.total}"),
  );
const acupuncture = rule(
  "acupuncture-acp",
  400,
  "{ fact: profile, operator: equal, value: acp-2017 }",
  add("acupuncture"),
);
const person = (phq?: number, id?: string) => ({
  ...(id === undefined ? {} : { id }),
  patient: { age: 40 },
  pain: { durationWeeks: 3 },
  ...(phq === undefined ? {} : { questionnaires: { phq9: { total: phq } } }),
});
const scenario = (name: string, assessment: object, line: number, profile?: string): ScenarioTest => ({
  scenario: { name, assessment, expect: {}, ...(profile === undefined ? {} : { profile }) },
  source: { file: "tests/a.yaml", line, column: 5 },
});

function compare(
  base: readonly string[],
  head: readonly string[],
  cohort: readonly unknown[],
  scenarios: readonly ScenarioTest[] = [],
  options = {},
) {
  return compareRulesets(
    createEngine(pack(base)),
    createEngine(pack(head)),
    {
      scenarios: scenarioSubjects([{ scenarios, locate: (file) => `rules/${file}` }]),
      cohort: cohortSubjects(cohort),
      cohortSource: { kind: "generated", size: cohort.length, seed: 1 },
    },
    options,
  );
}

describe("compareRulesets", () => {
  it("finds nothing between identical packs", () => {
    const report = compare([everyone, depression(10)], [everyone, depression(10)], [person(3), person(12), person()]);
    expect(report.edits).toEqual({
      rules: { added: [], removed: [], modified: [] },
      components: { added: [], removed: [], modified: [] },
      defaultProfile: null,
    });
    expect(report.cohort).toMatchObject({
      assessments: 3,
      changed: 0,
      skipped: [],
      componentsAdded: [],
      rules: [],
      other: { count: 0, examples: [] },
    });
  });

  it("tells plans that changed in what they decide from plans that changed in wording only", () => {
    const reworded = rule(
      "depression",
      500,
      "{ fact: phq9.total, operator: greaterThanInclusive, value: 10 }",
      add("mental-health-referral", "PHQ-9 total {phq9.total}, at least 10"),
    );
    const report = compare([everyone, depression(10)], [everyone, reworded], [person(3), person(12), person(15)]);
    expect(report.cohort).toMatchObject({ assessments: 3, changed: 2, beyondWording: 0 });
    expect(renderImpactText(report)).toContain(
      "cohort (3 generated, seed 1): 2 of 3 plans changed (66.7%); 0 in what they decide, 2 in wording only",
    );
    const threshold = compare(
      [everyone, depression(10)],
      [everyone, reworded.replace("value: 10", "value: 13")],
      [person(3), person(12), person(15)],
    );
    expect(threshold.cohort).toMatchObject({ changed: 2, beyondWording: 1 });
  });

  it("reports a threshold change: the plans, components and rule outcomes it changed, with examples", () => {
    const report = compare(
      [everyone, depression(10)],
      [everyone, depression(12)],
      [person(10), person(3), person(11), person(12), person(), person(10, "visit-7")],
      [scenario("PHQ-9 of 11", person(11), 12), scenario("PHQ-9 of 2", person(2), 20)],
    );
    expect(report).toMatchInlineSnapshot(
      {
        base: { digest: expect.stringMatching(/^sha256:/) as unknown },
        head: { digest: expect.stringMatching(/^sha256:/) as unknown },
      },
      `
      {
        "base": {
          "defaultProfile": "nice-ng59",
          "digest": StringMatching /\\^sha256:/,
          "label": "test-pack",
          "name": "test-pack",
          "rules": 2,
          "version": "1.0.0",
        },
        "cohort": {
          "assessments": 6,
          "beyondWording": 3,
          "changed": 3,
          "componentsAdded": [],
          "componentsRemoved": [
            {
              "component": "mental-health-referral",
              "count": 3,
              "examples": [
                {
                  "facts": {
                    "phq9.total": 10,
                  },
                  "index": 0,
                  "kind": "cohort",
                },
                {
                  "facts": {
                    "phq9.total": 11,
                  },
                  "index": 2,
                  "kind": "cohort",
                },
                {
                  "facts": {
                    "phq9.total": 10,
                  },
                  "id": "visit-7",
                  "index": 5,
                  "kind": "cohort",
                },
              ],
            },
          ],
          "dataGapsAdded": [],
          "dataGapsRemoved": [],
          "details": [],
          "other": {
            "count": 0,
            "examples": [],
          },
          "reasons": [],
          "rules": [
            {
              "count": 3,
              "examples": [
                {
                  "facts": {
                    "phq9.total": 10,
                  },
                  "index": 0,
                  "kind": "cohort",
                },
                {
                  "facts": {
                    "phq9.total": 11,
                  },
                  "index": 2,
                  "kind": "cohort",
                },
                {
                  "facts": {
                    "phq9.total": 10,
                  },
                  "id": "visit-7",
                  "index": 5,
                  "kind": "cohort",
                },
              ],
              "from": "fired",
              "rule": "depression",
              "to": "not-fired",
            },
          ],
          "skipped": [],
          "source": {
            "kind": "generated",
            "seed": 1,
            "size": 6,
          },
          "status": [],
          "traceOnly": {
            "count": 0,
            "examples": [],
            "rules": [],
          },
          "urgency": [
            {
              "count": 3,
              "examples": [
                {
                  "facts": {
                    "phq9.total": 10,
                  },
                  "index": 0,
                  "kind": "cohort",
                },
                {
                  "facts": {
                    "phq9.total": 11,
                  },
                  "index": 2,
                  "kind": "cohort",
                },
                {
                  "facts": {
                    "phq9.total": 10,
                  },
                  "id": "visit-7",
                  "index": 5,
                  "kind": "cohort",
                },
              ],
              "from": "routine",
              "to": "none",
            },
          ],
          "withheldAdded": [],
          "withheldRemoved": [],
        },
        "edits": {
          "components": {
            "added": [],
            "modified": [],
            "removed": [],
          },
          "defaultProfile": null,
          "rules": {
            "added": [],
            "modified": [
              "depression",
            ],
            "removed": [],
          },
        },
        "head": {
          "defaultProfile": "nice-ng59",
          "digest": StringMatching /\\^sha256:/,
          "label": "test-pack",
          "name": "test-pack",
          "rules": 2,
          "version": "1.0.0",
        },
        "profile": null,
        "scenarios": {
          "assessments": 2,
          "beyondWording": 1,
          "changed": 1,
          "componentsAdded": [],
          "componentsRemoved": [
            {
              "component": "mental-health-referral",
              "count": 1,
              "examples": [
                {
                  "kind": "scenario",
                  "name": "PHQ-9 of 11",
                  "source": "rules/tests/a.yaml:12",
                },
              ],
            },
          ],
          "dataGapsAdded": [],
          "dataGapsRemoved": [],
          "details": [],
          "other": {
            "count": 0,
            "examples": [],
          },
          "reasons": [],
          "renamed": [],
          "rules": [
            {
              "count": 1,
              "examples": [
                {
                  "kind": "scenario",
                  "name": "PHQ-9 of 11",
                  "source": "rules/tests/a.yaml:12",
                },
              ],
              "from": "fired",
              "rule": "depression",
              "to": "not-fired",
            },
          ],
          "skipped": [],
          "status": [],
          "traceOnly": {
            "count": 0,
            "examples": [],
            "rules": [],
          },
          "urgency": [
            {
              "count": 1,
              "examples": [
                {
                  "kind": "scenario",
                  "name": "PHQ-9 of 11",
                  "source": "rules/tests/a.yaml:12",
                },
              ],
              "from": "routine",
              "to": "none",
            },
          ],
          "withheldAdded": [],
          "withheldRemoved": [],
        },
      }
    `,
    );
  });

  it("keeps the first examples, in the order the assessments came", () => {
    const report = compare(
      [everyone, depression(10)],
      [everyone, depression(12)],
      [10, 11, 10, 11, 10].map((n) => person(n)),
      [],
      {
        examples: 2,
      },
    );
    expect(report.cohort.componentsRemoved).toEqual([
      {
        component: "mental-health-referral",
        count: 5,
        examples: [
          { kind: "cohort", index: 0, facts: { "phq9.total": 10 } },
          { kind: "cohort", index: 1, facts: { "phq9.total": 11 } },
        ],
      },
    ]);
  });

  it("sorts tallies by count, most first, then by name", () => {
    const report = compare(
      [everyone],
      [everyone, depression(10), rule("massage-for-all", 400, ALWAYS, add("massage"))],
      [person(12), person(3)],
    );
    expect(report.cohort.componentsAdded.map((t) => [t.component, t.count])).toEqual([
      ["massage", 2],
      ["mental-health-referral", 1],
    ]);
    expect(report.cohort.rules.map((t) => [t.rule, t.from, t.to, t.count])).toEqual([
      ["massage-for-all", "absent", "fired", 2],
      ["depression", "absent", "fired", 1],
    ]);
  });

  it("plans a scenario once per assessment and profile, under its own profile", () => {
    const same = person(11);
    const subjects = scenarioSubjects([
      { scenarios: [scenario("head's", same, 1), scenario("head's, ACP", same, 2, "acp-2017")] },
      {
        scenarios: [
          scenario("base's copy", { pain: same.pain, patient: same.patient, questionnaires: same.questionnaires }, 9),
        ],
      },
    ]);
    expect(subjects.map((s) => s.ref)).toEqual([
      // Base's test of the same assessment, under a name head lacks: the test renamed.
      { kind: "scenario", name: "head's", source: "tests/a.yaml:1", renamedFrom: "base's copy" },
      { kind: "scenario", name: "head's, ACP", source: "tests/a.yaml:2" },
    ]);
    const report = compare(
      [everyone],
      [everyone, acupuncture],
      [],
      [scenario("ACP", same, 2, "acp-2017"), scenario("NICE", same, 3)],
    );
    expect(report.scenarios.componentsAdded).toEqual([
      {
        component: "acupuncture",
        count: 1,
        examples: [{ kind: "scenario", name: "ACP", source: "rules/tests/a.yaml:2" }],
      },
    ]);
  });

  it("plans the cohort under --profile when given, else each pack's default", () => {
    expect(compare([everyone], [everyone, acupuncture], [person()], [], { profile: "acp-2017" }).cohort.changed).toBe(
      1,
    );
    expect(compare([everyone], [everyone, acupuncture], [person()]).cohort.changed).toBe(0);
  });

  it("lists what could not be planned, and on which side", () => {
    const nice = MANIFEST.replace(/ {2}- id: acp-2017\n {4}title: ACP 2017\n/, "");
    const report = compareRulesets(
      createEngine(pack([everyone])),
      createEngine(pack([everyone], { "pack.yaml": nice })),
      {
        scenarios: scenarioSubjects([
          {
            scenarios: [
              scenario("ACP only", person(), 4, "acp-2017"),
              scenario("too young", { patient: { age: 4 }, pain: { durationWeeks: 1 } }, 8),
            ],
          },
        ]),
        cohort: [],
        cohortSource: { kind: "generated", size: 0, seed: 1 },
      },
    );
    expect(report.scenarios).toMatchObject({ assessments: 0, changed: 0 });
    expect(report.scenarios.skipped).toMatchInlineSnapshot(`
      [
        {
          "example": {
            "kind": "scenario",
            "name": "ACP only",
            "source": "tests/a.yaml:4",
          },
          "problems": [
            "unknown profile "acp-2017": this pack has "nice-ng59"",
          ],
          "side": "head",
        },
        {
          "example": {
            "kind": "scenario",
            "name": "too young",
            "source": "tests/a.yaml:8",
          },
          "problems": [
            "patient.age: 4 is out of range 16–120",
          ],
          "side": "both",
        },
      ]
    `);
  });

  it("names the rules and components an edit touched", () => {
    const base = pack([everyone, depression(10), rule("old", 100, ALWAYS, add("massage"))]);
    const head = pack(
      [rule("everyone", 100, ALWAYS, add("education-reassurance", "reworded")), depression(10), acupuncture],
      {
        "components.yaml": COMPONENTS.replace("Title of massage", "Massage therapy"),
        "pack.yaml": MANIFEST.replace("defaultProfile: nice-ng59", "defaultProfile: acp-2017"),
      },
    );
    const report = compareRulesets(createEngine(base), createEngine(head), {
      scenarios: [],
      cohort: [],
      cohortSource: { kind: "file", file: "none.json", size: 0 },
    });
    expect(report.edits).toEqual({
      rules: { added: ["acupuncture-acp"], removed: ["old"], modified: ["everyone"] },
      components: { added: [], removed: [], modified: ["massage"] },
      defaultProfile: { from: "nice-ng59", to: "acp-2017" },
    });
  });

  it("plans a generated cohort one assessment at a time, the same as the generated list", () => {
    const lazy = generatedSubjects(40, 3);
    expect(lazy.length).toBe(40);
    expect(Array.from({ length: 40 }, (_, i) => lazy.at(i))).toEqual(cohortSubjects(generateCohort(40, 3)));
    expect([lazy.at(-1), lazy.at(40)]).toEqual([undefined, undefined]);
    const [base, head] = [pack([everyone, depression(10)]), pack([everyone, depression(12)])];
    const source = { kind: "generated", size: 40, seed: 3 } as const;
    const run = (cohort: Parameters<typeof compareRulesets>[2]["cohort"]) =>
      compareRulesets(createEngine(base), createEngine(head), { scenarios: [], cohort, cohortSource: source });
    expect(run(lazy)).toEqual(run(cohortSubjects(generateCohort(40, 3))));
  });

  it("is deterministic", () => {
    const run = () =>
      compare(
        [everyone, depression(10)],
        [everyone, depression(12)],
        [10, 3, 11].map((n) => person(n)),
      );
    expect(JSON.stringify(run())).toBe(JSON.stringify(run()));
  });

  it("follows a renamed scenario test: matched by name first, then by assessment, reported as renamed", () => {
    const [at12, at15, at3] = [person(12), person(15), person(3)];
    const base = [scenario("PHQ-9 12 (≥ 10): referral", at12, 4), scenario("kept", at15, 8), scenario("gone", at3, 12)];
    const head = [
      scenario("PHQ-9 12 (< 13): no referral", at12, 4), // renamed: the same assessment
      scenario("kept", at15, 8),
      scenario("gone, but now PHQ-9 15", person(15, "other"), 12),
      scenario("new", person(20), 16),
    ];
    const subjects = scenarioSubjects([
      { scenarios: head, locate: (file) => `rules/${file}` },
      { scenarios: base, locate: (file) => `/tmp/before/rules/${file}` },
    ]);
    const report = compareRulesets(
      createEngine(pack([everyone, depression(10)])),
      createEngine(pack([everyone, depression(13)])),
      {
        scenarios: subjects,
        cohort: [],
        cohortSource: { kind: "generated", size: 0, seed: 1 },
      },
    );
    expect(report.scenarios.renamed).toEqual([
      { from: "PHQ-9 12 (≥ 10): referral", to: "PHQ-9 12 (< 13): no referral", source: "rules/tests/a.yaml:4" },
    ]);
    // One subject for the renamed test: its plan loses the referral under its new name, the old one with it.
    expect(report.scenarios.componentsRemoved).toEqual([
      {
        component: "mental-health-referral",
        count: 1,
        examples: [
          {
            kind: "scenario",
            name: "PHQ-9 12 (< 13): no referral",
            source: "rules/tests/a.yaml:4",
            renamedFrom: "PHQ-9 12 (≥ 10): referral",
          },
        ],
      },
    ]);
    const text = renderImpactText(report);
    expect(text).toContain(
      [
        "  tests renamed: 1 (matched by assessment)",
        '    "PHQ-9 12 (≥ 10): referral" → "PHQ-9 12 (< 13): no referral" (rules/tests/a.yaml:4)',
      ].join("\n"),
    );
    expect(text).toContain(
      '      "PHQ-9 12 (< 13): no referral" (rules/tests/a.yaml:4, was "PHQ-9 12 (≥ 10): referral")',
    );
    expect(text).not.toContain("/tmp/before");
  });

  it("keeps a test renamed only when neither name is matched by name on the other side", () => {
    const same = person(12);
    // Base's "b" holds head's "a" assessment, but head still has a test "b": no rename.
    const subjects = scenarioSubjects([
      { scenarios: [scenario("a", same, 1), scenario("b", person(3), 2)] },
      { scenarios: [scenario("b", same, 1)] },
    ]);
    expect(subjects.map((s) => s.ref)).toEqual([
      { kind: "scenario", name: "a", source: "tests/a.yaml:1" },
      { kind: "scenario", name: "b", source: "tests/a.yaml:2" },
    ]);
  });

  it("counts and lists plans changed in rule outcomes only (trace only) apart from plans whose content changed", () => {
    const noPhq = person();
    const severe = rule(
      "depression-severe",
      500,
      "{ fact: phq9.total, operator: greaterThanInclusive, value: 20 }",
      add("mental-health-referral", "PHQ-9 {phq9.total}"),
    );
    // Without a PHQ-9 the new rule is undetermined, waiting on the answer already asked for: trace only.
    // At 25 it fires and adds its reason to the referral: the plan changed.
    const report = compare(
      [everyone, depression(10)],
      [everyone, depression(10), severe],
      [noPhq, person(25), noPhq, person(5)],
    );
    expect(report.cohort).toMatchObject({ assessments: 4, changed: 3, beyondWording: 3 });
    expect(report.cohort.traceOnly).toEqual({
      count: 2,
      examples: [
        { kind: "cohort", index: 0, facts: { "phq9.total": null } },
        { kind: "cohort", index: 2, facts: { "phq9.total": null } },
      ],
      rules: [
        {
          rule: "depression-severe",
          from: "absent",
          to: "undetermined",
          count: 2,
          examples: [
            { kind: "cohort", index: 0, facts: { "phq9.total": null } },
            { kind: "cohort", index: 2, facts: { "phq9.total": null } },
          ],
        },
      ],
    });
    const text = renderImpactText(report);
    expect(text).toContain(
      "cohort (4 generated, seed 1): 3 of 4 plans changed (75.0%); 1 in what they decide, 0 in wording only, 2 in rule outcomes only (trace only)",
    );
    expect(text).toContain(
      [
        "  trace only: 2 plans the same but for these rule outcomes (counted above too)",
        "    depression-severe: absent → undetermined  2",
        "      #0 phq9.total=not recorded",
        "      #2 phq9.total=not recorded",
      ].join("\n"),
    );
  });
});
