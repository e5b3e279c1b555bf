import { describe, expect, it } from "vitest";
import {
  atQuantile,
  compact,
  oneOfByAge,
  pick,
  positions,
  spread,
  subset,
  yesNoByAge,
} from "../../../src/authoring/cohort/draw.js";
import { randomFor, recordedWith } from "../../../src/authoring/cohort/random.js";

describe("atQuantile", () => {
  const bands = [
    [0, 4, 50],
    [5, 9, 50],
  ] as const;

  it("finds the band by weight and the value by the rest of the quantile", () => {
    expect([0, 0.09, 0.1, 0.49, 0.5, 0.72, 0.999].map((q) => atQuantile(bands, q))).toEqual([0, 0, 1, 4, 5, 7, 9]);
  });

  it("scales by the step, in clean tenths", () => {
    expect(atQuantile([[3, 59, 1]], 0, 0.1)).toBe(0.3);
    expect(atQuantile([[3, 59, 1]], 0.9999, 0.1)).toBe(5.9);
  });

  it("puts every quantile of [0, 1) inside the bands", () => {
    for (let q = 0; q < 1; q += 0.001) {
      const value = atQuantile(bands, q);
      expect(value >= 0 && value <= 9 && Number.isInteger(value)).toBe(true);
    }
  });
});

describe("spread", () => {
  it("spreads the total exactly, no answer above the maximum", () => {
    const random = randomFor(1, 2);
    for (let total = 0; total <= 27; total++) {
      const answers = spread(random, total, 9, 3);
      expect(answers).toHaveLength(9);
      expect(answers.reduce((a, b) => a + b, 0)).toBe(total);
      expect(Math.max(...answers)).toBeLessThanOrEqual(3);
    }
  });

  it("refuses a total that cannot fit", () => {
    expect(() => spread(randomFor(1, 2), 10, 3, 3)).toThrowErrorMatchingInlineSnapshot(
      `[Error: cannot spread 10 over 3 answers of at most 3]`,
    );
  });
});

describe("draws", () => {
  it("positions are distinct, sorted and in range", () => {
    const random = randomFor(5, 5);
    for (let count = 0; count <= 5; count++) {
      const found = positions(random, count, 5);
      expect(found).toEqual([...new Set(found)].sort());
      expect(found).toHaveLength(count);
    }
  });

  it("pick follows the weights", () => {
    const random = randomFor(3, 3);
    const picks = Array.from({ length: 4000 }, () =>
      pick(random, [
        ["a", 3],
        ["b", 1],
      ] as const),
    );
    const a = picks.filter((p) => p === "a").length / picks.length;
    expect(a).toBeGreaterThan(0.7);
    expect(a).toBeLessThan(0.8);
  });

  it("subset keeps the table's order", () => {
    expect(subset(randomFor(1, 1), { x: 1, y: 0, z: 1 })).toEqual(["x", "z"]);
  });

  it("yesNoByAge takes the older rate from the given age on, and leaves answers out at the missing rate", () => {
    const spec = { fromAge: 60, younger: 0, older: 1, missing: 0 };
    const random = randomFor(2, 2);
    expect([59, 60, 61].map((age) => yesNoByAge(random, spec, age))).toEqual([false, true, true]);
    expect(yesNoByAge(random, { ...spec, missing: 1 }, 70)).toBeUndefined();
  });

  it("oneOfByAge takes the choices of the last age group reached (the first group below it), and leaves answers out", () => {
    const spec = {
      groups: [
        [25, [["young", 1]]],
        [65, [["old", 1]]],
      ],
      missing: 0,
    } as const;
    const random = randomFor(4, 4);
    expect([18, 25, 64, 65, 90].map((age) => oneOfByAge(random, spec, age))).toEqual([
      "young",
      "young",
      "young",
      "old",
      "old",
    ]);
    expect(oneOfByAge(random, { ...spec, missing: 1 }, 40)).toBeUndefined();
    expect(() => oneOfByAge(random, { groups: [], missing: 0 }, 40)).toThrowErrorMatchingInlineSnapshot(
      `[Error: oneOfByAge needs at least one age group]`,
    );
  });

  it("compact drops undefined values only", () => {
    expect(compact<{ a?: number; b?: boolean; c?: string }>({ a: 0, b: false, c: undefined })).toEqual({
      a: 0,
      b: false,
    });
  });
});

describe("randomFor", () => {
  it("gives each (seed, index) its own stream, the same every time", () => {
    const draw = (seed: number, index: number) => {
      const random = randomFor(seed, index);
      return Array.from({ length: 5 }, () => random.unit());
    };
    expect(draw(1, 0)).toEqual(draw(1, 0));
    expect(draw(1, 0)).not.toEqual(draw(1, 1));
    expect(draw(1, 0)).not.toEqual(draw(2, 0));
  });

  it("stays inside its ranges", () => {
    const random = randomFor(8, 8);
    for (let i = 0; i < 1000; i++) {
      const n = random.int(2, 4);
      const u = random.unit();
      expect(n >= 2 && n <= 4 && u >= 0 && u < 1).toBe(true);
    }
  });

  it("recordedWith scales the missing rate, at most to always", () => {
    const count = (random: ReturnType<typeof randomFor>, p: number) =>
      Array.from({ length: 2000 }, () => random.absent(p)).filter(Boolean).length;
    expect(count(recordedWith(randomFor(1, 0), 0), 0.5)).toBe(0);
    expect(count(recordedWith(randomFor(1, 0), 4), 0.5)).toBe(2000);
    const scaled = count(recordedWith(randomFor(1, 0), 2), 0.1) / 2000;
    expect(scaled).toBeGreaterThan(0.15);
    expect(scaled).toBeLessThan(0.25);
  });
});
