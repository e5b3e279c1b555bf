/** The bundled pack's own scenario tests (rules/tests/*.yaml), each as a vitest case. */
import { describe, expect, it } from "vitest";
import { createEngine } from "../../src/core/run/engine.js";
import { compileRuleset } from "../../src/core/load/index.js";
import { runScenario } from "../../src/authoring/scenarios/run-scenario.js";
import { bundledFiles } from "../properties/bundled-pack.js";

const ruleset = compileRuleset(bundledFiles);
const engine = createEngine(ruleset);

describe("bundled pack scenarios", () => {
  it("has scenario tests", () => {
    expect(ruleset.scenarios.length).toBeGreaterThanOrEqual(8);
  });
  for (const test of ruleset.scenarios) {
    it(`${test.scenario.name} (${test.source.file}:${test.source.line})`, () => {
      const result = runScenario(engine, test);
      expect(result.issues).toEqual([]);
      expect(result.failures).toEqual([]);
      expect(result.outcome).toBe("passed");
    });
  }
});
