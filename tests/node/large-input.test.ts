/**
 * Hostile shapes inside the 1 MiB file limit: tens of thousands of unknown keys once took 55 s of
 * CPU and printed 65,005 lines (the YAML parser compared each key with every other of its mapping,
 * and every problem was translated and listed). Time is compared as a ratio between equal amounts of
 * work in the same process, never against a wall-clock bound, so a loaded machine cannot fail it.
 */
import { describe, expect, it } from "vitest";
import { safeParseAssessment } from "../../src/core/run/assessment/index.js";
import { MAX_REPORTED } from "../../src/core/run/assessment/schema-issues.js";
import { isBackplanError, type Issue } from "../../src/core/errors.js";
import { readAssessmentText } from "../../src/node/assessment-file.js";

function withUnknownKeys(count: number): Record<string, unknown> {
  const assessment: Record<string, unknown> = { patient: { age: 40 }, pain: { durationWeeks: 3 } };
  for (let i = 0; i < count; i++) assessment[`k${String(i).padStart(6, "0")}`] = i;
  return assessment;
}

const asYaml = (value: Record<string, unknown>): string =>
  ["patient:\n  age: 40", "pain:\n  durationWeeks: 3"]
    .concat(
      Object.keys(value)
        .filter((k) => k.startsWith("k"))
        .map((k) => `${k}: ${String(value[k])}`),
    )
    .join("\n");

function issuesOf(text: string, name: string): Issue[] {
  try {
    readAssessmentText(text, name);
  } catch (error) {
    if (isBackplanError(error)) return [...error.issues];
    throw error;
  }
  return [];
}

/**
 * How much longer one read of `large` takes than `times` reads of `small` (which hold `times`
 * times fewer keys): about 1 when reading is linear, about `times` when it is quadratic. Both sides
 * do the same work if linear, so they take about as long and a loaded machine slows them alike (a
 * ratio of a short run to a long one is not: a 10 ms run fits in one time slice, a 200 ms one does
 * not). Interleaved, fastest of five each.
 */
function linearity(small: string, large: string, times: number, name: string): number {
  let bestSmall = Infinity;
  let bestLarge = Infinity;
  for (let round = 0; round < 5; round++) {
    let start = performance.now();
    for (let i = 0; i < times; i++) issuesOf(small, name);
    bestSmall = Math.min(bestSmall, performance.now() - start);
    start = performance.now();
    issuesOf(large, name);
    bestLarge = Math.min(bestLarge, performance.now() - start);
  }
  return bestLarge / bestSmall;
}

describe("assessments with many unknown keys", () => {
  it("lists the first problems and counts the rest, in one summary line", () => {
    const result = safeParseAssessment(withUnknownKeys(5000));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toHaveLength(MAX_REPORTED + 1);
    expect(result.issues.at(-1)).toMatchObject({
      code: "assessment/more-problems",
      message: "… and 4,900 more problems (not listed: fix these first)",
    });
  });

  it("reads JSON in time linear in its keys: 16 times the keys take about as long as 16 reads of the few", () => {
    const small = JSON.stringify(withUnknownKeys(2_500));
    const large = JSON.stringify(withUnknownKeys(40_000));
    // Linear is about 1 (up to 2 on a loaded machine, from garbage collection); quadratic is about 16.
    expect(linearity(small, large, 16, "a.json")).toBeLessThan(5);
  });

  it("reads YAML in time linear in its keys too, and still refuses a duplicate key at its line", () => {
    const small = asYaml(withUnknownKeys(2_500));
    expect(linearity(asYaml(withUnknownKeys(1_250)), asYaml(withUnknownKeys(20_000)), 16, "a.yaml")).toBeLessThan(5);
    expect(issuesOf(`${small}\nk000007: 1\n`, "a.yaml").map((i) => [i.message, i.source?.line])).toEqual([
      ["invalid YAML: map keys must be unique", 2505],
    ]);
  });

  it("finds a duplicate JSON key at its place, however deep, and not one in another object", () => {
    const text = '{"patient": {"age": 40}, "pain": {"durationWeeks": 3, "x": {"a": 1}, "y": {"a": 2}},\n "pain": {}}';
    expect(issuesOf(text, "a.json").map((i) => [i.message, i.source?.line, i.source?.column])).toEqual([
      ['invalid JSON: "pain" appears twice in one object; which answer is meant?', 2, 2],
    ]);
    expect(issuesOf('{"a\\"b": 1, "a\\"b": 2}', "b.json").map((i) => i.message)).toEqual([
      'invalid JSON: "a\\"b" appears twice in one object; which answer is meant?',
    ]);
  });
});
