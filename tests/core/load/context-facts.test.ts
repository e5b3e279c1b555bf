import { describe, expect, it } from "vitest";
import { factCatalog } from "../../../src/core/run/facts/catalog.js";
import { compileRuleset } from "../../../src/core/load/index.js";
import { contextFacts } from "../../../src/core/load/context-facts.js";
import { minimalPack } from "../../arbitraries/ruleset.js";

describe("context facts", () => {
  it("range over the pack's own profiles, components and the schema's categories; never a data gap", () => {
    expect(contextFacts({ profiles: ["a", "b"], components: ["x"] })).toEqual([
      expect.objectContaining({ name: "profile", type: "string", enum: ["a", "b"], origin: "context", collect: [] }),
      expect.objectContaining({
        name: "plan.components",
        type: "string-list",
        enum: ["x"],
        origin: "context",
        collect: [],
      }),
      expect.objectContaining({ name: "plan.categories", type: "string-list", origin: "context", collect: [] }),
    ]);
    expect(contextFacts({})[2]?.enum).toEqual([
      "referral",
      "investigation",
      "education",
      "self-management",
      "physiotherapy",
      "motor-control",
      "psychological",
      "medication",
      "lifestyle",
      "adjunct",
      "follow-up",
    ]);
  });

  it("leave a fact open when its file is unusable", () => {
    expect(contextFacts({})[0]).not.toHaveProperty("enum");
  });

  it("join the fact catalog in the ruleset", () => {
    const { facts } = compileRuleset(minimalPack());
    for (const name of factCatalog.keys()) expect(facts.has(name)).toBe(true);
    expect(facts.get("profile")?.enum).toEqual(["nice-ng59", "acp-2017"]);
    expect(facts.get("plan.components")?.enum).toEqual(["mental-health-referral", "education-reassurance"]);
  });
});
