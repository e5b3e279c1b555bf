import { describe, expect, it } from "vitest";
import { buildRulebook } from "../../../src/authoring/rulebook/index.js";
import type { RuleEntry, Rulebook } from "../../../src/authoring/rulebook/index.js";
import { smallPack, smallPackFiles } from "./small-pack.js";

const book = buildRulebook(smallPack({ failing: true }), { files: smallPackFiles({ failing: true }) });

function rule(rulebook: Rulebook, id: string): RuleEntry {
  const found = [...rulebook.topics.flatMap((t) => t.rules), ...rulebook.inactive].find((r) => r.id === id);
  if (found === undefined) throw new Error(`no rule "${id}" in the rulebook`);
  return found;
}

describe("buildRulebook", () => {
  it("groups the rules that run by file, highest priority first, with each file's description", () => {
    expect(book.topics.map((t) => [t.file, t.title, t.description, t.rules.map((r) => r.id)])).toEqual([
      ["safety.yaml", "Safety", "Safety first.", ["emergency"]],
      ["exercise.yaml", "Exercise", undefined, ["exercise-persistent", "acupuncture-acp"]],
    ]);
    expect(book.pack).toMatchObject({ name: "small-pack", version: "0.1.0", drafts: [] });
    expect(book.pack.description).toBe("A *tiny* pack for <b>tests</b>.");
  });

  it("states each rule in plain language with its actions, reasons, governance and source", () => {
    const emergency = rule(book, "emergency");
    expect(emergency.when).toEqual({
      kind: "phrase",
      text: "saddle anaesthesia or fever (≥ 38 °C, or systemically unwell)",
    });
    expect(emergency.action).toBe("add “Emergency referral” (urgency: same-day); halt the plan");
    expect(emergency.additions).toEqual([
      {
        component: "emergency-referral",
        title: "Emergency referral",
        reason: ["Saddle anaesthesia: ", { fact: "redFlags.saddleAnaesthesia", label: "saddle anaesthesia" }],
        details: [{ label: "Urgency", value: ["same-day"] }],
      },
    ]);
    expect(emergency.halt).toEqual(["Halted for safety"]);
    expect(emergency.governance).toEqual({
      status: "active",
      owner: "safety team",
      reviewedBy: "Dr Who",
      reviewedOn: "2026-01-02",
      reviewDue: "2027-01-02",
    });
    expect(emergency.source).toBe("safety.yaml:4");
  });

  it("links evidence by DOI (made safe) or URL, with its certainty and caveat", () => {
    expect(rule(book, "exercise-persistent").evidence).toEqual([
      {
        id: "trial-2020",
        citation: "Smith A. A trial | with a pipe. J Test 2020;1:1.",
        link: { href: "https://doi.org/10.1002/%28SICI%291097-4571", text: "doi:10.1002/(SICI)1097-4571" },
        finding: "Exercise helps.",
        certainty: "moderate",
        certaintyNote: "Small trial (verify).",
        citedBy: ["exercise-persistent"],
        citedByContraindications: [],
      },
    ]);
    expect(book.evidence.map((e) => [e.id, e.link?.href, e.citedBy])).toEqual([
      ["trial-2020", "https://doi.org/10.1002/%28SICI%291097-4571", ["exercise-persistent"]],
      ["guideline", "https://example.org/guideline", ["emergency", "acupuncture-acp"]],
    ]);
  });

  it("runs the scenario tests: outcomes, the scenarios that fired each rule, and what went untested", () => {
    expect([book.tests.passed, book.tests.failed, book.tests.invalid]).toEqual([2, 1, 0]);
    expect(book.tests.scenarios[2]).toEqual({
      name: "a | failing <scenario>",
      source: "tests/basic.yaml:9",
      outcome: "failed",
      problems: ["components must include exercise; found (none)"],
    });
    const tests = rule(book, "exercise-persistent").tests;
    // The scenario that names the rule in `fired` comes first.
    expect(tests?.firedIn.map((s) => s.name)).toEqual(["persistent pain gets exercise", "fever halts"]);
    expect(tests?.conditions).toEqual({ covered: 1, total: 2 });
    expect(tests?.untested).toMatchInlineSnapshot(`
      [
        "age < 18 years: never true in a scenario; no scenario at the boundary value 17 or 18",
      ]
    `);
    expect(book.tests.coverage.rules).toEqual({ covered: 2, total: 3, percent: 66.6 });
  });

  it("lists drafts and retired rules apart, untested; --include-drafts runs the draft", () => {
    expect(book.inactive.map((r) => [r.id, r.governance.status, r.tests])).toEqual([
      ["new-idea", "draft", undefined],
      ["old-rule", "retired", undefined],
    ]);
    const withDrafts = buildRulebook(smallPack({ includeDrafts: true }));
    expect(withDrafts.pack.drafts).toEqual(["new-idea"]);
    expect(withDrafts.inactive.map((r) => r.id)).toEqual(["old-rule"]);
    expect(rule(withDrafts, "new-idea").tests?.firedIn).toEqual([]);
  });

  it("shows the component catalog with who adds and who withholds each", () => {
    expect(book.components.map((c) => [c.id, c.category, c.addedBy, c.withheldBy])).toEqual([
      ["emergency-referral", "referral", ["emergency"], []],
      ["exercise", "physiotherapy", ["exercise-persistent"], []],
      ["acupuncture", "adjunct", ["acupuncture-acp"], []],
    ]);
    const withDrafts = buildRulebook(smallPack({ includeDrafts: true }));
    expect(withDrafts.components.find((c) => c.id === "exercise")?.withheldBy).toEqual([
      { rule: "new-idea", reach: "category" },
    ]);
    expect(book.components[0]?.details.map((d) => d.label)).toEqual(["Refer to", "Urgency"]);
  });

  it("says where the profiles differ: the rules that read the profile and where they can apply", () => {
    expect(book.profiles).toEqual({
      profiles: [
        {
          id: "nice",
          title: "NICE style",
          description: "No acupuncture.",
          isDefault: true,
          neverApplies: ["acupuncture-acp"],
        },
        { id: "acp", title: "ACP style", isDefault: false, neverApplies: [] },
      ],
      readers: [
        {
          rule: "acupuncture-acp",
          title: "Acupuncture under ACP",
          action: "add “Acupuncture”",
          applies: [false, true],
        },
      ],
    });
    expect(rule(book, "acupuncture-acp")).toMatchObject({ readsProfile: true, neverUnder: ["nice"] });
  });

  it("is deterministic: the same pack in another file order gives a deep-equal model", () => {
    const reversed = buildRulebook(smallPack({ failing: true, reversed: true }), {
      files: smallPackFiles({ failing: true, reversed: true }),
    });
    expect(reversed).toEqual(book);
  });
});
