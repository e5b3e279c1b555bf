/**
 * An explanation of a plan in which contraindications decided something: each contraindication of
 * the components the rules chose, as screened on the plan state the rules left; a rule's addition a
 * contraindication withheld says so (never "withheld by rule contraindication:…").
 */
import { describe, expect, it } from "vitest";
import { explainPlan, renderExplanation } from "../../../../src/core/present/explain/index.js";
import { SCREENED, guardedEngine } from "../../../fixtures/guarded-pack.js";

const osteoporosis = explainPlan(guardedEngine, {
  ...SCREENED,
  redFlags: { saddleAnaesthesia: false, fever: false, osteoporosis: true },
});
const unanswered = explainPlan(guardedEngine, { ...SCREENED, redFlags: { saddleAnaesthesia: false } });

describe("explainPlan and contraindications", () => {
  it("explains each contraindication of the components the rules chose, in plan order", () => {
    expect(osteoporosis.contraindications).toMatchInlineSnapshot(`
      [
        {
          "component": "education-reassurance",
          "contraindication": "reassurance-before-screen",
          "failed": [
            {
              "fact": "redFlags.saddleAnaesthesia",
              "found": false,
              "negated": false,
              "operator": "equal",
              "text": "redFlags.saddleAnaesthesia = true (found false)",
              "value": true,
            },
            {
              "fact": "redFlags.fever",
              "found": false,
              "negated": false,
              "operator": "equal",
              "text": "redFlags.fever = true (found false)",
              "value": true,
            },
          ],
          "outcome": "clear",
          "title": "Serious pathology not yet excluded",
        },
        {
          "because": [
            {
              "fact": "redFlags.osteoporosis",
              "found": true,
              "negated": false,
              "operator": "equal",
              "text": "redFlags.osteoporosis = true (found true)",
              "value": true,
            },
          ],
          "component": "spinal-manipulation",
          "contraindication": "manipulation-osteoporosis",
          "outcome": "holds",
          "reason": "Osteoporosis (yes): thrust manipulation risks a vertebral fracture",
          "title": "Osteoporosis",
        },
        {
          "component": "spinal-manipulation",
          "contraindication": "manipulation-under-referral",
          "failed": [
            {
              "fact": "plan.categories",
              "found": [
                "adjunct",
                "education",
              ],
              "negated": false,
              "operator": "contains",
              "text": "plan.categories includes referral (found adjunct, education)",
              "value": "referral",
            },
          ],
          "outcome": "clear",
          "title": "A referral in the plan",
        },
      ]
    `);
  });

  it("names the answers an undetermined contraindication waits on, and whether each is a data gap", () => {
    const [reassurance, manipulation] = unanswered.contraindications;
    expect(reassurance).toMatchObject({
      contraindication: "reassurance-before-screen",
      outcome: "undetermined",
      missing: [
        { field: "redFlags.fever", facts: ["redFlags.fever"], with: [], alone: ["fired", "not-fired"], dataGap: true },
      ],
    });
    expect(manipulation).toMatchObject({ contraindication: "manipulation-osteoporosis", outcome: "undetermined" });
    expect(unanswered.summary.dataGaps.map((g) => [g.fact, g.rules])).toEqual([
      ["redFlags.fever", ["contraindication:reassurance-before-screen", "fever"]],
      ["redFlags.osteoporosis", ["contraindication:manipulation-osteoporosis"]],
    ]);
  });

  it("says a rule's addition was contraindicated, or not screened, rather than naming a rule", () => {
    const text = renderExplanation(osteoporosis, "text");
    expect(text).toContain(
      "  - adds spinal-manipulation: The patient asks for manipulation (contraindicated: Osteoporosis (yes): thrust " +
        "manipulation risks a vertebral fracture)\n",
    );
    expect(text).toContain(
      "  - spinal-manipulation: Osteoporosis (yes): thrust manipulation risks a vertebral fracture (contraindication " +
        "manipulation-osteoporosis)\n",
    );
    expect(renderExplanation(unanswered, "text")).toContain(
      "  - adds spinal-manipulation: The patient asks for manipulation (Not screened for contraindications " +
        "(osteoporosis): withheld until the missing answers rule them out)\n",
    );
    expect(text).not.toMatch(/rule contraindication:|unknown rule/);
  });

  it("renders the contraindications after the rules, in text and markdown", () => {
    const text = renderExplanation(unanswered, "text");
    expect(text.slice(text.indexOf("CONTRAINDICATIONS"))).toMatchInlineSnapshot(`
      "CONTRAINDICATIONS OF THE COMPONENTS THE RULES CHOSE

      undetermined: reassurance-before-screen, Serious pathology not yet excluded
        guards education-reassurance
        - waits on redFlags.fever = true (not recorded)
        - missing redFlags.fever: alone it could make the contraindication hold or not hold; a data gap of this plan

      undetermined: manipulation-osteoporosis, Osteoporosis
        guards spinal-manipulation
        - waits on redFlags.osteoporosis = true (not recorded)
        - missing redFlags.osteoporosis: alone it could make the contraindication hold or not hold; a data gap of this plan

      clear: manipulation-under-referral, A referral in the plan
        guards spinal-manipulation
        - failed: plan.categories includes referral (found adjunct, education, follow-up)
      "
    `);
    const markdown = renderExplanation(osteoporosis, "markdown");
    expect(markdown.slice(markdown.indexOf("## Contraindications"))).toContain(
      "### holds: manipulation-osteoporosis, Osteoporosis\n\n_guards `spinal-manipulation`_\n\n" +
        "- because redFlags.osteoporosis = true (found true)\n" +
        "- contraindicates spinal-manipulation: Osteoporosis (yes): thrust manipulation risks a vertebral fracture\n",
    );
  });

  it("leaves the section out when no chosen component has a contraindication", () => {
    const plain = explainPlan(guardedEngine, { ...SCREENED, preferences: {}, redFlags: { saddleAnaesthesia: true } });
    expect(plain.contraindications).toEqual([]);
    expect(renderExplanation(plain, "text")).not.toContain("CONTRAINDICATIONS");
  });
});
