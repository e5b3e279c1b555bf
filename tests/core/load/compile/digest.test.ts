import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { packDigest } from "../../../../src/core/load/compile/digest.js";
import { checkRuleset, compileRuleset } from "../../../../src/core/load/index.js";
import { minimalPack, packWith } from "../../../arbitraries/ruleset.js";

describe("the ruleset digest", () => {
  it("is SHA-256 over the pack's files but its scenario tests, sorted by path, framed path NUL text NUL", () => {
    const files = minimalPack();
    const framed = files
      .filter((f) => !f.path.startsWith("tests/"))
      .sort((a, b) => (a.path < b.path ? -1 : 1))
      .map((f) => `${f.path}\0${f.text}\0`)
      .join("");
    expect(compileRuleset(files).digest).toBe(`sha256:${createHash("sha256").update(framed, "utf8").digest("hex")}`);
  });

  it("ignores scenario tests, and changes with any rule text or path", () => {
    const base = compileRuleset(minimalPack()).digest;
    expect(
      compileRuleset(
        packWith({
          "tests/basic.yaml": "scenarios:\n  - { name: other, assessment: {}, expect: { status: complete } }\n",
        }),
      ).digest,
    ).toBe(base);
    const rules = minimalPack().find((f) => f.path === "psych.yaml")?.text ?? "";
    expect(compileRuleset(packWith({ "psych.yaml": `${rules}\n` })).digest).not.toBe(base);
    expect(compileRuleset(packWith({ "psych.yaml": undefined, "psych2.yaml": rules })).digest).not.toBe(base);
  });

  it("frames files unambiguously: moving text across a path boundary changes it, and no compiled file holds NUL", () => {
    expect(packDigest([{ path: "a.yaml", text: "xy" }])).not.toBe(packDigest([{ path: "a.yamlx", text: "y" }]));
    expect(checkRuleset(packWith({ "psych.yaml": "rules: []\n#\0\n" })).issues.map((i) => i.code)).toContain(
      "yaml/nul",
    );
    expect(checkRuleset(packWith({ "a\0b.yaml": "rules: []\n" })).issues.map((i) => i.code)).toContain(
      "pack/nul-in-path",
    );
  });
});
