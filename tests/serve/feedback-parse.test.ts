import { describe, expect, it } from "vitest";
import { parseFeedback } from "../../src/serve/feedback.js";

const CARD = "4e0a3a1e-3283-4575-ab82-028d55fe2719";
const SUGGESTION = "e56e1945-20b3-4393-8503-a1a20fd73152";
const WHEN = "2021-12-11T10:05:31Z";

const issuesOf = (body: unknown): { path: string; message: string }[] => {
  const parsed = parseFeedback(body, "backplan-lbp", "2025-11-03T10:00:00.000Z");
  return parsed.ok ? [] : parsed.issues.map(({ path, message }) => ({ path, message }));
};

const overridden = (reason: unknown): unknown => ({
  feedback: [{ card: CARD, outcome: "overridden", overrideReason: { reason }, outcomeTimestamp: WHEN }],
});

describe("parseFeedback", () => {
  it("keeps an accepted feedback's suggestion ids and an override's system and code, in the log's key order", () => {
    const parsed = parseFeedback(
      {
        feedback: [
          { card: CARD, outcome: "accepted", acceptedSuggestions: [{ id: SUGGESTION }], outcomeTimestamp: WHEN },
          {
            card: CARD,
            outcome: "overridden",
            overrideReason: {
              reason: { system: "urn:backplan:cds:override-reason", code: "data-incorrect", display: "Jane" },
              userComment: "Jane Doe",
            },
            outcomeTimestamp: WHEN,
          },
        ],
      },
      "backplan-lbp",
      "2025-11-03T10:00:00.000Z",
    );
    expect(parsed.ok && parsed.value.map((record) => JSON.stringify(record))).toEqual([
      `{"received":"2025-11-03T10:00:00.000Z","service":"backplan-lbp","card":"${CARD}","outcome":"accepted","acceptedSuggestions":["${SUGGESTION}"],"outcomeTimestamp":"${WHEN}"}`,
      `{"received":"2025-11-03T10:00:00.000Z","service":"backplan-lbp","card":"${CARD}","outcome":"overridden","overrideReason":{"system":"urn:backplan:cds:override-reason","code":"data-incorrect","offered":true},"outcomeTimestamp":"${WHEN}"}`,
    ]);
  });

  it("says what the body must be when it is not an object or holds no feedback", () => {
    expect(issuesOf([])).toEqual([
      { path: "", message: 'the feedback must be a JSON object { "feedback": [...] }; found a list of 0 items' },
    ]);
    expect(issuesOf({ feedback: [] })).toEqual([
      { path: "/feedback", message: '"feedback" must be a non-empty array; found a list of 0 items' },
    ]);
    expect(issuesOf({ feedback: [7, null] })).toEqual([
      { path: "/feedback/0", message: "each feedback must be an object; found 7" },
      { path: "/feedback/1", message: "each feedback must be an object; found null" },
    ]);
  });

  it("requires acceptedSuggestions with outcome accepted, and reports one problem per field", () => {
    expect(issuesOf({ feedback: [{ card: "", outcome: "accepted", outcomeTimestamp: WHEN }] })).toEqual([
      { path: "/feedback/0/card", message: '"card" must be a card uuid; found ""' },
      {
        path: "/feedback/0/acceptedSuggestions",
        message: '"acceptedSuggestions" must be an array of { id }; found nothing',
      },
    ]);
    expect(
      issuesOf({ feedback: [{ card: CARD, outcome: "accepted", acceptedSuggestions: ["x"], outcomeTimestamp: WHEN }] }),
    ).toEqual([
      {
        path: "/feedback/0/acceptedSuggestions/0",
        message: 'each accepted suggestion must be an object { id }; found "x"',
      },
    ]);
  });

  it("names the part of an override reason that is wrong", () => {
    expect(issuesOf(overridden("clinical-judgement"))).toEqual([
      {
        path: "/feedback/0/overrideReason/reason",
        message: '"overrideReason.reason" must be a coding { system, code }; found "clinical-judgement"',
      },
    ]);
    expect(issuesOf(overridden({ system: "Dr Smith's list", code: "x" }))).toEqual([
      {
        path: "/feedback/0/overrideReason/reason/system",
        message:
          '"overrideReason.reason.system" must be an absolute URI (http:, https: or urn:) without spaces, up to 200 characters; found "Dr Smith\'s list"',
      },
    ]);
    expect(issuesOf(overridden({ system: "urn:example:reasons" }))).toEqual([
      {
        path: "/feedback/0/overrideReason/reason/code",
        message:
          '"overrideReason.reason.code" must be a word of letters, digits and ".-_:", up to 64 characters; found nothing',
      },
    ]);
  });

  it("reports a reason the cards never offered alongside the other entries' problems", () => {
    const body = {
      feedback: [
        { card: "c-1", outcome: "overridden", outcomeTimestamp: WHEN },
        ...(overridden({ system: "urn:backplan:cds:override-reason", code: "too-busy" }) as { feedback: unknown[] })
          .feedback,
      ],
    };
    expect(issuesOf(body).map(({ path }) => path)).toEqual([
      "/feedback/0/card",
      "/feedback/1/overrideReason/reason/code",
    ]);
  });
});
