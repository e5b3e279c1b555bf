import { describe, expect, it } from "vitest";
import { valueWord } from "../../../src/authoring/rulebook/value-words.js";
import { smallPack } from "./small-pack.js";

describe("valueWord", () => {
  const { components } = smallPack();
  it("reads ids as words, components by title, profiles as written", () => {
    expect(valueWord("pain.legPain", "below-knee", { components })).toBe("below knee");
    expect(valueWord("redFlags.present", "historyOfCancer", { components })).toBe("history of cancer");
    expect(valueWord("plan.components", "exercise", { components })).toBe("“Exercise | programme”");
    expect(valueWord("profile", "nice-ng59", { components })).toBe("nice-ng59");
    expect(valueWord("lifestyle.smoker", false, { components })).toBe("no");
  });
});
