/**
 * The rulebook shows what guards each component: its contraindications (title, condition in plain
 * language, reason, evidence with links) and the rules that withhold it or its category, in the
 * model, in Markdown and in HTML.
 */
import { describe, expect, it } from "vitest";
import { compileRuleset } from "../../../src/core/index.js";
import { buildRulebook, renderRulebookHtml, renderRulebookMarkdown } from "../../../src/authoring/rulebook/index.js";
import { guardedFiles, guardedRuleset } from "../../fixtures/guarded-pack.js";

const book = buildRulebook(guardedRuleset, { files: guardedFiles });
const component = (id: string) => book.components.find((c) => c.id === id);
const markdown = renderRulebookMarkdown(book);
const html = renderRulebookHtml(book);

/** From `from` up to the next `to` (or the end). */
function between(text: string, from: string, to: string): string {
  const start = text.indexOf(from);
  const end = text.indexOf(to, start + from.length);
  return text.slice(start, end === -1 ? undefined : end);
}

describe("buildRulebook: what guards each component", () => {
  it("states each contraindication in plain language, with its reason's slots and its evidence", () => {
    const manipulation = component("spinal-manipulation");
    expect(manipulation?.contraindications.map(({ id, title, when, reason }) => ({ id, title, when, reason })))
      .toMatchInlineSnapshot(`
        [
          {
            "id": "manipulation-osteoporosis",
            "reason": [
              "Osteoporosis (",
              {
                "fact": "redFlags.osteoporosis",
                "label": "osteoporosis",
              },
              "): thrust manipulation risks a vertebral fracture",
            ],
            "title": "Osteoporosis",
            "when": {
              "kind": "phrase",
              "text": "osteoporosis",
            },
          },
          {
            "id": "manipulation-under-referral",
            "reason": [
              "Not while a referral is pending",
            ],
            "title": "A referral in the plan",
            "when": {
              "kind": "phrase",
              "text": "categories already in the plan include referral",
            },
          },
        ]
      `);
    expect(manipulation?.contraindications[0]?.evidence.map((e) => [e.id, e.link?.href])).toEqual([
      ["childs-2004", "https://doi.org/10.7326/0003-4819-141-12-200412210-00008"],
      ["nice-ng59", "https://www.nice.org.uk/guidance/ng59"],
    ]);
  });

  it("lists the rules that withhold a component, by name or by its category", () => {
    expect(component("spinal-manipulation")?.withheldBy).toEqual([
      { rule: "fever", reach: "category" },
      { rule: "manipulation-declined", reach: "component" },
    ]);
    expect(component("emergency-referral")).toMatchObject({ contraindications: [], withheldBy: [] });
  });

  it("counts contraindications in the summary, and names them among an evidence source's citations", () => {
    expect(markdown).toContain("6 components (3 contraindications)");
    expect(book.evidence.find((e) => e.id === "childs-2004")?.citedByContraindications).toEqual([
      "manipulation-osteoporosis",
    ]);
  });
});

describe("the rendered rulebook", () => {
  it("Markdown: a guard line per component, then each contraindication under its own anchor", () => {
    const block = between(markdown, '<a id="component-spinal-manipulation"></a>', '<a id="component-follow-up');
    expect(block).toContain(
      "Guarded by: contraindications [Osteoporosis](#contraindication-manipulation-osteoporosis), " +
        "[A referral in the plan](#contraindication-manipulation-under-referral); withholding rules " +
        "[fever](#rule-fever) (all adjunct components), [manipulation-declined](#rule-manipulation-declined).",
    );
    expect(between(block, '<a id="contraindication-manipulation-osteoporosis"></a>', "<a id=")).toMatchInlineSnapshot(`
      "<a id="contraindication-manipulation-osteoporosis"></a>

      #### Contraindication: Osteoporosis (\`manipulation-osteoporosis\`)

      **Never in a plan when osteoporosis.**

      *Reason:* Osteoporosis (⟨osteoporosis⟩): thrust manipulation risks a vertebral fracture

      **Evidence**

      - Childs JD et al. A clinical prediction rule for spinal manipulation. Ann Intern Med 2004. [doi:10.7326/0003-4819-141-12-200412210-00008](https://doi.org/10.7326/0003-4819-141-12-200412210-00008) ([childs-2004](#evidence-childs-2004)). Certainty: moderate.
      - NICE. Low back pain and sciatica in over 16s (NG59). 2016. [https://www.nice.org.uk/guidance/ng59](https://www.nice.org.uk/guidance/ng59) ([nice-ng59](#evidence-nice-ng59)). Certainty: guideline.

      "
    `);
    expect(between(markdown, '<a id="component-emergency-referral"></a>', "<a id=")).toContain(
      "Guarded by: no contraindication and no withholding rule.",
    );
  });

  it("Markdown and HTML: a condition too long for one line is a list under its lead", () => {
    const more = ["bladderOrBowelDysfunction", "bilateralLegSymptoms", "historyOfCancer"]
      .map((flag) => `\n            - { fact: redFlags.${flag}, operator: equal, value: true }`)
      .join("");
    const files = guardedFiles.map((f) =>
      f.path === "components.yaml"
        ? { ...f, text: f.text.replace(/(- \{ fact: redFlags\.fever, operator: equal, value: true \})/, `$1${more}`) }
        : f,
    );
    const long = buildRulebook(compileRuleset(files), { files });
    const block = between(
      renderRulebookMarkdown(long),
      '<a id="contraindication-reassurance-before-screen">',
      "*Reason:*",
    );
    expect(block).toMatchInlineSnapshot(`
      "<a id="contraindication-reassurance-before-screen"></a>

      #### Contraindication: Serious pathology not yet excluded (\`reassurance-before-screen\`)

      **Never in a plan when any of these holds:**

      - saddle anaesthesia
      - fever (≥ 38 °C, or systemically unwell)
      - new bladder or bowel dysfunction
      - new or worsening bilateral neurological leg symptoms
      - history of cancer

      "
    `);
    expect(renderRulebookHtml(long)).toContain(
      '<div class="sentence">Never in a plan when any of these holds:<ul><li>saddle anaesthesia</li>',
    );
  });

  it("HTML: the same guard line and contraindications, linked, with anchors that exist", () => {
    expect(html).toContain(
      '<p class="guards">Guarded by: contraindications <a href="#contraindication-manipulation-osteoporosis">' +
        'Osteoporosis</a>, <a href="#contraindication-manipulation-under-referral">A referral in the plan</a>; ' +
        'withholding rules <a href="#rule-fever">fever</a> (all adjunct components), ' +
        '<a href="#rule-manipulation-declined">manipulation-declined</a>.</p>',
    );
    expect(
      between(
        html,
        '<section class="contraindication" id="contraindication-manipulation-under-referral">',
        "</section>",
      ),
    ).toMatchInlineSnapshot(`
        "<section class="contraindication" id="contraindication-manipulation-under-referral">
        <h4>Contraindication: A referral in the plan <code>manipulation-under-referral</code></h4>
        <p class="sentence">Never in a plan when categories already in the plan include referral.</p>
        <p><em>Reason:</em> Not while a referral is pending</p>
        <p class="label">Evidence</p><ul class="plain"><li>NICE. Low back pain and sciatica in over 16s (NG59). 2016. <a href="https://www.nice.org.uk/guidance/ng59">https://www.nice.org.uk/guidance/ng59</a> (<a href="#evidence-nice-ng59">nice-ng59</a>). Certainty: guideline.</li></ul>
        "
      `);
    const ids = new Set([...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
    const targets = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    expect(targets.filter((t) => !ids.has(t))).toEqual([]);
  });
});
