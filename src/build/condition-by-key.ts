/**
 * Build step helper for generate.ts: pack.json's validator reads a rule condition by the key it
 * has. rules.schema.json writes a condition as a `oneOf` of four shapes (`all`, `any`, `not`, a
 * comparison). ajv tries every branch of a `oneOf` on every condition and, with `allErrors`,
 * builds the errors of each failing branch (about a dozen per condition) only to drop them: that
 * was half of a pack.json's validation in Chromium.
 *
 * Each branch requires a key that no other branch allows (`additionalProperties: false`), so an
 * object holding that key can match only that branch. `if`/`then` on each key in turn, with the
 * `oneOf` as written for a value holding none of them, therefore accepts exactly the documents
 * the `oneOf` accepts (`conditionByKey` checks the premise, and a test compares the two validators
 * on generated conditions). Errors name only the branch of the key a condition has; a value with
 * none still gets the `oneOf`'s errors, which list every shape. The YAML checks keep the `oneOf`:
 * their messages pick the branch the author meant from its errors.
 */

type Schema = Readonly<Record<string, unknown>>;

/**
 * ajv's `inlineRefs` for a validator reading conditions by key: each condition shape is reached
 * twice there (by its key, and in the `oneOf` for a value with none), so a referenced schema of
 * more than this many keywords becomes one function called from both rather than two copies (the
 * smaller code also validated the bundled pack.json faster in Chromium); an `id`'s pattern stays inline.
 */
export const BY_KEY_INLINE = 8;

/** The definition rewritten, in rules.schema.json's `$defs`. */
const CONDITION = "condition";

/** rules.schema.json with its condition read by key; throws when a branch has no key of its own. */
export function conditionByKey(rules: Schema): Schema {
  const definitions = rules["$defs"] as Readonly<Record<string, Schema>> | undefined;
  const condition = definitions?.[CONDITION];
  const branches = condition?.["oneOf"];
  if (definitions === undefined || condition === undefined || !Array.isArray(branches))
    throw new Error(`rules.schema.json has no $defs.${CONDITION}.oneOf: update condition-by-key.ts`);
  const shapes = branches.map((branch: unknown) => {
    const ref = (branch as Schema)["$ref"];
    const shape = typeof ref === "string" ? definitions[ref.replace("#/$defs/", "")] : undefined;
    if (shape === undefined || shape["type"] !== "object" || shape["additionalProperties"] !== false)
      throw new Error(`a branch of $defs.${CONDITION} is not a closed object: update condition-by-key.ts`);
    return { ref, shape };
  });
  const allowed = (shape: Schema) => Object.keys(shape["properties"] ?? {});
  const keyed = shapes.map(({ ref, shape }, i) => {
    const key = ((shape["required"] ?? []) as string[]).find((name) =>
      shapes.every((other, j) => j === i || !allowed(other.shape).includes(name)),
    );
    if (key === undefined) throw new Error(`${String(ref)} requires no key of its own: update condition-by-key.ts`);
    return { ref, key };
  });
  // Built from the last key out: the first key found decides, and a value with none gets the oneOf.
  const { oneOf: _branches, ...annotations } = condition;
  const chain = keyed.reduceRight<Schema>(
    (otherwise, { ref, key }) => ({ if: { type: "object", required: [key] }, then: { $ref: ref }, else: otherwise }),
    { oneOf: branches },
  );
  return { ...rules, $defs: { ...definitions, [CONDITION]: { ...annotations, ...chain } } };
}
