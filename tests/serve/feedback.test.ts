import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SERVICE_PATH, bundledEngine, post, startService, type TestService } from "./fixtures.js";

let service: TestService;
let feedbackUrl: string;

beforeAll(async () => {
  service = await startService(await bundledEngine(), undefined);
  feedbackUrl = `${service.origin + SERVICE_PATH}/feedback`;
});
afterAll(() => service.close());

function logged(): unknown[] {
  return readFileSync(service.feedbackFile, "utf8")
    .trimEnd()
    .split("\n")
    .map((line) => JSON.parse(line) as unknown);
}

describe("feedback", () => {
  it("appends the spec's example and an override as JSON lines, without the free-text comment", async () => {
    const accepted = {
      feedback: [
        {
          card: "4e0a3a1e-3283-4575-ab82-028d55fe2719",
          outcome: "accepted",
          acceptedSuggestions: [{ id: "e56e1945-20b3-4393-8503-a1a20fd73152" }],
          outcomeTimestamp: "2021-12-11T10:05:31Z",
        },
      ],
    };
    const overridden = {
      feedback: [
        {
          card: "9368d37b-283f-44a0-93ea-547cebab93ed",
          outcome: "overridden",
          overrideReason: {
            reason: {
              code: "patient-declined",
              system: "urn:backplan:cds:override-reason",
              display: "The patient declined",
            },
            userComment: "Jane Doe, born 1980-05-17, said no",
          },
          outcomeTimestamp: "2021-12-11T10:06:00.5+01:00",
        },
      ],
    };
    expect((await post(feedbackUrl, accepted)).status).toBe(200);
    const response = await post(feedbackUrl, overridden);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ recorded: 1 });
    expect((await post(feedbackUrl, accepted)).status).toBe(200);
    const text = readFileSync(service.feedbackFile, "utf8");
    expect(text).not.toContain("Jane");
    expect(text).not.toContain("1980");
    expect(logged()).toMatchInlineSnapshot(`
      [
        {
          "acceptedSuggestions": [
            "e56e1945-20b3-4393-8503-a1a20fd73152",
          ],
          "card": "4e0a3a1e-3283-4575-ab82-028d55fe2719",
          "outcome": "accepted",
          "outcomeTimestamp": "2021-12-11T10:05:31Z",
          "received": "2025-11-03T10:00:00.000Z",
          "service": "backplan-lbp",
        },
        {
          "card": "9368d37b-283f-44a0-93ea-547cebab93ed",
          "outcome": "overridden",
          "outcomeTimestamp": "2021-12-11T10:06:00.5+01:00",
          "overrideReason": {
            "code": "patient-declined",
            "offered": true,
            "system": "urn:backplan:cds:override-reason",
          },
          "received": "2025-11-03T10:00:00.000Z",
          "service": "backplan-lbp",
        },
        {
          "acceptedSuggestions": [
            "e56e1945-20b3-4393-8503-a1a20fd73152",
          ],
          "card": "4e0a3a1e-3283-4575-ab82-028d55fe2719",
          "outcome": "accepted",
          "outcomeTimestamp": "2021-12-11T10:05:31Z",
          "received": "2025-11-03T10:00:00.000Z",
          "service": "backplan-lbp",
        },
      ]
    `);
  });

  it("refuses an invalid body with every problem and logs nothing of it", async () => {
    const before = logged().length;
    const response = await post(feedbackUrl, {
      feedback: [
        { card: "Jane Doe", outcome: "maybe", outcomeTimestamp: "yesterday" },
        { card: "c-2", outcome: "accepted", acceptedSuggestions: "all", outcomeTimestamp: "2021-12-11T10:05:31Z" },
      ],
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchInlineSnapshot(`
      {
        "error": "invalid feedback",
        "issues": [
          {
            "message": ""card" must be a card uuid; found "Jane Doe"",
            "path": "/feedback/0/card",
          },
          {
            "message": ""outcome" must be "accepted" or "overridden"; found "maybe"",
            "path": "/feedback/0/outcome",
          },
          {
            "message": ""outcomeTimestamp" must be an RFC 3339 instant; found "yesterday"",
            "path": "/feedback/0/outcomeTimestamp",
          },
          {
            "message": ""card" must be a card uuid; found "c-2"",
            "path": "/feedback/1/card",
          },
          {
            "message": ""acceptedSuggestions" must be an array of { id }; found "all"",
            "path": "/feedback/1/acceptedSuggestions",
          },
        ],
      }
    `);
    expect(logged()).toHaveLength(before);
    expect((await post(feedbackUrl, { feedback: [] })).status).toBe(400);
  });

  it("records a client's own override reason (CDS Hooks 2.0 lets clients add them) by system and code only", async () => {
    const before = logged().length;
    const response = await post(feedbackUrl, {
      feedback: [
        {
          // The CDS Hooks 2.0 example's reason: a code this service never offered.
          card: "9368d37b-283f-44a0-93ea-547cebab93ed",
          outcome: "overridden",
          overrideReason: {
            reason: {
              code: "reason-code-provided-by-service",
              system: "http://example.org/cds-services/fhir/CodeSystem/override-reasons",
              display: "Jane Doe's daughter asked",
            },
            userComment: "MRN-12345",
          },
          outcomeTimestamp: "2021-12-11T10:06:00Z",
        },
      ],
    });
    expect(response.status).toBe(200);
    expect(logged().slice(before)).toMatchInlineSnapshot(`
      [
        {
          "card": "9368d37b-283f-44a0-93ea-547cebab93ed",
          "outcome": "overridden",
          "outcomeTimestamp": "2021-12-11T10:06:00Z",
          "overrideReason": {
            "code": "reason-code-provided-by-service",
            "offered": false,
            "system": "http://example.org/cds-services/fhir/CodeSystem/override-reasons",
          },
          "received": "2025-11-03T10:00:00.000Z",
          "service": "backplan-lbp",
        },
      ]
    `);
    expect(readFileSync(service.feedbackFile, "utf8")).not.toMatch(/Jane|MRN/);
  });

  it("refuses ids that are not uuids and override reasons that are not codes, logging nothing", async () => {
    const before = logged().length;
    const response = await post(feedbackUrl, {
      feedback: [
        { card: "John-Smith-MRN-12345", outcome: "overridden", outcomeTimestamp: "2021-12-11T10:05:31Z" },
        {
          card: "4e0a3a1e-3283-4575-ab82-028d55fe2719",
          outcome: "accepted",
          acceptedSuggestions: [{ id: "MRN-12345" }],
          outcomeTimestamp: "2021-12-11T10:05:31Z",
        },
        {
          // A client's own reason whose code is a sentence: free text, refused.
          card: "9368d37b-283f-44a0-93ea-547cebab93ed",
          outcome: "overridden",
          overrideReason: {
            reason: {
              code: "Smith refused",
              system: "http://example.org/cds-services/fhir/CodeSystem/override-reasons",
            },
          },
          outcomeTimestamp: "2021-12-11T10:06:00Z",
        },
        {
          // backplan's own system with a code the cards never offer.
          card: "9368d37b-283f-44a0-93ea-547cebab93ed",
          outcome: "overridden",
          overrideReason: { reason: { system: "urn:backplan:cds:override-reason", code: "Smith" } },
          outcomeTimestamp: "2021-12-11T10:06:00Z",
        },
      ],
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchInlineSnapshot(`
      {
        "error": "invalid feedback",
        "issues": [
          {
            "message": ""card" must be a card uuid; found "John-Smith-MRN-12345"",
            "path": "/feedback/0/card",
          },
          {
            "message": "a suggestion id must be a uuid; found "MRN-12345"",
            "path": "/feedback/1/acceptedSuggestions/0/id",
          },
          {
            "message": ""overrideReason.reason.code" must be a word of letters, digits and ".-_:", up to 64 characters; found "Smith refused"",
            "path": "/feedback/2/overrideReason/reason/code",
          },
          {
            "message": ""overrideReason.reason.code" must be one the card offers in urn:backplan:cds:override-reason (clinical-judgement, data-incorrect, patient-declined); found "Smith"",
            "path": "/feedback/3/overrideReason/reason/code",
          },
        ],
      }
    `);
    expect(logged()).toHaveLength(before);
    expect(readFileSync(service.feedbackFile, "utf8")).not.toMatch(/Smith|MRN/);
  });
});
