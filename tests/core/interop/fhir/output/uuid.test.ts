import { describe, expect, it } from "vitest";
import { nameUuid } from "../../../../../src/core/interop/fhir/output/uuid.js";

describe("nameUuid", () => {
  it("is a version 8, RFC variant urn:uuid, the same for the same parts", () => {
    const id = nameUuid(["Patient/1", "CarePlan"]);
    expect(id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(nameUuid(["Patient/1", "CarePlan"])).toBe(id);
  });

  it("frames the parts, so moving a boundary changes the id", () => {
    expect(nameUuid(["ab", "c"])).not.toBe(nameUuid(["a", "bc"]));
    expect(nameUuid(["a"])).not.toBe(nameUuid(["a", ""]));
  });
});
