import { describe, expect, it } from "vitest";
import components from "../../../../../schemas/components.schema.json" with { type: "json" };
import { PRIORITY_OF_URGENCY, priorityOf } from "../../../../../src/core/interop/fhir/output/priority.js";

/** FHIR's request priorities, least pressing first. */
const FHIR_ORDER = ["routine", "urgent", "asap", "stat"];

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

  it("never ranks a less urgent referral above a more urgent one: same-day (today) before urgent (24 hours)", () => {
    // The catalog schema lists urgencies most urgent first, as backplan orders them.
    const urgencies = components.$defs.details.properties.urgency.enum;
    expect(urgencies).toEqual(["emergency", "same-day", "urgent", "soon", "routine"]);
    const ranks = urgencies.map((u) => FHIR_ORDER.indexOf(PRIORITY_OF_URGENCY[u as keyof typeof PRIORITY_OF_URGENCY]));
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
  });

  it("reads a referral without an urgency as routine", () => {
    expect(priorityOf({ referTo: "Rheumatology" })).toBe("routine");
    expect(priorityOf({ urgency: "emergency" })).toBe("stat");
  });
});
