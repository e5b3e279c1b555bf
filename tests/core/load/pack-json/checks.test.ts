/**
 * A pack.json edited by hand is checked like a YAML pack: schema first, then the semantic checks
 * (unknown components, evidence, facts), each issue pointing into pack.json.
 */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { compileRuleset, formatIssue } from "../../../../src/core/index.js";
import type { Issue } from "../../../../src/core/index.js";
import { packToJson, rulesetFromJson, rulesetFromJsonText } from "../../../../src/core/load/pack-json/index.js";
import type { PackJson } from "../../../../src/core/load/pack-json/index.js";
import { readRuleFiles } from "../../../../src/node/index.js";

const excerpt = await readRuleFiles(fileURLToPath(new URL("../../../fixtures/packs/bundled-excerpt", import.meta.url)));
const original = JSON.stringify(packToJson(compileRuleset(excerpt)));

/** A fresh, mutable pack.json of three rules of the bundled pack, edited by `edit`. */
function edited(edit: (pack: PackJson) => void): unknown {
  const pack = JSON.parse(original) as PackJson;
  edit(pack);
  return pack;
}

function issuesOf(json: unknown): Pick<Issue, "code" | "path">[] & { text: string[] } {
  const result = rulesetFromJson(json);
  if (result.ok) throw new Error("expected the pack.json to be refused");
  return Object.assign(
    result.issues.map(({ code, path }) => ({ code, path })),
    { text: result.issues.map(formatIssue) },
  );
}

function ruleIndex(pack: PackJson, id: string): number {
  return pack.rules.findIndex((r) => r.rule.id === id);
}

describe("rulesetFromJson refuses", () => {
  it("a rule that adds an unknown component, at the rule's YAML source and its pointer", () => {
    let at = -1;
    const json = edited((pack) => {
      at = ruleIndex(pack, "fear-avoidance");
      const add = pack.rules[at]?.rule.then.add;
      if (add?.[0] !== undefined) add[0].component = "graded-exposur";
    });
    const issues = issuesOf(json);
    expect(issues.map((i) => i.code)).toContain("rules/unknown-component");
    const found = issues.find((i) => i.code === "rules/unknown-component");
    expect(found?.path).toBe(`/rules/${String(at)}/rule/then/add/0/component`);
    expect(
      issues.text.find((t) => t.includes("unknown component"))?.replace(/:\d+:\d+:/, ":L:C:"),
    ).toMatchInlineSnapshot(
      `"impairment.yaml:L:C: error: rule "fear-avoidance" adds unknown component "graded-exposur""`,
    );
  });

  it("a rule that cites unknown evidence or reads an unknown fact", () => {
    const json = edited((pack) => {
      const rule = pack.rules[0]?.rule;
      if (rule === undefined) return;
      rule.evidence = ["no-such-source"];
      rule.when = { fact: "phq9.totl", operator: "greaterThan", value: 9 };
    });
    const codes = issuesOf(json).map((i) => i.code);
    expect(codes).toContain("rules/unknown-evidence");
    expect(codes).toContain("rules/unknown-fact");
  });

  it("a default profile that is not among the profiles", () => {
    const issues = issuesOf(edited((pack) => (pack.defaultProfile = "nice-ng60")));
    expect(issues.text).toMatchInlineSnapshot(`
      [
        "pack.json:1:1: error: defaultProfile "nice-ng60" is not a profile of this pack: expected "nice-ng59" or "acp-2017" (did you mean "nice-ng59"?)",
      ]
    `);
  });

  it("a schema error, with its pointer", () => {
    const issues = issuesOf(
      edited((pack) => {
        const rule = pack.rules[1]?.rule;
        if (rule !== undefined) rule.priority = "high" as unknown as number;
      }),
    );
    expect(issues.text).toMatchInlineSnapshot(`
      [
        "rules[1].rule.priority: must be integer, found "high" in pack.json",
      ]
    `);
  });

  it("a condition's schema errors, from the shape its key names, or from every shape when it names none", () => {
    const withWhen = (when: unknown) =>
      issuesOf(
        edited((pack) => {
          const rule = pack.rules[1]?.rule;
          if (rule !== undefined) Object.assign(rule, { when });
        }),
      ).text;
    expect(withWhen({ any: [{ fact: "phq9.total", operator: "above", value: 9 }] })).toMatchInlineSnapshot(`
      [
        "rules[1].rule.when.any[0].operator: must be equal to one of the allowed values, found "above" in pack.json",
      ]
    `);
    expect(withWhen({ facts: "phq9.total" })).toMatchInlineSnapshot(`
      [
        "rules[1].rule.when: must have required property 'all', found an object in pack.json",
        "rules[1].rule.when: must NOT have the key "facts", found an object in pack.json",
        "rules[1].rule.when: must have required property 'any', found an object in pack.json",
        "rules[1].rule.when: must have required property 'not', found an object in pack.json",
        "rules[1].rule.when: must have required property 'fact', found an object in pack.json",
        "rules[1].rule.when: must have required property 'operator', found an object in pack.json",
        "rules[1].rule.when: must have required property 'value', found an object in pack.json",
        "rules[1].rule.when: must match exactly one schema in oneOf, found an object in pack.json",
      ]
    `);
    // Keys of two shapes: read by the shape whose key comes first in the schema's order (all, any,
    // not, fact), whose closed object refuses each key of the other, by name.
    const leaf = { fact: "phq9.total", operator: "greaterThan", value: 9 };
    expect(withWhen({ all: [leaf], ...leaf })).toMatchInlineSnapshot(`
      [
        "rules[1].rule.when: must NOT have the key "fact", found an object in pack.json",
        "rules[1].rule.when: must NOT have the key "operator", found an object in pack.json",
        "rules[1].rule.when: must NOT have the key "value", found an object in pack.json",
      ]
    `);
    expect(withWhen({ not: leaf, any: [leaf] })).toMatchInlineSnapshot(`
      [
        "rules[1].rule.when: must NOT have the key "not", found an object in pack.json",
      ]
    `);
  });

  it("unknown keys, each by name, even two in one object", () => {
    const issues = issuesOf(
      edited((pack) => {
        const rule = pack.rules[1]?.rule;
        if (rule !== undefined) Object.assign(rule, { prority: 2, notes: "x" });
      }),
    );
    expect(issues.text).toMatchInlineSnapshot(`
      [
        "rules[1].rule: must NOT have the key "prority", found an object in pack.json",
        "rules[1].rule: must NOT have the key "notes", found an object in pack.json",
      ]
    `);
  });

  it("another layout, or no layout, before any schema complaint", () => {
    expect(issuesOf(edited((pack) => Object.assign(pack, { format: 2 }))).text).toMatchInlineSnapshot(`
      [
        "format: pack.json has format 2; this version of backplan reads format 1",
      ]
    `);
    expect(issuesOf([]).text).toMatchInlineSnapshot(`
      [
        "format: pack.json has format nothing; this version of backplan reads format 1",
      ]
    `);
  });

  it("a value JSON cannot hold", () => {
    const cyclic: Record<string, unknown> = {};
    cyclic["self"] = cyclic;
    expect(issuesOf(cyclic).map((i) => i.code)).toEqual(["pack-json/not-json"]);
  });
});

describe("rulesetFromJson, on a pack.json from elsewhere", () => {
  it("refuses nesting past the YAML pack's depth limit before validating it", () => {
    let when: unknown = { fact: "age", operator: "greaterThan", value: 1 };
    for (let i = 0; i < 5000; i++) when = { not: when };
    const issues = issuesOf(
      edited((pack) => {
        const rule = pack.rules[0]?.rule;
        if (rule !== undefined) Object.assign(rule, { when });
      }),
    );
    expect(issues.text).toMatchInlineSnapshot(`
      [
        "pack.json nests deeper than 100 levels: expected a shallower structure",
      ]
    `);
  });

  it("counts brackets inside strings as text, not nesting", () => {
    const deepText = "[".repeat(150) + '"\\"{';
    const json = edited((pack) => {
      const rule = pack.rules[0]?.rule;
      if (rule !== undefined) rule.title = deepText;
    });
    expect(rulesetFromJson(json).ok).toBe(true);
  });

  it("ends a string at its quote after an escaped backslash, so brackets in the next string stay text", () => {
    const json = edited((pack) => {
      const rule = pack.rules[0]?.rule;
      if (rule !== undefined) Object.assign(rule, { title: "C:\\", description: "[".repeat(150) });
    });
    expect(rulesetFromJson(json).ok).toBe(true);
  });

  it("refuses a pack over the size limit", () => {
    const json = edited((pack) => {
      const rule = pack.rules[0]?.rule;
      if (rule !== undefined) rule.description = "x".repeat(11 * 1024 * 1024);
    });
    expect(issuesOf(json).map((i) => i.code)).toEqual(["pack/too-large"]);
  });
});

describe("rulesetFromJson and the proofs over conditions", () => {
  it("trusts bundle to have run them, and runs them when asked", () => {
    const json = edited((pack) => {
      const rule = pack.rules[ruleIndex(pack, "fear-avoidance")]?.rule;
      if (rule !== undefined)
        rule.when = {
          all: [
            { fact: "pain.durationWeeks", operator: "lessThan", value: 1 },
            { fact: "pain.durationWeeks", operator: "greaterThan", value: 2 },
          ],
        };
    });
    expect(rulesetFromJson(json).ok).toBe(true);
    const proved = rulesetFromJson(json, { proofs: true });
    expect(proved.ok ? [] : proved.issues.map((i) => i.severity)).toContain("error");
  });
});

describe("rulesetFromJsonText", () => {
  /** The codes of the issues refusing `text`. */
  function codesOf(text: string): string[] {
    const result = rulesetFromJsonText(text);
    if (result.ok) throw new Error("expected the pack.json text to be refused");
    return result.issues.map((i) => i.code);
  }

  it("loads pack.json's text to the same ruleset as its parsed object", () => {
    const fromText = rulesetFromJsonText(original);
    const fromObject = rulesetFromJson(JSON.parse(original));
    if (!fromText.ok || !fromObject.ok) throw new Error("expected both to load");
    expect(packToJson(fromText.value)).toEqual(packToJson(fromObject.value));
    expect(fromText.warnings).toEqual(fromObject.warnings);
  });

  it("refuses text that is not JSON, and nesting past the limit before parsing it", () => {
    expect(codesOf(original.slice(0, -1))).toEqual(["pack-json/not-json-text"]);
    expect(codesOf("[".repeat(5000) + "]".repeat(5000))).toEqual(["pack-json/too-deep"]);
  });
});
