/**
 * The clinical vignettes (../shared/clinical/vignettes.json, beside the clone): each case's plan,
 * under its profile (the pack's default when none), must include every `mustInclude` component,
 * none of `mustExclude`, and have `expected.status` when given. A failure shows what differed and
 * why the rules decided so, as `backplan test` does.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createEngine } from "../../src/core/run/engine.js";
import type { ScenarioExpectation } from "../../src/core/generated/types.js";
import { compileRuleset } from "../../src/core/load/index.js";
import { runScenario } from "../../src/authoring/scenarios/run-scenario.js";
import { bundledFiles } from "../properties/bundled-pack.js";

interface Vignette {
  readonly id: string;
  readonly description: string;
  readonly profile?: string;
  readonly assessment: object;
  readonly expected: {
    readonly mustInclude: string[];
    readonly mustExclude: string[];
    readonly status?: ScenarioExpectation["status"];
  };
}

const VIGNETTES = new URL("../../../shared/clinical/vignettes.json", import.meta.url);
const vignettes = JSON.parse(readFileSync(VIGNETTES, "utf8")) as Vignette[];
const engine = createEngine(compileRuleset(bundledFiles));

describe("clinical vignettes on the bundled pack", () => {
  it("has the 11 cases", () => {
    expect(vignettes.map((v) => v.id)).toHaveLength(11);
  });

  for (const vignette of vignettes) {
    it(`${vignette.id}: ${vignette.description}`, () => {
      const { mustInclude, mustExclude, status } = vignette.expected;
      const result = runScenario(engine, {
        source: { file: "vignettes.json", line: 1, column: 1 },
        scenario: {
          name: vignette.id,
          assessment: vignette.assessment,
          expect: { include: mustInclude, exclude: mustExclude, ...(status === undefined ? {} : { status }) },
          ...(vignette.profile === undefined ? {} : { profile: vignette.profile }),
        },
      });
      expect(result.issues).toEqual([]);
      expect(result.unmet).toEqual([]);
      const components = result.plan?.components.map((c) => c.id) ?? [];
      for (const id of mustInclude) expect(components).toContain(id);
      for (const id of mustExclude) expect(components).not.toContain(id);
      if (status !== undefined) expect(result.plan?.status).toBe(status);
    });
  }
});
