import { describe, expect, it } from "vitest";
import { translatedKeywords } from "../../../../src/core/run/assessment/schema-issues.js";
import schema from "../../../../schemas/assessment.schema.json" with { type: "json" };

/** Every subschema with its JSON Pointer. */
function* nodes(node: unknown, pointer = ""): Generator<[string, Record<string, unknown>]> {
  if (typeof node !== "object" || node === null || Array.isArray(node)) return;
  const record = node as Record<string, unknown>;
  yield [pointer, record];
  for (const [name, child] of Object.entries((record["properties"] ?? {}) as Record<string, unknown>))
    yield* nodes(child, `${pointer}/properties/${name}`);
  yield* nodes(record["items"], `${pointer}/items`);
  const prefix = record["prefixItems"];
  if (Array.isArray(prefix))
    for (const [i, child] of prefix.entries()) yield* nodes(child, `${pointer}/prefixItems/${i}`);
}

/** Keywords that only describe or structure, so they never fail on their own. */
const annotations = new Set([
  "$schema",
  "$id",
  "$comment",
  "title",
  "description",
  "examples",
  "properties",
  "items",
  "prefixItems",
]);

describe("schemas/assessment.schema.json", () => {
  const all = [...nodes(schema)];

  it("keeps its id and the Assessment title, and no other titles (they become type names)", () => {
    expect([schema.$id, schema.title]).toEqual(["https://backplan.dev/schemas/assessment.schema.json", "Assessment"]);
    expect(all.filter(([pointer, node]) => pointer !== "" && "title" in node)).toEqual([]);
  });

  it("forbids unknown keys on every object", () => {
    const objects = all.filter(([, node]) => node["type"] === "object");
    expect(objects.length).toBeGreaterThan(10);
    for (const [pointer, node] of objects) expect([pointer, node["additionalProperties"]]).toEqual([pointer, false]);
  });

  it("describes every field", () => {
    const fields = all.filter(([pointer]) => /\/properties\/[^/]+$/.test(pointer) && !pointer.endsWith("/$schema"));
    for (const [pointer, node] of fields) expect([pointer, typeof node["description"]]).toEqual([pointer, "string"]);
  });

  it("uses only keywords the issue translator can explain", () => {
    const used = new Set(all.flatMap(([, node]) => Object.keys(node)).filter((keyword) => !annotations.has(keyword)));
    expect([...used].filter((keyword) => !translatedKeywords.includes(keyword))).toEqual([]);
  });

  it("requires the patient's age and the episode's duration", () => {
    expect(schema.required).toEqual(["patient", "pain"]);
    expect(schema.properties.patient.required).toEqual(["age"]);
    expect(schema.properties.pain.required).toEqual(["durationWeeks"]);
  });
});
