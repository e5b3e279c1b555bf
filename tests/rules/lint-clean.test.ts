/**
 * The bundled pack checks clean in the core: no error, and no title or reason that states a
 * threshold its condition does not test. (The built CLI's `lint rules` printing nothing is in
 * tests/cli/e2e.test.ts.) Moved here from the load layer's tests, which use packs of their own.
 */
import { describe, expect, it } from "vitest";
import { formatIssue } from "../../src/core/errors.js";
import { checkRuleset } from "../../src/core/load/index.js";
import { bundledFiles } from "../properties/bundled-pack.js";

describe("the bundled pack", () => {
  it("compiles without an error", () => {
    const { ruleset, issues } = checkRuleset(bundledFiles);
    expect(issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(ruleset?.rules.length).toBeGreaterThan(0);
  });

  it("says in its titles, descriptions and reasons the thresholds its conditions test", () => {
    const drifts = checkRuleset(bundledFiles, { today: "2026-12-07" }).issues.filter(
      (i) => i.code === "rules/threshold-text",
    );
    expect(drifts.map((i) => formatIssue(i))).toEqual([]);
  });
});
