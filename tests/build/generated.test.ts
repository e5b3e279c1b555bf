import { fileURLToPath } from "node:url";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { ucs2length } from "../../src/core/generated/ajv-runtime.js";
import { validateRules } from "../../src/core/generated/validators.js";

const run = promisify(execFile);

describe("generated validators and types", () => {
  it("match schemas/ (fails when a schema changed without `npm run generate`)", async () => {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "src/build/generate.ts", "--check"], {
      cwd: fileURLToPath(new URL("../../", import.meta.url)),
    });
    expect(stderr).toBe("");
    expect(stdout).toBe("");
  });
});

describe("generated validators' speed on many errors", () => {
  /** A rules document whose one rule has `count` conditions that are not conditions. */
  const withWrongConditions = (count: number): unknown => ({
    rules: [{ id: "big", title: "big", when: { all: Array.from({ length: count }, (_, i) => `x${i}`) }, then: {} }],
  });

  it("gather nested errors in time linear in their number (ajv's concat copied them all each time)", () => {
    const errorsOf = (document: unknown): number => (validateRules(document) ? 0 : (validateRules.errors?.length ?? 0));
    const small = withWrongConditions(1_000);
    const large = withWrongConditions(16_000);
    expect(errorsOf(large)).toBeGreaterThan(16_000);
    // One large validation against as many small ones as it holds: equal work if linear, so a
    // loaded machine slows both alike (about 1); copying the list each time gave about 16.
    let bestSmall = Infinity;
    let bestLarge = Infinity;
    for (let round = 0; round < 3; round++) {
      let start = performance.now();
      for (let i = 0; i < 16; i++) errorsOf(small);
      bestSmall = Math.min(bestSmall, performance.now() - start);
      start = performance.now();
      errorsOf(large);
      bestLarge = Math.min(bestLarge, performance.now() - start);
    }
    expect(bestLarge / bestSmall).toBeLessThan(5);
  });
});

describe("the validators' runtime helpers", () => {
  it("count a string's length in code points, as minLength and maxLength do", () => {
    expect(["", "abc", "😀", "😀😀x", "a\uD800", "\uDC00\uD800"].map(ucs2length)).toEqual([0, 3, 1, 3, 2, 2]);
  });
});
