import { describe, expect, it } from "vitest";
import { and, not, or, type Truth } from "../../../../src/core/run/evaluate/truth.js";

const U = "unknown";

describe("Kleene's strong three-valued logic", () => {
  it.each<[Truth, Truth, Truth]>([
    [true, true, true],
    [true, false, false],
    [true, U, U],
    [false, true, false],
    [false, false, false],
    [false, U, false],
    [U, true, U],
    [U, false, false],
    [U, U, U],
  ])("and(%s, %s) is %s", (a, b, expected) => {
    expect(and(a, b)).toBe(expected);
  });

  it.each<[Truth, Truth, Truth]>([
    [true, true, true],
    [true, false, true],
    [true, U, true],
    [false, true, true],
    [false, false, false],
    [false, U, U],
    [U, true, true],
    [U, false, U],
    [U, U, U],
  ])("or(%s, %s) is %s", (a, b, expected) => {
    expect(or(a, b)).toBe(expected);
  });

  it.each<[Truth, Truth]>([
    [true, false],
    [false, true],
    [U, U],
  ])("not(%s) is %s", (a, expected) => {
    expect(not(a)).toBe(expected);
  });
});
