import { describe, expect, it } from "vitest";
import { parseHookRequest } from "../../src/serve/hook-request.js";
import { hookRequest } from "./fixtures.js";

const pathsOf = (body: unknown): string[] => {
  const parsed = parseHookRequest(body, "patient-view");
  return parsed.ok ? [] : parsed.issues.map((issue) => issue.path);
};

describe("parseHookRequest", () => {
  it("takes a FHIR id as context.patientId and context.encounterId", () => {
    expect(pathsOf(hookRequest({}, "pat-1.A"))).toEqual([]);
    expect(pathsOf(hookRequest({}, "x".repeat(64)))).toEqual([]);
  });

  it("refuses a patientId or encounterId that is not a FHIR id (the 400 echoed it: 70,000 characters, ESC)", () => {
    for (const id of ["x".repeat(65), "a\u001b[2Jb", "pat 1", "Patient/pat-1", "pat-1?_id=x"]) {
      expect(pathsOf(hookRequest({}, id))).toEqual(["/context/patientId"]);
      const request = hookRequest({});
      expect(pathsOf({ ...request, context: { patientId: "pat-1", encounterId: id } })).toEqual([
        "/context/encounterId",
      ]);
    }
  });
});

describe("parseHookRequest's messages", () => {
  it("quote a wrong hook or visit date printably and cut (a hook was echoed raw and whole: ESC, 70,000 characters)", () => {
    const parsed = parseHookRequest(
      {
        ...hookRequest({}),
        hook: `a\u001b[2J${"x".repeat(70_000)}`,
        extension: { "dev.backplan.visit-date": "2025\u0007-01-01" },
      },
      "patient-view",
    );
    const messages = parsed.ok ? [] : parsed.issues.map((issue) => issue.message);
    expect(messages).toHaveLength(2);
    for (const message of messages) {
      // eslint-disable-next-line no-control-regex -- what must not reach a response
      expect(message).not.toMatch(/[\u0000-\u001f]/);
      expect(message.length).toBeLessThan(300);
    }
  });
});
