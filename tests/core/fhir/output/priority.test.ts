import { describe, expect, it } from "vitest";
import { PRIORITY_OF_URGENCY, priorityOf } from "../../../../src/core/fhir/output/priority.js";

describe("priorityOf", () => {
  it("maps each urgency to a request-priority code, keeping FHIR's order (routine < urgent < asap < stat)", () => {
    expect(PRIORITY_OF_URGENCY).toEqual({
      emergency: "stat",
      urgent: "urgent",
      "same-day": "asap",
      soon: "routine",
      routine: "routine",
    });
  });

  it("reads a referral without an urgency as routine", () => {
    expect(priorityOf({ referTo: "Rheumatology" })).toBe("routine");
    expect(priorityOf({ urgency: "emergency" })).toBe("stat");
  });
});
