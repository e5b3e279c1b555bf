/**
 * A ruleset loaded from pack.json is the YAML pack's ruleset: same rules, same digest, and the
 * same plan for any assessment under either profile.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileRuleset, createEngine } from "../../../../src/core/index.js";
import { packJsonText, packToJson, rulesetFromJson } from "../../../../src/core/load/pack-json/index.js";
import { validAssessmentArb } from "../../../arbitraries/assessment.js";
import { bundledFiles } from "../../../properties/bundled-pack.js";

const fromYaml = compileRuleset(bundledFiles);
const packJson = JSON.parse(JSON.stringify(packToJson(fromYaml))) as unknown;
const loaded = rulesetFromJson(packJson);
if (!loaded.ok) throw new Error(loaded.issues.map((i) => i.message).join("\n"));
const fromJson = loaded.value;

describe("rulesetFromJson(packToJson(ruleset))", () => {
  it("keeps the name, version, digest, profiles and catalogs", () => {
    expect(fromJson.digest).toBe(fromYaml.digest);
    expect(fromJson.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect([fromJson.name, fromJson.version, fromJson.defaultProfile]).toEqual([
      fromYaml.name,
      fromYaml.version,
      fromYaml.defaultProfile,
    ]);
    expect(fromJson.profiles).toEqual(fromYaml.profiles);
    expect([...fromJson.components]).toEqual([...fromYaml.components]);
    expect([...fromJson.evidence]).toEqual([...fromYaml.evidence]);
    expect(fromJson.facts).toEqual(fromYaml.facts);
  });

  it("keeps every rule, its order, condition, actions, governance and source", () => {
    const written = (rules: typeof fromYaml.rules) => rules.map(({ test: _compiled, ...rule }) => rule);
    expect(written(fromJson.rules)).toEqual(written(fromYaml.rules));
    expect(written(fromJson.inactive)).toEqual(written(fromYaml.inactive));
    expect(fromJson.drafts).toEqual(fromYaml.drafts);
    expect(fromJson.rules.length).toBeGreaterThan(10);
  });

  it("gives the same warnings as the YAML pack, and leaves scenario tests out", () => {
    expect(fromJson.warnings.map((w) => w.code)).toEqual(fromYaml.warnings.map((w) => w.code));
    expect(fromJson.scenarios).toEqual([]);
    expect(fromYaml.scenarios.length).toBeGreaterThan(0);
  });

  it("runs a draft only when bundled with includeDrafts", () => {
    // Any active rule will do: the first, so that no clinical edit can take the test's rule away.
    const [first] = fromYaml.rules;
    if (first === undefined) throw new Error("the pack has no active rule");
    const status = new RegExp(`(- id: ${first.id}\\n(?:.*\\n)*?\\s+status: )active`);
    // Scenario tests would name the rule as firing: they are not part of pack.json anyway.
    const drafted = bundledFiles
      .filter((f) => !f.path.startsWith("tests/"))
      .map((f) => (f.path === first.source.file ? { ...f, text: f.text.replace(status, "$1draft") } : f));
    for (const includeDrafts of [false, true]) {
      const yaml = compileRuleset(drafted, { includeDrafts });
      const again = rulesetFromJson(packToJson(yaml));
      if (!again.ok) throw new Error("the drafted pack.json did not load");
      expect(again.value.drafts).toEqual(includeDrafts ? [first.id] : []);
      expect(again.value.rules.map((r) => r.id)).toEqual(yaml.rules.map((r) => r.id));
      expect(again.value.inactive.map((r) => r.id)).toEqual(includeDrafts ? [] : [first.id]);
    }
  });

  it("does not freeze or change the caller's object", () => {
    const mine = packToJson(fromYaml);
    const copy = JSON.parse(JSON.stringify(mine)) as unknown;
    rulesetFromJson(copy);
    expect(Object.isFrozen(copy)).toBe(false);
    expect(copy).toEqual(JSON.parse(JSON.stringify(mine)));
  });

  it("makes the same plan as the YAML pack for any assessment, under every profile", () => {
    const [yamlEngine, jsonEngine] = [createEngine(fromYaml), createEngine(fromJson)];
    const profiles = fromYaml.profiles.map((p) => p.id);
    expect(profiles.length).toBeGreaterThanOrEqual(2);
    fc.assert(
      fc.property(validAssessmentArb, fc.constantFrom(...profiles), (assessment, profile) => {
        const fromJsonPlan = jsonEngine.recommend(assessment, { profile });
        expect(fromJsonPlan).toEqual(yamlEngine.recommend(assessment, { profile }));
        expect(fromJsonPlan.ruleset.digest).toBe(fromYaml.digest);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("packJsonText(ruleset)", () => {
  const text = packJsonText(fromYaml);

  it("is one line of ASCII: the pack's ≥ and ° written as \\u escapes", () => {
    expect(text.endsWith("}\n")).toBe(true);
    expect(text.slice(0, -1)).not.toContain("\n");
    expect(/[^\x20-\x7e\n]/.test(text)).toBe(false);
    // The bundled pack has characters past ASCII to escape (≥ and °, among others).
    expect(JSON.stringify(packToJson(fromYaml))).toMatch(/[≥°]/);
    expect(text).toContain("\\u2265");
  });

  it("is the same document as JSON.stringify(packToJson(ruleset))", () => {
    expect(JSON.parse(text)).toEqual(packToJson(fromYaml));
  });

  it("escapes every code unit past ASCII, a pair outside the BMP as two", () => {
    const named = { ...fromYaml, name: "pack-😀-é-\u2028" };
    const written = packJsonText(named);
    expect(written).toContain('"name":"pack-\\ud83d\\ude00-\\u00e9-\\u2028"');
    expect((JSON.parse(written) as { name: string }).name).toBe(named.name);
  });
});
