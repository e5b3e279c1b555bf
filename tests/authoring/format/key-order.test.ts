import { describe, expect, it } from "vitest";
import { parseDocument, type YAMLMap } from "yaml";
import { orderPairs } from "../../../src/authoring/format/key-order.js";

function ordered(text: string, order: readonly string[], anchored = true): string {
  const doc = parseDocument(text);
  orderPairs(doc.contents as YAMLMap, order, { anchored });
  return doc.toString();
}

describe("orderPairs", () => {
  it("puts keys in the given order, unknown keys last as written, each with its comments", () => {
    expect(ordered("z: 1\nb: 2 # two\n# above a\na: 3\ny: 4\n", ["a", "b"])).toMatchInlineSnapshot(`
      "# above a
      a: 3
      b: 2 # two
      z: 1
      y: 4
      "
    `);
  });

  it("leaves a map whose move would point an alias at another anchor as written", () => {
    expect(ordered("b: &x 1\na: *x\n", ["a", "b"])).toBe("b: &x 1\na: *x\n");
    expect(ordered("b: { k: &x 1 }\nc: &x 2\na: *x\n", ["a", "b", "c"])).toBe("b: { k: &x 1 }\nc: &x 2\na: *x\n");
  });

  it("moves pairs whose anchors and aliases stay apart", () => {
    expect(ordered("b: &x 1\na: 2\nc: *x\n", ["a", "b", "c"])).toBe("a: 2\nb: &x 1\nc: *x\n");
  });
});
