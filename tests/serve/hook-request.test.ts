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

describe("parseHookRequest against the CDS Hooks request schema", () => {
  const issuesOf = (body: unknown): { path: string; message: string }[] => {
    const parsed = parseHookRequest(body, "patient-view");
    return parsed.ok ? [] : parsed.issues.map(({ path, message }) => ({ path, message }));
  };

  it("reads the fields it uses: the token lent with its server, the visit date, no prefetch as none", () => {
    const parsed = parseHookRequest(
      {
        ...hookRequest(undefined),
        fhirServer: "https://ehr.example.org/fhir",
        fhirAuthorization: { access_token: "t", token_type: "Bearer", expires_in: 300 },
        extension: { "dev.backplan.visit-date": "2025-11-03", "org.example.other": 1 },
      },
      "patient-view",
    );
    expect(parsed.ok && parsed.value).toEqual({
      hook: "patient-view",
      hookInstance: "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea",
      context: { userId: "Practitioner/example", patientId: "pat-1", encounterId: "89284" },
      prefetch: {},
      fhir: { server: "https://ehr.example.org/fhir", accessToken: "t" },
      visitDate: "2025-11-03",
    });
  });

  it("says what the body must be, and what was found, null apart from nothing", () => {
    expect(issuesOf(null)).toEqual([{ path: "", message: "the request must be a JSON object; found null" }]);
    expect(issuesOf({ ...hookRequest({}), context: null })).toEqual([
      { path: "/context", message: '"context" must be an object; found null' },
    ]);
    expect(issuesOf({ ...hookRequest({}), prefetch: [1, 2] })).toEqual([
      { path: "/prefetch", message: '"prefetch" must be an object; found a list of 2 items' },
    ]);
  });

  it("requires fhirServer with fhirAuthorization (cds-r-1), and its access_token", () => {
    expect(issuesOf({ ...hookRequest({}), fhirAuthorization: {} })).toEqual([
      { path: "/fhirServer", message: '"fhirServer" is required with "fhirAuthorization"; found nothing' },
      {
        path: "/fhirAuthorization/access_token",
        message: '"fhirAuthorization.access_token" must be a non-empty string; found nothing',
      },
    ]);
  });

  it("refuses a visit date that is not YYYY-MM-DD or not a day of the calendar, in the same words", () => {
    for (const date of ["2025/11/03", "2025-02-30"])
      expect(issuesOf({ ...hookRequest({}), extension: { "dev.backplan.visit-date": date } })).toEqual([
        {
          path: "/extension/dev.backplan.visit-date",
          message: `"extension.dev.backplan.visit-date" must be a calendar date YYYY-MM-DD; found "${date}"`,
        },
      ]);
  });
});
