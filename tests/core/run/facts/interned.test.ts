import { describe, expect, it } from "vitest";
import { interned } from "../../../../src/core/run/facts/interned.js";

describe("interned", () => {
  it("gives back the same text, whatever it is", () => {
    for (const text of ["phq9.total", ["plan", "components"].join("."), "", "0", "__proto__", "constructor", "a b"])
      expect(interned(text)).toBe(text);
  });

  it("keys a Map as the original does", () => {
    const facts = new Map([[interned(["redFlags", "fever"].join(".")), true]]);
    expect(facts.get("redFlags.fever")).toBe(true);
  });
});
