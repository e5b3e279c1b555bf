/**
 * Contraindications travel in pack.json: `packToJson` writes them with their components, the
 * bundle schema accepts them, `rulesetFromJson` checks them as a YAML pack's are and plans with
 * them as the YAML pack does.
 */
import { describe, expect, it } from "vitest";
import { createEngine, formatIssue } from "../../../../src/core/index.js";
import { packToJson, rulesetFromJson, type PackJson } from "../../../../src/core/load/pack-json/index.js";
import { SCREENED, guardedRuleset } from "../../../fixtures/guarded-pack.js";
import type { Assessment } from "../../../../src/core/generated/types.js";

const written = JSON.stringify(packToJson(guardedRuleset));

function loaded(edit: (pack: PackJson) => void = () => undefined) {
  const pack = JSON.parse(written) as PackJson;
  edit(pack);
  return rulesetFromJson(pack);
}

/** The spinal-manipulation entry of a pack.json, whose contraindications a test edits. */
function manipulation(pack: PackJson) {
  const found = pack.components.find((c) => c.id === "spinal-manipulation");
  if (found?.contraindications === undefined) throw new Error("no contraindications to edit");
  return found.contraindications;
}

describe("pack.json and contraindications", () => {
  it("keeps every contraindication of the catalog, as written", () => {
    const pack = JSON.parse(written) as PackJson;
    expect(manipulation(pack).map((c) => c.id)).toEqual(["manipulation-osteoporosis", "manipulation-under-referral"]);
    const result = loaded();
    if (!result.ok) throw new Error(result.issues.map(formatIssue).join("\n"));
    expect([...result.value.components]).toEqual([...guardedRuleset.components]);
    expect(result.value.digest).toBe(guardedRuleset.digest);
  });

  it("withholds a contraindicated or unscreened component as the YAML pack does", () => {
    const result = loaded();
    if (!result.ok) throw new Error("pack.json did not load");
    const [yaml, json] = [createEngine(guardedRuleset), createEngine(result.value)];
    const cases = [
      SCREENED,
      { ...SCREENED, redFlags: { saddleAnaesthesia: false, fever: false, osteoporosis: true } },
      { ...SCREENED, redFlags: { saddleAnaesthesia: false } },
      { ...SCREENED, questionnaires: { phq9: { total: 12, item9: 1 } } },
    ];
    for (const assessment of cases)
      expect(json.recommend(assessment as Assessment)).toEqual(yaml.recommend(assessment as Assessment));
    expect(json.recommend(cases[1] as Assessment).withheld.map((w) => w.rule)).toEqual([
      "contraindication:manipulation-osteoporosis",
    ]);
  });

  it("refuses a contraindication that reads an unknown fact, at its pointer in pack.json", () => {
    const result = loaded((pack) => {
      manipulation(pack)[0].when = { all: [{ fact: "redFlags.osteoporosi", operator: "equal", value: true }] };
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const index = (JSON.parse(written) as PackJson).components.findIndex((c) => c.id === "spinal-manipulation");
    expect(result.issues.map((i) => [i.code, i.path])).toEqual([
      ["rules/unknown-fact", `/components/${index}/contraindications/0/when/all/0/fact`],
    ]);
    expect(result.issues[0]?.message).toContain('"redFlags.osteoporosi" (did you mean "redFlags.osteoporosis"?)');
  });

  it("refuses a contraindication id used twice, and one the schema forbids", () => {
    const twice = loaded((pack) => {
      const [first, second] = manipulation(pack);
      if (second !== undefined) second.id = first.id;
    });
    expect(twice.ok ? [] : twice.issues.map((i) => i.code)).toEqual(["components/duplicate-contraindication"]);
    const noReason = loaded((pack) => {
      Reflect.deleteProperty(manipulation(pack)[0], "reason");
    });
    expect(noReason.ok ? [] : noReason.issues.map(formatIssue)).toEqual([
      expect.stringMatching(/^components\[\d+\]\.contraindications\[0\]: must have required property 'reason'/),
    ]);
  });
});
