/**
 * What a text or markdown plan opens with: a banner for an emergency, same-day or urgent referral
 * (a positive PHQ-9 item 9 as visible as an emergency), and what a clinician must see of the
 * components contraindications withheld and of the data gaps. JSON stays the plan as it is.
 */
import { describe, expect, it } from "vitest";
import { renderMarkdown, renderPlan, renderText } from "../../../../src/core/present/render/index.js";
import { SCREENED, guardedEngine } from "../../../fixtures/guarded-pack.js";
import { BASE, add, planFor, rule } from "../../run/compose/fixture.js";
import type { Assessment } from "../../../../src/core/generated/types.js";

const plan = (changes: object) => guardedEngine.recommend({ ...SCREENED, ...changes } as Assessment);
const item9 = plan({ questionnaires: { phq9: { total: 14, item9: 2 } } });
const emergency = plan({ redFlags: { saddleAnaesthesia: true, fever: false, osteoporosis: false } });
const urgent = plan({ redFlags: { saddleAnaesthesia: false, fever: true, osteoporosis: false } });
const routine = plan({});

/** The lines before the plan's heading. */
const opening = (text: string) => text.slice(0, text.indexOf("Care plan"));

describe("the urgency banner", () => {
  it("opens an emergency plan in a box naming the referral, where to and why, and the halt", () => {
    expect(emergency.urgency).toBe("emergency");
    expect(opening(renderText(emergency))).toBe(
      [
        "!".repeat(80),
        "!!! EMERGENCY: REFER NOW, BEFORE ANYTHING ELSE IN THIS PLAN",
        "!!! - Emergency referral: refer now to Emergency department",
        "!!!   Why: Saddle anaesthesia",
        "!!! The plan was halted: 3 withheld, see below.",
        "!".repeat(80),
        "",
        "",
      ].join("\n"),
    );
  });

  it("gives a same-day suicide-risk referral the same box as an emergency", () => {
    expect(item9.urgency).toBe("same-day");
    expect(item9.status).toBe("complete");
    expect(opening(renderText(item9))).toBe(
      [
        "!".repeat(80),
        "!!! SAME-DAY: REFER TODAY, BEFORE ANYTHING ELSE IN THIS PLAN",
        "!!! - Mental health referral: refer today to Same-day suicide-risk assessment",
        "!!!   Why: PHQ-9 item 9 = 2: thoughts of self-harm",
        "!".repeat(80),
        "",
        "",
      ].join("\n"),
    );
  });

  it("names urgent referrals, and lists every pressing referral most urgent first", () => {
    expect(opening(renderText(urgent))).toContain(
      "!!! URGENT: REFER WITHIN 24 HOURS, BEFORE ANYTHING ELSE IN THIS PLAN\n" +
        "!!! - Urgent specialist referral: refer within 24 hours to Spinal team\n",
    );
    const both = plan({
      redFlags: { saddleAnaesthesia: false, fever: true, osteoporosis: false },
      questionnaires: { phq9: { total: 14, item9: 1 } },
    });
    const lines = opening(renderText(both)).split("\n");
    expect(lines[1]).toBe("!!! SAME-DAY: REFER TODAY, BEFORE ANYTHING ELSE IN THIS PLAN");
    // The plan lists the urgent referral first (catalog order); the banner puts the same-day one first.
    expect(both.components.map((c) => c.id).slice(0, 2)).toEqual(["urgent-referral", "mental-health-referral"]);
    expect(lines.filter((l) => l.startsWith("!!! - "))).toEqual([
      "!!! - Mental health referral: refer today to Same-day suicide-risk assessment",
      "!!! - Urgent specialist referral: refer within 24 hours to Spinal team",
    ]);
  });

  it("puts the banner before the heading in markdown, as a caution callout", () => {
    const markdown = renderMarkdown(item9);
    expect(markdown.slice(0, markdown.indexOf("# Care plan"))).toBe(
      [
        "> [!CAUTION]",
        "> **SAME-DAY: REFER TODAY, BEFORE ANYTHING ELSE IN THIS PLAN**",
        ">",
        "> - **Mental health referral: refer today to Same-day suicide-risk assessment**",
        ">   Why: PHQ-9 item 9 = 2: thoughts of self-harm",
        "",
        "",
      ].join("\n"),
    );
  });

  it("leaves a routine plan without a banner, and keeps a halt without a pressing referral on its URGENT line", () => {
    expect(routine.urgency).toBe("none");
    expect(renderText(routine)).toMatch(/^Care plan /);
    expect(renderMarkdown(routine)).toMatch(/^# Care plan /);
    const halted = planFor(
      [
        rule(
          "halt-routine",
          1000,
          "{ fact: redFlags.fever, operator: equal, value: true }",
          `${add("mental-health-referral", "fever").slice(0, -2)}, halt: { reason: "stop here" } }`,
        ),
      ],
      { ...BASE, redFlags: { fever: true } },
    );
    expect([halted.status, halted.urgency]).toEqual(["urgent", "routine"]);
    expect(renderText(halted).split("\n")[0]).toBe(
      "!!! URGENT: Title of mental-health-referral: fever. The plan was halted: 0 withheld, see below.",
    );
  });

  it("keeps the status line after the banner: an incomplete same-day plan says both", () => {
    const text = renderText(
      guardedEngine.recommend({
        patient: { age: 40 },
        pain: { durationWeeks: 3 },
        questionnaires: { phq9: { item9: 1 } },
      }),
    );
    const lines = text.split("\n");
    expect(lines[1]).toBe("!!! SAME-DAY: REFER TODAY, BEFORE ANYTHING ELSE IN THIS PLAN");
    expect(lines[6]).toMatch(/^!!! INCOMPLETE: \d+ missing answers could change this plan/);
  });

  it("leaves JSON as the plan itself", () => {
    expect(JSON.parse(renderPlan(item9, "json"))).toEqual(item9);
  });
});

describe("contraindications and data gaps in the renderings", () => {
  const unscreened = guardedEngine.recommend({
    patient: { age: 40 },
    pain: { durationWeeks: 3 },
    redFlags: { saddleAnaesthesia: false, fever: false },
    questionnaires: { phq9: { total: 3, item9: 0 } },
    preferences: { requestedTreatments: ["spinal-manipulation"], declinedTreatments: [] },
  });
  const contraindicated = plan({
    patient: { age: 70 },
    redFlags: { saddleAnaesthesia: false, fever: false, osteoporosis: true },
  });

  it("marks a component whose contraindications could not be screened, and points to its gaps", () => {
    const text = renderText(unscreened);
    expect(text).toContain(
      "- spinal-manipulation [NOT SCREENED]: Not screened for contraindications (osteoporosis): withheld until " +
        "the missing answers rule them out (the answers needed are data gaps)",
    );
    expect(text).toContain(
      "DATA GAPS (1)\n- redFlags.osteoporosis [contraindication]: not recorded; needed to decide contraindication " +
        '"manipulation-osteoporosis"; could change: Spinal manipulation\n',
    );
    expect(renderMarkdown(unscreened)).toContain(
      "- **spinal-manipulation** (**not screened**): Not screened for contraindications (osteoporosis): withheld " +
        "until the missing answers rule them out (the answers needed are data gaps)",
    );
    expect(renderMarkdown(unscreened)).toContain("- `redFlags.osteoporosis` (contraindication): not recorded;");
  });

  it("names the contraindication that withheld a component, not a rule", () => {
    expect(renderText(contraindicated)).toContain(
      "- spinal-manipulation: Osteoporosis (yes): thrust manipulation risks a vertebral fracture " +
        "(contraindication manipulation-osteoporosis)",
    );
    expect(renderMarkdown(contraindicated)).toContain(
      "- **spinal-manipulation**: Osteoporosis (yes): thrust manipulation risks a vertebral fracture " +
        "(contraindication `manipulation-osteoporosis`)",
    );
  });

  it("lists gaps in the plan's order (safety first), each with its concern and what it could change", () => {
    const text = renderText(guardedEngine.recommend({ patient: { age: 40 }, pain: { durationWeeks: 3 } }));
    const gaps = text
      .slice(text.indexOf("DATA GAPS"))
      .split("\n")
      .filter((l) => l.startsWith("- "));
    expect(gaps.map((g) => g.slice(0, g.indexOf(":")))).toEqual([
      "- questionnaires.phq9.items [safety]",
      "- redFlags.saddleAnaesthesia [safety]",
      "- redFlags.fever [safety]",
      "- preferences.declinedTreatments [treatment]",
      "- preferences.requestedTreatments [treatment]",
    ]);
    expect(gaps[2]).toContain("could change: Urgent specialist referral, Education and reassurance");
  });
});
