import { expect, it } from "vitest";
import { closestMatch } from "../../src/core/suggest.js";

it("suggests the closest candidate within a third of the word's length", () => {
  expect(closestMatch("phq9.totl", ["gad7.total", "phq9.total", "phq9.item9"])).toBe("phq9.total");
  expect(closestMatch("prority", ["id", "priority", "title"])).toBe("priority");
  expect(closestMatch("PHQ9.TOTAL", ["phq9.total"])).toBe("phq9.total");
  expect(closestMatch("zzz", ["phq9.total"])).toBeUndefined();
  expect(closestMatch("x", [])).toBeUndefined();
});

it("breaks ties by sorted order, not by the order candidates come in", () => {
  expect(closestMatch("ab", ["ac", "aa"])).toBe("aa");
  expect(closestMatch("ab", ["aa", "ac"])).toBe("aa");
});
