import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkRuleset } from "../../../src/core/load/index.js";
import { byteSize, LIMITS } from "../../../src/core/load/limits.js";
import { packWith } from "../../arbitraries/ruleset.js";

const codesOf = (files: Parameters<typeof checkRuleset>[0]) => checkRuleset(files).issues.map((i) => i.code);

describe("size limits", () => {
  it("counts UTF-8 bytes as an encoder does", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 40 }), (text) => {
        expect(byteSize(text, 1000)).toBe(new TextEncoder().encode(text).length);
      }),
      { numRuns: 1000 },
    );
  });

  it("rejects a file over 1 MiB without parsing it, and reads one at the limit", () => {
    const comment = (bytes: number) => `#${"x".repeat(bytes - 2)}\n`;
    expect(codesOf(packWith({ "notes.yaml": comment(LIMITS.fileBytes + 1) }))).toContain("pack/file-too-large");
    expect(codesOf(packWith({ "notes.yaml": comment(LIMITS.fileBytes) }))).not.toContain("pack/file-too-large");
    // Multi-byte text is measured in bytes, not characters.
    expect(codesOf(packWith({ "notes.yaml": `#${"é".repeat(LIMITS.fileBytes / 2)}\n` }))).toContain(
      "pack/file-too-large",
    );
  });

  it("rejects a pack over 10 MiB or 500 files as a whole, reading nothing", () => {
    const big = Array.from({ length: 11 }, (_, i) => ({
      path: `r${i}.yaml`,
      text: `#${"x".repeat(LIMITS.fileBytes - 2)}\n`,
    }));
    expect(checkRuleset(big).issues.map((i) => i.code)).toEqual(["pack/too-large"]);
    const many = Array.from({ length: LIMITS.files + 1 }, (_, i) => ({ path: `r${i}.yaml`, text: "{" }));
    expect(checkRuleset(many).issues.map((i) => i.code)).toEqual(["pack/too-many-files"]);
  });
});
