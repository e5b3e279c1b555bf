import { describe, expect, it } from "vitest";
import { dataGapsCard } from "../../src/serve/data-card.js";

describe("dataGapsCard", () => {
  it("shows an issue quoting the Bundle with its control characters escaped and a long one cut", () => {
    const message = `linkId "a\u0007\u001b[2J${"x".repeat(5000)}" is not an item of backplan's Questionnaire`;
    const card = dataGapsCard(
      [],
      [{ code: "fhir/unknown-item", path: "", severity: "warning", message }],
      { label: "backplan" },
      () => "id-1",
    );
    const detail = card?.detail ?? "";
    expect(detail).toContain("a\\\\u{7}\\\\u{1b}\\[2J");
    // eslint-disable-next-line no-control-regex -- what must not reach a card
    expect(detail).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(detail.length).toBeLessThan(1500);
  });
});
