import { describe, expect, it } from "vitest";
import { factCatalog } from "../../../src/core/index.js";
import { contextFacts } from "../../../src/core/load/context-facts.js";
import { inSentence, labelOf } from "../../../src/authoring/rulebook/fact-labels.js";

const facts = new Map([...factCatalog, ...contextFacts({}).map((f) => [f.name, f] as const)]);

describe("labelOf", () => {
  it("names every fact of the catalog with a short phrase, not a sentence", () => {
    for (const name of facts.keys()) {
      const { label } = labelOf(name, facts);
      expect(label, name).toMatch(/^\S/);
      expect(label.length, name).toBeLessThanOrEqual(60);
      expect(label, name).not.toMatch(/[.;:]$/);
    }
  });

  it("falls back to the description's first phrase, then to the fact's name", () => {
    expect(labelOf("redFlags.osteoporosis", facts)).toEqual({ label: "osteoporosis" });
    expect(labelOf("no.such.fact", facts)).toEqual({ label: "no.such.fact" });
  });

  it("keeps acronyms and mixed-case names as written inside a sentence", () => {
    expect(["Mental health referral", "STarT Back total", "BMI", "McKenzie method", "CBT approach"].map(inSentence))
      .toMatchInlineSnapshot(`
      [
        "mental health referral",
        "STarT Back total",
        "BMI",
        "McKenzie method",
        "CBT approach",
      ]
    `);
  });
});
