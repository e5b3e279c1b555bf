import { describe, expect, it } from "vitest";
import { safeHref } from "../../../src/authoring/rulebook/links.js";

describe("safeHref", () => {
  it("percent-encodes what could end a link early, and makes no link of another scheme", () => {
    expect(safeHref('https://doi.org/10.1002/(SICI)<x>"y"')).toBe("https://doi.org/10.1002/%28SICI%29%3Cx%3E%22y%22");
    expect(safeHref("javascript:alert(1)")).toBeUndefined();
  });
});
