import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { unifiedDiff } from "../../../src/authoring/format/line-diff.js";

describe("unifiedDiff", () => {
  it("shows each change with two lines of context, in unified-diff hunks", () => {
    const before = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n";
    const after = "a\nB\nc\nd\ne\nf\ng\nh\ni\nj\nk\n";
    expect(unifiedDiff(before, after)).toMatchInlineSnapshot(`
      [
        "@@ -1,4 +1,4 @@",
        " a",
        "-b",
        "+B",
        " c",
        " d",
        "@@ -9,2 +9,3 @@",
        " i",
        " j",
        "+k",
      ]
    `);
  });

  it("says nothing for equal texts, and marks a missing final newline", () => {
    expect(unifiedDiff("a\nb\n", "a\nb\n")).toEqual([]);
    expect(unifiedDiff("a\nb", "a\nb\n")).toMatchInlineSnapshot(`
      [
        "@@ -1,3 +1,2 @@",
        " a",
        " b",
        "-\\ No newline at end of file",
      ]
    `);
  });

  it("stops after maxLines, counting the changed lines it left out", () => {
    const before = Array.from({ length: 40 }, (_, i) => `line ${i}`).join("\n");
    const after = before.replace(/line (\d+)/g, "LINE $1");
    const lines = unifiedDiff(`${before}\n`, `${after}\n`, { maxLines: 5 });
    expect(lines).toMatchInlineSnapshot(`
      [
        "@@ -1,40 +1,40 @@",
        "-line 0",
        "-line 1",
        "-line 2",
        "-line 3",
        "… 76 more changed lines",
      ]
    `);
  });

  it("is a correct edit script: its lines rebuild both texts", () => {
    const text = fc.array(fc.constantFrom("a", "b", "c", ""), { maxLength: 12 }).map((lines) => lines.join("\n"));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const lines = unifiedDiff(`${before}\n`, `${after}\n`, { context: Infinity, maxLines: Infinity }).slice(1);
        const side = (keep: string): string[] =>
          lines.filter((l) => l[0] === " " || l[0] === keep).map((l) => l.slice(1));
        if (before === after) return;
        expect(side("-")).toEqual(`${before}\n`.split("\n").slice(0, -1));
        expect(side("+")).toEqual(`${after}\n`.split("\n").slice(0, -1));
      }),
      { numRuns: 1000 },
    );
  });
});
