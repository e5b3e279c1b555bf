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

  it("reads no recent trauma as no major trauma too, so the screen need not ask it", () => {
    expect(allNo).not.toHaveProperty("majorTrauma");
    expect(redFlagFacts({ ...allNo, fever: true })).toEqual([["fever"], 1]);
    expect(redFlagFacts({ ...allNo, majorTrauma: false })).toEqual([[], 0]);
    // The answer itself stays unrecorded: only the list reads it as no.
    expect(factsOf({ redFlags: allNo }).has("redFlags.majorTrauma")).toBe(false);
  });

  it("needs the major-trauma answer after recent trauma, and lists it when yes", () => {
    expect(redFlagFacts({ ...allNo, recentTrauma: true })).toEqual([undefined, undefined]);
    expect(redFlagFacts({ ...allNo, recentTrauma: true, majorTrauma: false })).toEqual([["recentTrauma"], 1]);
    expect(redFlagFacts({ ...allNo, recentTrauma: true, majorTrauma: true })).toEqual([
      ["majorTrauma", "recentTrauma"],
      2,
    ]);
    const { recentTrauma: _unasked, ...withoutTrauma } = allNo;
    expect(redFlagFacts(withoutTrauma)).toEqual([undefined, undefined]);
  });

  it("still exposes each answered flag as its own fact", () => {
    const facts = factsOf({ redFlags: { saddleAnaesthesia: true } });
    expect([facts.get("redFlags.saddleAnaesthesia"), facts.has("redFlags.fever")]).toEqual([true, false]);
  });
});
