import { describe, expect, it } from "vitest";
import { formatIssue } from "../../../src/core/errors.js";
import { formatRuleFile } from "../../../src/authoring/format/index.js";
import { parsedData } from "./format-helpers.js";

/** The formatted text, failing the test on issues; checks it reads back as the same data and is stable. */
function format(path: string, text: string): string {
  const result = formatRuleFile(path, text);
  if (!result.ok) throw new Error(result.issues.map(formatIssue).join("\n"));
  expect(parsedData(result.value)).toEqual(parsedData(text));
  expect(formatRuleFile(path, result.value)).toMatchObject({ ok: true, value: result.value });
  return result.value;
}

function problems(path: string, text: string): string[] {
  const result = formatRuleFile(path, text);
  return result.ok ? [] : result.issues.map(formatIssue);
}

describe("formatRuleFile: rule files", () => {
  it("orders a rule's keys as the schema lists them, keeping the modeline on line 1 and comments with their pair", () => {
    const text = `# yaml-language-server: $schema=../schemas/rules.schema.json
rules:
  # ── Psychological (500) ──
  - then:
      add:
        - reason: PHQ-9 total {phq9.total}
          component: mental-health-referral
    evidence:
      - kroenke-2001
      - nice-ng59
    # why this threshold
    when:
      all:
        - fact: phq9.total
          operator: greaterThanInclusive
          value: 10
    priority: 500 # psychological tier
    title: Moderate depression
    id: depression-referral
  - id: education
    title: Education
    priority: 100


    when: { any: [ {fact: chronicity, operator: equal, value: acute} ] }
    then: { add: [ { component: education-reassurance, reason: Everyone } ] }
    evidence: [ nice-ng59 ]
description: Mood.
`;
    expect(format("psych.yaml", text)).toMatchInlineSnapshot(`
      "# yaml-language-server: $schema=../schemas/rules.schema.json
      description: Mood.
      rules:
        # ── Psychological (500) ──
        - id: depression-referral
          title: Moderate depression
          priority: 500 # psychological tier
          # why this threshold
          when:
            all:
              - { fact: phq9.total, operator: greaterThanInclusive, value: 10 }
          then:
            add:
              - component: mental-health-referral
                reason: PHQ-9 total {phq9.total}
          evidence: [kroenke-2001, nice-ng59]

        - id: education
          title: Education
          priority: 100
          when: { any: [{ fact: chronicity, operator: equal, value: acute }] }
          then: { add: [{ component: education-reassurance, reason: Everyone }] }
          evidence: [nice-ng59]
      "
    `);
  });

  it("puts the governance keys after the description and unknown keys last, as written", () => {
    const text = `rules:
  - zeta: 1
    priority: 1
    reviewDue: 2027-01-01
    alpha: 2
    owner: team
    status: draft
    description: d
    title: t
    id: a
    reviewedOn: 2026-01-01
    reviewedBy: dr x
`;
    expect(format("r.yaml", text)).toMatchInlineSnapshot(`
      "rules:
        - id: a
          title: t
          description: d
          status: draft
          owner: team
          reviewedBy: dr x
          reviewedOn: 2026-01-01
          reviewDue: 2027-01-01
          priority: 1
          zeta: 1
          alpha: 2
      "
    `);
  });

  it("keeps a fact condition with a comment inside as a block: a comment cannot sit inside one line", () => {
    const text = `rules:
  - id: a
    when:
      all:
        - fact: phq9.total
          operator: greaterThanInclusive
          value: 10 # NICE: moderate
        - fact: gad7.total
          operator: greaterThanInclusive
          value: 10
`;
    expect(format("r.yaml", text)).toMatchInlineSnapshot(`
      "rules:
        - id: a
          when:
            all:
              - fact: phq9.total
                operator: greaterThanInclusive
                value: 10 # NICE: moderate
              - { fact: gad7.total, operator: greaterThanInclusive, value: 10 }
      "
    `);
  });
});

describe("formatRuleFile: texts", () => {
  it("keeps each scalar's style and a folded text's line breaks, breaking only lines past 100 columns", () => {
    const text = `rules:
  - id: a
    description: >-
      Short lines
      stay as the author broke them.
    title: "Quoted stays quoted"
    then:
      add:
        - component: c
          reason: >-
            This line is far too long for the canonical width of one hundred columns, so it is broken at a space
            and the next line is kept.
          details:
            what: A plain text longer than one hundred columns stays on one line, whatever its length, as written here
            notes: |
              Literal
                keeps every line
`;
    expect(format("r.yaml", text)).toMatchInlineSnapshot(`
      "rules:
        - id: a
          title: "Quoted stays quoted"
          description: >-
            Short lines
            stay as the author broke them.
          then:
            add:
              - component: c
                reason: >-
                  This line is far too long for the canonical width of one hundred columns, so it is
                  broken at a space
                  and the next line is kept.
                details:
                  what: A plain text longer than one hundred columns stays on one line, whatever its length, as written here
                  notes: |
                    Literal
                      keeps every line
      "
    `);
  });
});

describe("formatRuleFile: other kinds", () => {
  it("orders pack.yaml: name, version, description, defaultProfile, profiles", () => {
    const text = `# yaml-language-server: $schema=../schemas/pack.schema.json
profiles:
  - title: NICE
    id: nice
  - id: acp
    title: ACP
defaultProfile: nice
version: 1.0.0
name: p
`;
    expect(format("pack.yaml", text)).toMatchInlineSnapshot(`
      "# yaml-language-server: $schema=../schemas/pack.schema.json
      name: p
      version: 1.0.0
      defaultProfile: nice
      profiles:
        - id: nice
          title: NICE

        - id: acp
          title: ACP
      "
    `);
  });

  it("orders components.yaml and each component's details", () => {
    const text = `components:
  - details: { urgency: routine, what: Refer }
    patientText: P
    description: D
    title: T
    category: referral
    id: c
  - id: d
    category: education
    title: T
    description: D
    patientText: P
    details:
      notes: N
      sessions: 1
`;
    expect(format("components.yaml", text)).toMatchInlineSnapshot(`
      "components:
        - id: c
          category: referral
          title: T
          description: D
          patientText: P
          details: { what: Refer, urgency: routine }

        - id: d
          category: education
          title: T
          description: D
          patientText: P
          details:
            sessions: 1
            notes: N
      "
    `);
  });

  it("orders evidence.yaml", () => {
    const text = `evidence:
  - certainty: high
    finding: F
    url: https://example.org
    doi: 10.1000/x
    citation: C
    id: e
`;
    expect(format("evidence.yaml", text)).toMatchInlineSnapshot(`
      "evidence:
        - id: e
          citation: C
          doi: 10.1000/x
          url: https://example.org
          finding: F
          certainty: high
      "
    `);
  });

  it("orders a scenario and its expectations, and leaves the assessment (no schema here) as written", () => {
    const text = `# yaml-language-server: $schema=../../schemas/scenarios.schema.json
scenarios:

  - expect:
      dataGaps: []
      include: [a]
      status: complete
    assessment:
      pain: { durationWeeks: 3 }
      patient: &woman { age: 40, sex: female }
    name: first
  - name: second
    assessment:
      patient: *woman
    expect: { exclude: [b] }
`;
    expect(format("tests/basic.yaml", text)).toMatchInlineSnapshot(`
      "# yaml-language-server: $schema=../../schemas/scenarios.schema.json
      scenarios:
        - name: first
          assessment:
            pain: { durationWeeks: 3 }
            patient: &woman { age: 40, sex: female }
          expect:
            status: complete
            include: [a]
            dataGaps: []

        - name: second
          assessment:
            patient: *woman
          expect: { exclude: [b] }
      "
    `);
  });
});

describe("formatRuleFile: comments and anchors", () => {
  it("keeps the comment above the first key at the top", () => {
    const text = `# yaml-language-server: $schema=../schemas/rules.schema.json
# Mood rules.
rules:
  - id: a
description: d
`;
    expect(format("r.yaml", text)).toMatchInlineSnapshot(`
      "# yaml-language-server: $schema=../schemas/rules.schema.json
      # Mood rules.
      description: d
      rules:
        - id: a
      "
    `);
  });

  it("moves a comment with the key below it, and keeps a trailing comment on its line", () => {
    const text = `rules:
  - id: a
    then:
      # halts come last
      halt: { reason: stop }
      withhold:
        - category: adjunct # not yet
          reason: later
      # the referral
      add:
        - component: c
          reason: r
`;
    expect(format("r.yaml", text)).toMatchInlineSnapshot(`
      "rules:
        - id: a
          then:
            # the referral
            add:
              - component: c
                reason: r
            withhold:
              - category: adjunct # not yet
                reason: later
            # halts come last
            halt: { reason: stop }
      "
    `);
  });

  it("leaves a map as written when reordering would point an alias at another anchor", () => {
    const text = `scenarios:
  - name: n
    expect: &e { include: [a] }
    assessment: { copy: *e }
`;
    expect(format("tests/a.yaml", text)).toMatchInlineSnapshot(`
      "scenarios:
        - name: n
          expect: &e { include: [a] }
          assessment: { copy: *e }
      "
    `);
  });
});

describe("formatRuleFile: files with little to lay out", () => {
  it("leaves an empty or comment-only file as it is", () => {
    expect(format("r.yaml", "")).toBe("");
    expect(format("r.yaml", "# nothing yet\n")).toBe("# nothing yet\n");
  });

  it("ends lines with a newline only, and keeps document markers", () => {
    expect(format("r.yaml", "rules:\r\n  - title: t\r\n    id: a\r\n")).toBe("rules:\n  - id: a\n    title: t\n");
    expect(format("r.yaml", "# head\n---\nrules: []\n...\n")).toBe("# head\n---\nrules: []\n...\n");
  });
});

describe("formatRuleFile: files it cannot format", () => {
  it("reports a YAML error at file:line:col and formats nothing", () => {
    expect(problems("psych.yaml", "rules:\n  - id: a\n   title: b\n")).toMatchInlineSnapshot(`
      [
        "psych.yaml:3:4: error: line 3 is indented 3 spaces; the lines around it use 4",
      ]
    `);
    expect(problems("psych.yaml", "rules:\n  - id: a\n    id: b\n")).toMatchInlineSnapshot(`
      [
        "psych.yaml:3:5: error: duplicate key "id": it is already set on line 2, and keys must be unique within a mapping",
      ]
    `);
    expect(problems("psych.yaml", "rules: [*nothing]\n")).toMatchInlineSnapshot(`
      [
        "psych.yaml:1:9: error: alias "*nothing" refers to no anchor: expected "&nothing" earlier in the file",
      ]
    `);
  });

  it("refuses a file that is not YAML", () => {
    expect(problems("README.md", "# Rules\n")).toMatchInlineSnapshot(`
      [
        "README.md:1:1: error: not a YAML file: fmt formats a pack's *.yaml and *.yml files",
      ]
    `);
  });
});
