/**
 * Rule packs for tests, as the core receives them: `RuleFileText[]`. `minimalPack()` is a small
 * valid pack; `packWith` swaps files in and out of it, so each test states only what it breaks.
 * `cheapPack` is a fast-check arbitrary of valid packs; `comparable` strips the compiled closures
 * so two rulesets can be compared with `toEqual`.
 */
import fc from "fast-check";
import { formatIssue } from "../../src/core/errors.js";
import { checkRuleset } from "../../src/core/load/index.js";
import type { RuleFileText, Ruleset } from "../../src/core/load/types.js";

export const MANIFEST = `# yaml-language-server: $schema=../schemas/pack.schema.json
name: test-pack
version: 1.0.0
defaultProfile: nice-ng59
profiles:
  - id: nice-ng59
    title: NICE NG59
  - id: acp-2017
    title: ACP 2017
`;

export const COMPONENTS = `# yaml-language-server: $schema=../schemas/components.schema.json
components:
  - id: mental-health-referral
    category: referral
    title: Mental health referral
    description: Assessment and treatment of depression.
    patientText: We would like you to see someone who can help with low mood.
    details: { urgency: routine }
  - id: education-reassurance
    category: education
    title: Education and reassurance
    description: Explain the favourable course of low back pain.
    patientText: Most back pain settles well.
    details: { sessions: 1 }
`;

export const EVIDENCE = `# yaml-language-server: $schema=../schemas/evidence.schema.json
evidence:
  - id: nice-ng59
    citation: NICE NG59. Low back pain and sciatica in over 16s. 2016.
    url: https://www.nice.org.uk/guidance/ng59
    finding: Self-management and exercise for everyone.
    certainty: guideline
  - id: kroenke-2001
    citation: Kroenke K et al. The PHQ-9. J Gen Intern Med 2001.
    doi: 10.1046/j.1525-1497.2001.016009606.x
    finding: PHQ-9 of 10 or more detects major depression.
    certainty: high
`;

export const RULES = `# yaml-language-server: $schema=../schemas/rules.schema.json
rules:
  - id: depression-referral
    title: Moderate depression
    priority: 500
    when:
      all:
        - { fact: phq9.total, operator: greaterThanInclusive, value: 10 }
    then:
      add:
        - component: mental-health-referral
          reason: "PHQ-9 total {phq9.total}"
    evidence: [kroenke-2001]
  - id: education-for-all
    title: Education for everyone
    priority: 100
    when: { fact: chronicity, operator: in, value: [acute, subacute, chronic] }
    then:
      add:
        - component: education-reassurance
          reason: Everyone is told about the favourable course
    evidence: [nice-ng59]
`;

export const SCENARIOS = `scenarios:
  - name: low mood
    assessment: { patient: { age: 40 }, pain: { durationWeeks: 2 } }
    expect: { include: [education-reassurance] }
`;

/** A small valid pack: manifest, catalogs, one rule file and one scenario file. */
export function minimalPack(): RuleFileText[] {
  return [
    { path: "pack.yaml", text: MANIFEST },
    { path: "components.yaml", text: COMPONENTS },
    { path: "evidence.yaml", text: EVIDENCE },
    { path: "psych.yaml", text: RULES },
    { path: "tests/basic.yaml", text: SCENARIOS },
  ];
}

/** The minimal pack with files replaced or added by path (`undefined` removes one). */
export function packWith(files: Readonly<Record<string, string | undefined>>): RuleFileText[] {
  const byPath = new Map(minimalPack().map((f) => [f.path, f.text]));
  for (const [path, text] of Object.entries(files)) {
    if (text === undefined) byPath.delete(path);
    else byPath.set(path, text);
  }
  return [...byPath].map(([path, text]) => ({ path, text }));
}

/** A rule file holding `rules`, each given as the YAML of one list item (without the dash). */
export function ruleFile(...rules: string[]): string {
  return `rules:\n${rules.map((r) => `  - ${r.trim().split("\n").join("\n    ")}\n`).join("")}`;
}

/** One valid rule with the given id, priority and condition (YAML flow), adding education. */
export function rule(id: string, options: { priority?: number; when?: string; extra?: string } = {}): string {
  const { priority = 100, when = "{ fact: chronicity, operator: equal, value: acute }", extra = "" } = options;
  return `id: ${id}
title: Rule ${id}
priority: ${priority}
when: ${when}
then:
  add:
    - { component: education-reassurance, reason: "because {chronicity}" }
evidence: [nice-ng59]${extra === "" ? "" : `\n${extra}`}`;
}

/** `n` rules spread over a few files, with repeated priorities: the shape of a real pack. */
export function packOfSize(n: number): RuleFileText[] {
  const files = new Map<string, string[]>();
  for (let i = 0; i < n; i++) {
    const path = `rules-${i % 5}.yaml`;
    const when = `{ all: [{ fact: phq9.total, operator: greaterThanInclusive, value: ${i % 27} }, { fact: profile, operator: equal, value: nice-ng59 }] }`;
    files.set(path, [...(files.get(path) ?? []), rule(`rule-${i}`, { priority: (i % 7) * 100, when })]);
  }
  return packWith({
    "psych.yaml": undefined,
    ...Object.fromEntries([...files].map(([path, rules]) => [path, ruleFile(...rules)])),
  });
}

/** Valid packs of 1–6 rules over 1–3 rule files, with ties in priority, cheap to compile. */
export const cheapPack: fc.Arbitrary<RuleFileText[]> = fc
  .uniqueArray(
    fc.record({
      id: fc.stringMatching(/^[a-z]{1,6}(-[a-z0-9]{1,3})?$/),
      priority: fc.constantFrom(0, 100, 500),
      file: fc.integer({ min: 0, max: 2 }),
    }),
    { minLength: 1, maxLength: 6, selector: (r) => r.id },
  )
  .map((rules) => {
    const files: Record<string, string> = {};
    for (const r of rules) {
      const path = `r${r.file}.yaml`;
      files[path] =
        `${files[path] ?? "rules:\n"}  - ${rule(r.id, { priority: r.priority }).split("\n").join("\n    ")}\n`;
    }
    return packWith(files);
  });

/**
 * The ruleset as plain data for `toEqual`: compiled closures replaced by a marker (closures never
 * compare equal) and maps as entry lists (so their order counts too).
 */
export function comparable(ruleset: Ruleset): unknown {
  return {
    ...ruleset,
    components: [...ruleset.components],
    evidence: [...ruleset.evidence],
    facts: [...ruleset.facts],
    rules: ruleset.rules.map((r) => ({ ...r, test: "compiled" })),
  };
}

/** Every issue of `checkRuleset(files)`, formatted as `backplan lint` prints it. */
export function lint(files: readonly RuleFileText[]): string[] {
  return checkRuleset(files).issues.map(formatIssue);
}
