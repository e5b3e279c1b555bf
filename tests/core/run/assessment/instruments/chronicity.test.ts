import { describe, expect, it } from "vitest";
import { factsOf } from "../factories.js";

function chronicityAt(durationWeeks: number) {
  return factsOf({ pain: { durationWeeks } }).get("chronicity");
}

describe("chronicity", () => {
  it.each([
    [0, "acute"],
    [1.4, "acute"],
    [5.9, "acute"],
    [6, "subacute"],
    [11.9, "subacute"],
    [12, "chronic"],
    [520, "chronic"],
  ])("%s weeks is %s", (weeks, expected) => {
    expect(chronicityAt(weeks)).toBe(expected);
  });
});
