/**
 * A small pack for the rulebook's tests, as file texts: a halting rule whose title holds
 * `<script>`, texts with pipes and Markdown characters, a DOI with brackets, a profile rule,
 * a draft and a retired rule, and scenario tests (one failing when asked).
 */
import { compileRuleset, type CompileOptions, type RuleFileText, type Ruleset } from "../../../src/core/index.js";

const PACK = `
name: small-pack
version: 0.1.0
description: A *tiny* pack for <b>tests</b>.
defaultProfile: nice
profiles:
  - { id: nice, title: NICE style, description: No acupuncture. }
  - { id: acp, title: ACP style }
`;

const COMPONENTS = `
components:
  - id: emergency-referral
    category: referral
    title: Emergency referral
    description: Same day.
    patientText: Go to hospital today.
    details: { urgency: emergency, referTo: "Emergency department | on-call team" }
  - id: exercise
    category: physiotherapy
    title: Exercise | programme
    description: Supervised exercise.
    patientText: Move more.
    details: { sessions: 6 }
  - id: acupuncture
    category: adjunct
    title: Acupuncture
    description: Needles.
    patientText: Fine needles.
    details: {}
`;

const EVIDENCE = `
evidence:
  - id: trial-2020
    citation: Smith A. A trial | with a pipe. J Test 2020;1:1.
    doi: 10.1002/(SICI)1097-4571
    finding: Exercise helps.
    certainty: moderate
    certaintyNote: Small trial (verify).
  - id: guideline
    citation: A guideline.
    url: https://example.org/guideline
    finding: Refer red flags.
    certainty: guideline
`;

const SAFETY = `
description: Safety first.
rules:
  - id: emergency
    title: "<script>alert(1)</script> emergency"
    priority: 1000
    owner: safety team
    reviewedBy: Dr Who
    reviewedOn: 2026-01-02
    reviewDue: 2027-01-02
    when:
      any:
        - { fact: redFlags.saddleAnaesthesia, operator: equal, value: true }
        - { fact: redFlags.fever, operator: equal, value: true }
    then:
      add:
        - component: emergency-referral
          reason: "Saddle anaesthesia: {redFlags.saddleAnaesthesia}"
          details: { urgency: same-day }
      halt: { reason: Halted for safety }
    evidence: [guideline]
`;

const EXERCISE = `
rules:
  - id: exercise-persistent
    title: Persistent pain
    description: "Pipes | and *stars* in a note."
    priority: 500
    when:
      all:
        - { fact: pain.durationWeeks, operator: greaterThanInclusive, value: 6 }
        - not: { fact: patient.age, operator: lessThan, value: 18 }
    then:
      add:
        - component: exercise
          reason: "{pain.durationWeeks} weeks at age {patient.age}"
    evidence: [trial-2020]
  - id: acupuncture-acp
    title: Acupuncture under ACP
    priority: 400
    when:
      all:
        - { fact: profile, operator: equal, value: acp }
        - { fact: preferences.requestedTreatments, operator: contains, value: acupuncture }
    then:
      add:
        - { component: acupuncture, reason: Requested }
    evidence: [guideline]
  - id: new-idea
    title: A draft
    status: draft
    priority: 300
    when: { all: [{ fact: patient.age, operator: greaterThan, value: 80 }] }
    then:
      withhold:
        - { category: physiotherapy, reason: Too old for this draft }
    evidence: [trial-2020]
  - id: old-rule
    title: A retired rule
    status: retired
    priority: 300
    when: { all: [{ fact: patient.age, operator: greaterThan, value: 90 }] }
    then:
      withhold:
        - { component: exercise, reason: Retired }
    evidence: [trial-2020]
`;

/** Scenario tests; `failing` adds one whose expectation the plan does not meet. */
function scenarios(failing: boolean): string {
  return `
scenarios:
  - name: persistent pain gets exercise
    assessment: { patient: { age: 40 }, pain: { durationWeeks: 8 } }
    expect: { include: [exercise], fired: [exercise-persistent] }
  - name: fever halts
    assessment: { patient: { age: 40 }, pain: { durationWeeks: 8 }, redFlags: { fever: true } }
    expect: { status: urgent, include: [emergency-referral] }
${
  failing
    ? `  - name: "a | failing <scenario>"
    assessment: { patient: { age: 40 }, pain: { durationWeeks: 2 } }
    expect: { include: [exercise] }
`
    : ""
}`;
}

/** The pack's files, in the order given (or reversed, for order-independence tests). */
export function smallPackFiles(options: { failing?: boolean; reversed?: boolean } = {}): RuleFileText[] {
  const files = [
    { path: "pack.yaml", text: PACK },
    { path: "components.yaml", text: COMPONENTS },
    { path: "evidence.yaml", text: EVIDENCE },
    { path: "safety.yaml", text: SAFETY },
    { path: "exercise.yaml", text: EXERCISE },
    { path: "tests/basic.yaml", text: scenarios(options.failing === true) },
  ];
  return options.reversed === true ? files.reverse() : files;
}

export function smallPack(options: { failing?: boolean; reversed?: boolean } & CompileOptions = {}): Ruleset {
  return compileRuleset(smallPackFiles(options), options);
}
