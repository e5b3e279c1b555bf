/**
 * pack.json's validator reads a rule condition by the key it has, where the rule files' validator
 * tries every branch of rules.schema.json's `oneOf`: both must accept exactly the same conditions,
 * in a rule's `when` and in a contraindication's.
 */
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { conditionByKey } from "../../src/build/condition-by-key.js";
import { compileRuleset } from "../../src/core/index.js";
import { validateBundle, validateComponents, validateRules } from "../../src/core/generated/validators.js";
import { packToJson } from "../../src/core/load/pack-json/index.js";
import type { PackJson } from "../../src/core/load/pack-json/index.js";
import { readRuleFiles } from "../../src/node/index.js";
import { conditionArbitrary, factDefinitionsArbitrary } from "../arbitraries/condition.js";

const excerpt = await readRuleFiles(fileURLToPath(new URL("../fixtures/packs/bundled-excerpt", import.meta.url)));
const original = JSON.stringify(packToJson(compileRuleset(excerpt)));

/** A value shaped somewhat like a condition: the keys of every shape, mixed, with values right and wrong. */
const { conditionLike } = fc.letrec((tie) => ({
  conditionLike: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom(null, 0, "all", true, [], {}),
    fc.dictionary(fc.constantFrom("all", "any", "not", "fact", "operator", "value", "other"), tie("part"), {
      maxKeys: 4,
    }),
  ),
  part: fc.oneof(
    { depthSize: "small" },
    fc.constantFrom("patient.age", "pain.onset", "1bad", "equal", "in", "bogus", 3, 2.5, true, ["a", 1], [[1]]),
    tie("conditionLike"),
    fc.array(tie("conditionLike"), { maxLength: 3 }),
  ),
}));

/** Conditions as authors write them, valid ones and broken ones. */
const anyCondition: fc.Arbitrary<unknown> = fc.oneof(
  conditionLike,
  factDefinitionsArbitrary().chain((definitions) => conditionArbitrary(definitions)),
);

/** The excerpt's pack.json with `condition` as its first rule's `when` and as a contraindication's. */
function packWith(condition: unknown): PackJson {
  const pack = JSON.parse(original) as PackJson;
  const [first] = pack.rules;
  if (first === undefined) throw new Error("the excerpt has no rule");
  Object.assign(first.rule, { when: condition });
  const [component] = pack.components;
  const contraindication = { id: "guard", title: "Guard", reason: "Guarded", evidence: first.rule.evidence };
  Object.assign(component, { contraindications: [{ ...contraindication, when: condition }] });
  return pack;
}

describe("pack.json's validator, reading a condition by its key", () => {
  it("accepts exactly the conditions rules.schema.json's oneOf accepts", () => {
    let accepted = 0;
    fc.assert(
      fc.property(anyCondition, (condition) => {
        const pack = packWith(condition);
        const asRuleFile = validateRules({ rules: pack.rules.map((bundled) => bundled.rule) });
        const asComponents = validateComponents({ components: pack.components });
        expect(validateBundle(pack)).toBe(asRuleFile && asComponents);
        expect(asRuleFile).toBe(asComponents);
        if (asRuleFile) accepted++;
      }),
      { numRuns: 2000 },
    );
    // Both outcomes were tried, many times each.
    expect(accepted).toBeGreaterThan(200);
    expect(accepted).toBeLessThan(1800);
  });

  it("refuses a schema whose condition shapes share their keys", () => {
    const shape = (required: string[]) => ({
      type: "object",
      additionalProperties: false,
      required,
      properties: { all: {}, any: {} },
    });
    const rules = {
      $defs: {
        condition: { oneOf: [{ $ref: "#/$defs/a" }, { $ref: "#/$defs/b" }] },
        a: shape(["all"]),
        b: shape(["any"]),
      },
    };
    expect(() => conditionByKey(rules)).toThrowErrorMatchingInlineSnapshot(
      `[Error: #/$defs/a requires no key of its own: update condition-by-key.ts]`,
    );
  });
});
