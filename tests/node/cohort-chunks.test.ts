/** A cohort file's assessments in shared memory, range by range, come back as they were. */
import { describe, expect, it } from "vitest";
import { generateCohort } from "../../src/authoring/cohort/index.js";
import { chunkAssessments, cohortChunks } from "../../src/node/cohort-chunks.js";

describe("cohortChunks", () => {
  it("gives back each range's assessments, deep-equal, in order", () => {
    const assessments = generateCohort(130, 5);
    const chunks = cohortChunks(assessments, 50);
    expect(chunks.bytes).toBeInstanceOf(SharedArrayBuffer);
    expect(chunks.offsets).toHaveLength(4);
    expect([0, 1, 2].flatMap((k) => chunkAssessments(chunks, k))).toEqual(assessments);
    expect(chunkAssessments(chunks, 2)).toHaveLength(30);
  });

  it("keeps what JSON would lose (-0), as postMessage does", () => {
    const [first] = generateCohort(1, 1);
    if (first === undefined) throw new Error("no assessment");
    const odd = { ...first, pain: { ...first.pain, intensity: -0 } };
    const [back] = chunkAssessments(cohortChunks([odd], 50), 0);
    expect(Object.is(back?.pain.intensity, -0)).toBe(true);
  });

  it("throws for a range the cohort does not have", () => {
    expect(() => chunkAssessments(cohortChunks(generateCohort(10, 1), 50), 1)).toThrow("the cohort has no range 1");
  });
});
