import { describe, expect, it } from "vitest";
import { compileRuleset, type RuleFileText } from "../../../src/core/index.js";
import {
  buildRulebook,
  cohortImpact,
  renderRulebookHtml,
  renderRulebookMarkdown,
  rulebookChanges,
} from "../../../src/authoring/rulebook/index.js";
import { smallPack, smallPackFiles } from "./small-pack.js";

/** The small pack with each `[before, after]` replaced once in its files (each must be found exactly once). */
function editedFiles(...edits: readonly (readonly [string, string])[]): RuleFileText[] {
  let files = smallPackFiles();
  for (const [before, after] of edits) {
    const holding = files.filter((f) => f.text.includes(before));
    expect(
      holding.map((f) => f.text.split(before).length - 1),
      before,
    ).toEqual([1]);
    files = files.map((f) => (f.text.includes(before) ? { ...f, text: f.text.replace(before, after) } : f));
  }
  return files;
}

function edited(...edits: readonly (readonly [string, string])[]) {
  return compileRuleset(editedFiles(...edits));
}

const base = smallPack();

const THRESHOLD = [
  "{ fact: pain.durationWeeks, operator: greaterThanInclusive, value: 6 }",
  "{ fact: pain.durationWeeks, operator: greaterThanInclusive, value: 8 }",
] as const;

const NEW_RULE = `
  - id: acupuncture-requested
    title: Acupuncture when asked for
    priority: 200
    when: { all: [{ fact: preferences.requestedTreatments, operator: contains, value: acupuncture }] }
    then:
      add:
        - { component: acupuncture, reason: Asked for }
    evidence: [guideline]
  - id: old-rule`;

describe("rulebookChanges", () => {
  it("lists nothing between a pack and itself", () => {
    const changes = rulebookChanges(base, smallPack({ reversed: true }));
    expect(changes).toEqual({
      base: { name: "small-pack", version: "0.1.0", digest: base.digest },
      rules: [],
      components: [],
      evidence: [],
    });
  });

  it("shows a changed threshold as the condition before and after, in the rulebook's words", () => {
    const { rules } = rulebookChanges(base, edited(THRESHOLD));
    expect(rules).toEqual([
      {
        id: "exercise-persistent",
        title: "Persistent pain",
        change: "changed",
        source: "exercise.yaml:3",
        parts: [
          {
            label: "Condition",
            before: { kind: "phrase", text: "pain duration ≥ 6 weeks and age ≥ 18 years" },
            after: { kind: "phrase", text: "pain duration ≥ 8 weeks and age ≥ 18 years" },
          },
        ],
      },
    ]);
  });

  it("shows changed texts (title, reason, author's note) and lists only the rule that changed", () => {
    const { rules } = rulebookChanges(
      base,
      edited(
        ["title: Acupuncture under ACP", "title: Acupuncture on request (ACP)"],
        ["- { component: acupuncture, reason: Requested }", "- { component: acupuncture, reason: Asked for by name }"],
      ),
    );
    expect(rules.map((r) => [r.id, r.change, r.title])).toEqual([
      ["acupuncture-acp", "changed", "Acupuncture on request (ACP)"],
    ]);
    expect(rules[0]?.parts).toEqual([
      {
        label: "Title",
        before: { kind: "phrase", text: "Acupuncture under ACP" },
        after: { kind: "phrase", text: "Acupuncture on request (ACP)" },
      },
      {
        label: "Reason for “Acupuncture”",
        before: { kind: "phrase", text: "Requested" },
        after: { kind: "phrase", text: "Asked for by name" },
      },
    ]);
  });

  it("shows changed evidence and a changed evidence source", () => {
    const changes = rulebookChanges(
      base,
      edited(
        [
          "Halted for safety }\n    evidence: [guideline]",
          "Halted for safety }\n    evidence: [guideline, trial-2020]",
        ],
        ["finding: Exercise helps.", "finding: Exercise helps a little."],
      ),
    );
    expect(changes.rules.map((r) => [r.id, r.parts])).toEqual([
      [
        "emergency",
        [
          {
            label: "Evidence",
            before: { kind: "phrase", text: "guideline" },
            after: { kind: "phrase", text: "guideline, trial-2020" },
          },
        ],
      ],
    ]);
    expect(changes.evidence).toEqual([
      { id: "trial-2020", title: "trial-2020", change: "changed", fields: ["finding"] },
    ]);
  });

  it("lists an added rule with every part after, and a removed rule with every part before", () => {
    const head = edited(["\n  - id: old-rule", NEW_RULE]);
    const retiredGone = compileRuleset(
      editedFiles(["\n  - id: old-rule", NEW_RULE]).map((f) =>
        f.path === "exercise.yaml" ? { ...f, text: f.text.slice(0, f.text.indexOf("\n  - id: old-rule")) + "\n" } : f,
      ),
    );
    expect(rulebookChanges(base, head).rules.map((r) => [r.id, r.change])).toEqual([
      ["acupuncture-requested", "added"],
    ]);
    const { rules } = rulebookChanges(base, retiredGone);
    expect(rules.map((r) => [r.id, r.change, r.source])).toEqual([
      ["acupuncture-requested", "added", "exercise.yaml:36"],
      ["old-rule", "removed", "exercise.yaml:36"],
    ]);
    const [added, removed] = rules;
    expect(added?.parts.every((p) => p.before === undefined && p.after !== undefined)).toBe(true);
    expect(added?.parts.map((p) => p.label)).toEqual([
      "Title",
      "Condition",
      "Does",
      "Reason for “Acupuncture”",
      "Evidence",
      "Priority",
      "Status",
      "Governance",
    ]);
    expect(added?.parts[1]?.after).toEqual({
      kind: "phrase",
      text: "treatments the patient asks for include acupuncture",
    });
    expect(removed?.parts.every((p) => p.after === undefined && p.before !== undefined)).toBe(true);
    expect(removed?.parts.find((p) => p.label === "Does")?.before).toEqual({
      kind: "phrase",
      text: "withhold “Exercise | programme”",
    });
  });

  it("shows a rule retired as a change of status, and a component added to the catalog", () => {
    const changes = rulebookChanges(
      base,
      edited(
        ["    title: A draft\n    status: draft", "    title: A draft\n    status: retired"],
        [
          "  - id: acupuncture\n",
          "  - { id: massage, category: adjunct, title: Massage, description: Rubs., patientText: Rubs., details: {} }\n  - id: acupuncture\n",
        ],
      ),
    );
    expect(changes.rules.map((r) => [r.id, r.parts])).toEqual([
      [
        "new-idea",
        [{ label: "Status", before: { kind: "phrase", text: "draft" }, after: { kind: "phrase", text: "retired" } }],
      ],
    ]);
    expect(changes.components).toEqual([{ id: "massage", title: "Massage", change: "added", fields: [] }]);
  });
});

describe("cohortImpact", () => {
  it("counts the plans each rule fires in with each pack, and where its outcome changed", () => {
    const head = edited(THRESHOLD);
    const impact = cohortImpact(base, head, { size: 300, seed: 7 });
    expect(impact.cohort).toMatchObject({ size: 300, seed: 7, assessments: 300 });
    const figures = impact.rules.get("exercise-persistent");
    expect(figures?.firedBefore).toBeGreaterThan(figures?.firedAfter ?? Infinity);
    // Raising the threshold only takes plans away: each lost one is an outcome changed.
    expect(figures?.outcomeChanged).toBe((figures?.firedBefore ?? 0) - (figures?.firedAfter ?? 0));
    expect(impact.cohort.changed).toBeGreaterThanOrEqual(figures?.outcomeChanged ?? Infinity);
    expect(impact.rules.get("emergency")?.outcomeChanged).toBe(0);
    expect(impact.rules.get("new-idea")).toEqual({ firedBefore: null, firedAfter: null, outcomeChanged: 0 });
    expect(cohortImpact(base, head, { size: 300, seed: 7 })).toEqual(impact);
  });
});

describe("the change section in the rulebook", () => {
  const head = edited(THRESHOLD, ["title: Persistent pain", "title: Persistent pain, 8 weeks <b>or more</b>"]);
  const files = editedFiles(THRESHOLD, ["title: Persistent pain", "title: Persistent pain, 8 weeks <b>or more</b>"]);
  const plain = buildRulebook(head, { files });
  const book = buildRulebook(head, { files, base, cohort: { size: 200, seed: 3 } });

  it("comes first in the Markdown, with the before/after table, the figures and a sign-off row", () => {
    const markdown = renderRulebookMarkdown(book);
    const section = markdown.slice(markdown.indexOf('<a id="changes">'), markdown.indexOf('<a id="how-to-read">'));
    const short = base.digest.slice(0, "sha256:".length + 12);
    expect(section).toContain(`## Changes since 0.1.0, digest ${short}\n`);
    expect(section).toContain(
      "| Condition | pain duration ≥ 6 weeks and age ≥ 18 years | pain duration ≥ 8 weeks and age ≥ 18 years |",
    );
    expect(section).toContain("| Title | Persistent pain | Persistent pain, 8 weeks \\<b\\>or more\\</b\\> |");
    const figures = book.changes?.rules[0]?.impact;
    expect(section).toContain(
      `**On the cohort: fires in ${figures?.firedBefore} → ${figures?.firedAfter} of 200 plans; its outcome changes in`,
    );
    expect(section).toContain(
      "| Persistent pain, 8 weeks \\<b\\>or more\\</b\\> `exercise-persistent` | Changed |   |   |   |   |",
    );
    expect(markdown.indexOf("- [Changes since 0.1.0")).toBeLessThan(markdown.indexOf("- [How to read"));
  });

  it("leaves the rest of the book as it is without --base, byte for byte", () => {
    const markdown = renderRulebookMarkdown(book);
    const withoutSection =
      markdown.slice(0, markdown.indexOf('\n<a id="changes">')) +
      markdown.slice(markdown.indexOf('\n<a id="how-to-read">'));
    const plainMarkdown = renderRulebookMarkdown(plain);
    const contents = (text: string) =>
      text.slice(0, text.indexOf("- [Changes since")) + text.slice(text.indexOf("- [How to read"));
    expect(contents(withoutSection)).toBe(plainMarkdown);
    expect(plainMarkdown).not.toContain("Changes since");
    expect(renderRulebookHtml(plain)).not.toMatch(/Changes since|class="change/);
  });

  it("escapes the pack's texts in the HTML and marks each side", () => {
    const html = renderRulebookHtml(book);
    expect(html).toContain(
      '<tr><th>Title</th><td class="before">Persistent <mark>pain</mark></td><td class="after">Persistent <mark>pain, 8 weeks &lt;b&gt;or more&lt;/b&gt;</mark></td></tr>',
    );
    expect(html.indexOf('<section id="changes"')).toBeLessThan(html.indexOf('<section id="how-to-read"'));
    expect(html).toContain('<a href="#rule-exercise-persistent">the rule as it now reads</a>');
  });
});
