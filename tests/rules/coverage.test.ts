/**
 * The bundled pack's scenario tests exercise every rule and every numeric threshold: each rule
 * fires in some scenario, each threshold is tested on both sides and, on whole-number facts, at
 * the values nearest its cut-off. A new rule or threshold without scenarios fails here, naming it.
 */
import { describe, expect, it } from "vitest";
import { createEngine } from "../../src/core/run/engine.js";
import { compileRuleset } from "../../src/core/load/index.js";
import { measureCoverage, seenBothWays } from "../../src/authoring/scenarios/coverage.js";
import { conditionPlaces } from "../../src/authoring/scenarios/coverage-places.js";
import { runScenario } from "../../src/authoring/scenarios/run-scenario.js";
import { bundledFiles } from "../properties/bundled-pack.js";
import { runMain } from "../cli/run-main.js";

const ruleset = compileRuleset(bundledFiles);
const engine = createEngine(ruleset);
const runs = ruleset.scenarios.map((test) => ({ test, result: runScenario(engine, test) }));
const coverage = measureCoverage(ruleset, runs, { places: conditionPlaces(bundledFiles) });
const conditions = coverage.rules.flatMap((rule) =>
  rule.conditions.map((c) => ({ ...c, where: `${c.source.file}:${c.source.line}:${c.source.column} (${rule.rule})` })),
);

describe("bundled pack coverage", () => {
  it("fires every rule in some scenario", () => {
    expect(coverage.rules.filter((r) => r.firedIn.length === 0).map((r) => r.rule)).toEqual([]);
    expect(coverage.summary.rules.percent).toBe(100);
  });

  it("tests every numeric threshold on both sides", () => {
    const thresholds = conditions.filter((c) => c.threshold !== undefined);
    expect(thresholds.length).toBeGreaterThan(20);
    expect(thresholds.filter((c) => !seenBothWays(c)).map((c) => c.where)).toEqual([]);
  });

  it("tests every whole-number threshold at the values nearest its cut-off", () => {
    const untested = conditions.flatMap((c) => {
      const missing = c.threshold?.boundary?.missing ?? [];
      return missing.length === 0 ? [] : [`${c.where}: ${missing.join(", ")}`];
    });
    expect(untested).toEqual([]);
    expect(coverage.summary.boundaries.percent).toBe(100);
  });

  it("passes backplan test --min-coverage 100", async () => {
    const { code, stdout } = await runMain(["test", "rules", "--min-coverage", "100"]);
    expect(code, stdout).toBe(0);
    expect(stdout.trimEnd().split("\n").at(-1)).toBe(`${ruleset.scenarios.length} passed, 0 failed`);
  });
});
