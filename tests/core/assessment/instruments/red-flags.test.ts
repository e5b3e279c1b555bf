import { describe, expect, it } from "vitest";
import { factsOf } from "../factories.js";

const allNo = {
  saddleAnaesthesia: false,
  bladderOrBowelDysfunction: false,
  bilateralLegSymptoms: false,
  progressiveNeurologicalDeficit: false,
  historyOfCancer: false,
  unexplainedWeightLoss: false,
  constantNightPain: false,
  fever: false,
  ivDrugUse: false,
  immunosuppression: false,
  recentTrauma: false,
  contusionOrAbrasion: false,
  osteoporosis: false,
  prolongedCorticosteroidUse: false,
};

function redFlagFacts(redFlags: Record<string, boolean>) {
  const facts = factsOf({ redFlags });
  return [facts.get("redFlags.present"), facts.get("redFlags.count")];
}

describe("red flags", () => {
  it("lists none when every flag was asked and answered no", () => {
    expect(redFlagFacts(allNo)).toEqual([[], 0]);
  });

  it("lists the flags answered true, sorted by name, and counts them", () => {
    expect(redFlagFacts({ ...allNo, saddleAnaesthesia: true, bladderOrBowelDysfunction: true, fever: true })).toEqual([
      ["bladderOrBowelDysfunction", "fever", "saddleAnaesthesia"],
      3,
    ]);
  });

  it("is absent unless every flag was asked: a short list must not read as 'no others'", () => {
    const { osteoporosis: _unasked, ...rest } = allNo;
    expect(redFlagFacts({ ...rest, fever: true })).toEqual([undefined, undefined]);
    expect(factsOf({}).has("redFlags.count")).toBe(false);
  });

  it("still exposes each answered flag as its own fact", () => {
    const facts = factsOf({ redFlags: { saddleAnaesthesia: true } });
    expect([facts.get("redFlags.saddleAnaesthesia"), facts.has("redFlags.fever")]).toEqual([true, false]);
  });
});
