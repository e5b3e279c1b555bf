import { describe, expect, it } from "vitest";
import { renderJson, renderMarkdown, renderPlan, renderText } from "../../../../src/core/present/render/index.js";
import { ALWAYS, BASE, add, planFor, rule } from "../../run/compose/fixture.js";

const rules = [
  rule(
    "emergency",
    1000,
    "{ fact: redFlags.saddleAnaesthesia, operator: equal, value: true }",
    '{ add: [{ component: emergency-referral, reason: "saddle anaesthesia <S3-S5> *new*" }], halt: { reason: "emergency first" } }',
  ),
  rule("everyone", 100, ALWAYS, add("education-reassurance", "{pain.durationWeeks} weeks of pain")),
  rule(
    "depression",
    100,
    "{ fact: phq9.total, operator: greaterThanInclusive, value: 10 }",
    add("mental-health-referral", "PHQ-9 {phq9.total}"),
    "[kroenke-2001]",
  ),
  rule("no-acupuncture", 100, ALWAYS, '{ withhold: [{ component: acupuncture, reason: "NICE: do not offer" }] }'),
];
const incomplete = planFor(rules, { ...BASE, id: "demo", redFlags: { saddleAnaesthesia: false } });
const urgent = planFor(rules, {
  ...BASE,
  redFlags: { saddleAnaesthesia: true },
  questionnaires: { phq9: { total: 12, item9: 0 } },
});
const digest = (text: string) => text.replaceAll(urgent.ruleset.digest.slice(0, 19), "sha256:…");

describe("renderText", () => {
  it("puts an incomplete plan's warning first, and each component beside its reasons and evidence", () => {
    expect(digest(renderText(incomplete))).toMatchInlineSnapshot(`
      "!!! INCOMPLETE: 1 missing answer could change this plan. Collect it before relying on it.

      Care plan for assessment demo (profile nice-ng59; rules test-pack 1.0.0, sha256:……)

      RECOMMENDED (1)
      1. Title of education-reassurance [education] (education-reassurance)
         Details: sessions: 1
         Why:
         - 3 weeks of pain (rule everyone)
         Evidence:
         - NICE NG59. Low back pain and sciatica in over 16s. 2016. [certainty: guideline] https://www.nice.org.uk/guidance/ng59

      WITHHELD (1)
      - acupuncture: NICE: do not offer (rule no-acupuncture)

      DATA GAPS (1)
      - questionnaires.phq9.items [referral]: not recorded; needed to decide rule "depression"; could change: Title of mental-health-referral

      4 rules: 2 fired, 1 not fired, 1 undetermined
      "
    `);
  });

  it("makes an urgent plan impossible to miss and lists what the halt withheld", () => {
    expect(digest(renderText(urgent))).toMatchInlineSnapshot(`
      "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!
      !!! EMERGENCY: REFER NOW, BEFORE ANYTHING ELSE IN THIS PLAN
      !!! - Title of emergency-referral: refer now
      !!!   Why: saddle anaesthesia <S3-S5> *new*
      !!! The plan was halted: 2 withheld, see below.
      !!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!

      Care plan (profile nice-ng59; rules test-pack 1.0.0, sha256:……)

      RECOMMENDED (1)
      1. Title of emergency-referral [referral] (emergency-referral)
         Details: urgency: emergency
         Why:
         - saddle anaesthesia <S3-S5> *new* (rule emergency)
         Evidence:
         - NICE NG59. Low back pain and sciatica in over 16s. 2016. [certainty: guideline] https://www.nice.org.uk/guidance/ng59

      WITHHELD (2)
      - education-reassurance: emergency first (rule emergency)
      - mental-health-referral: emergency first (rule emergency)

      DATA GAPS (0)
      (none)

      4 rules: 4 fired, 0 not fired, 0 undetermined
      "
    `);
  });
});

describe("renderMarkdown", () => {
  it("uses a caution callout for an urgent plan and escapes markup in clinical text", () => {
    expect(digest(renderMarkdown(urgent))).toMatchInlineSnapshot(`
      "> [!CAUTION]
      > **EMERGENCY: REFER NOW, BEFORE ANYTHING ELSE IN THIS PLAN**
      >
      > - **Title of emergency-referral: refer now**
      >   Why: saddle anaesthesia \\<S3-S5\\> \\*new\\*
      >
      > The plan was halted: 2 withheld, see below.

      # Care plan (profile nice-ng59; rules test-pack 1.0.0, sha256:……)

      ## Recommended (1)

      ### Title of emergency-referral \`emergency-referral\`

      *referral*. Patient text of emergency-referral.

      **Details:** urgency: emergency

      **Why:**

      - saddle anaesthesia \\<S3-S5\\> \\*new\\* (rule \`emergency\`)

      **Evidence:**

      - [NICE NG59. Low back pain and sciatica in over 16s. 2016.](https://www.nice.org.uk/guidance/ng59) (certainty: guideline)

      ## Withheld (2)

      - **education-reassurance**: emergency first (rule \`emergency\`)
      - **mental-health-referral**: emergency first (rule \`emergency\`)

      ## Data gaps (0)

      _None._

      _4 rules: 4 fired, 0 not fired, 0 undetermined._
      "
    `);
  });
});

describe("renderJson and renderPlan", () => {
  it("prints stable pretty JSON with a trailing newline", () => {
    expect(renderJson(urgent)).toBe(`${JSON.stringify(urgent, null, 2)}\n`);
    expect(JSON.parse(renderPlan(urgent, "json"))).toEqual(urgent);
  });

  it("dispatches every format", () => {
    expect(renderPlan(urgent, "text")).toBe(renderText(urgent));
    expect(renderPlan(urgent, "markdown")).toBe(renderMarkdown(urgent));
  });
});

describe("a follow-up plan's changes", () => {
  const followUp = planFor(rules, {
    ...BASE,
    redFlags: { saddleAnaesthesia: false },
    questionnaires: { phq9: { total: 12, item9: 0 } },
    followUp: { weeksSinceBaseline: 6, previousComponents: ["education-reassurance", "acupuncture"] },
  });

  it("opens the text with what was added, stopped and kept, each with why and who", () => {
    const text = renderText(followUp);
    expect(text).toContain(
      [
        "CHANGES SINCE THE LAST PLAN (added 1, stopped 1, kept 1)",
        "+ mental-health-referral: PHQ-9 12 (rule depression)",
        "- acupuncture: NICE: do not offer (rule no-acupuncture)",
        "= education-reassurance: 3 weeks of pain (rule everyone)",
        "",
        "RECOMMENDED (2)",
      ].join("\n"),
    );
  });

  it("gives markdown a section with the same entries, escaped", () => {
    expect(renderMarkdown(followUp)).toContain(
      [
        "## Changes since the last plan (added 1, stopped 1, kept 1)",
        "",
        "- added **mental-health-referral**: PHQ-9 12 (rule `depression`)",
        "- stopped **acupuncture**: NICE: do not offer (rule `no-acupuncture`)",
        "- kept **education-reassurance**: 3 weeks of pain (rule `everyone`)",
      ].join("\n"),
    );
  });

  it("has no changes section at a first visit", () => {
    expect(renderText(incomplete)).not.toContain("CHANGES SINCE");
    expect(renderMarkdown(incomplete)).not.toContain("Changes since");
  });
});
