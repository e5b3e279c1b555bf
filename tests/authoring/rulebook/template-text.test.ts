import { describe, expect, it } from "vitest";
import { factCatalog } from "../../../src/core/index.js";
import { templatePlain, templateText } from "../../../src/authoring/rulebook/template-text.js";

const facts = factCatalog;

describe("templateText", () => {
  it("splits a reason into text and slots named by label", () => {
    const text = templateText("PHQ-9 total {phq9.total} ({phq9.severity}) ≥ 10; {unknown.fact}", facts);
    expect(text).toEqual([
      "PHQ-9 total ",
      { fact: "phq9.total", label: "PHQ-9 total" },
      " (",
      { fact: "phq9.severity", label: "PHQ-9 severity" },
      ") ≥ 10; ",
      { fact: "unknown.fact", label: "unknown.fact" },
    ]);
    expect(templatePlain(text)).toBe("PHQ-9 total ⟨PHQ-9 total⟩ (⟨PHQ-9 severity⟩) ≥ 10; ⟨unknown.fact⟩");
  });

  it("leaves a text without placeholders, or with braces that are not one, as it is", () => {
    expect(templateText("Declined by the patient", facts)).toEqual(["Declined by the patient"]);
    expect(templateText("{ not a fact }", facts)).toEqual(["{ not a fact }"]);
  });
});
