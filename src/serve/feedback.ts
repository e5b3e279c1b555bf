import { shownValue, type Issue, type Result } from "../core/index.js";
import type { CdsFeedback, CdsFeedbackEntry } from "../core/generated/types.js";
import { validateCdsFeedback } from "../core/generated/validators/cds-feedback.js";
import { bodyIssues, type Expectations } from "./body-issues.js";
import { OVERRIDE_REASONS, offeredReason } from "./override-reasons.js";

/**
 * One line of the feedback log, with no patient data: the spec's free-text `userComment` is never
 * kept, card and suggestion ids must be uuids (the service issues them with `randomUUID`), and an
 * override reason is kept as its `system` and `code` only (never `display`), each of a code's
 * shape, so no free text a client chose slips through. CDS Hooks 2.0 lets clients offer reasons of
 * their own besides the card's, so any such coding is accepted.
 */
export interface FeedbackRecord {
  /** When the service received it (the client's clock is `outcomeTimestamp`). */
  readonly received: string;
  readonly service: string;
  readonly card: string;
  readonly outcome: "accepted" | "overridden";
  readonly acceptedSuggestions?: readonly string[];
  readonly overrideReason?: {
    readonly system: string;
    readonly code: string;
    /** `false` for a reason of the client's own, not one the card offered. */
    readonly offered: boolean;
  };
  readonly outcomeTimestamp: string;
}

const CODE = "cds/bad-feedback";
const REASON = "/feedback/*/overrideReason/reason";

/** What schemas/cds-feedback.schema.json asks of each field, as the client reads it. */
const EXPECTED: Expectations = {
  "": 'the feedback must be a JSON object { "feedback": [...] }',
  "/feedback": '"feedback" must be a non-empty array',
  "/feedback/*": "each feedback must be an object",
  "/feedback/*/card": '"card" must be a card uuid',
  "/feedback/*/outcome": '"outcome" must be "accepted" or "overridden"',
  "/feedback/*/outcomeTimestamp": '"outcomeTimestamp" must be an RFC 3339 instant',
  "/feedback/*/acceptedSuggestions": '"acceptedSuggestions" must be an array of { id }',
  "/feedback/*/acceptedSuggestions/*": "each accepted suggestion must be an object { id }",
  "/feedback/*/acceptedSuggestions/*/id": "a suggestion id must be a uuid",
  "/feedback/*/overrideReason": '"overrideReason" must be an object { reason }',
  [REASON]: '"overrideReason.reason" must be a coding { system, code }',
  [`${REASON}/system`]:
    '"overrideReason.reason.system" must be an absolute URI (http:, https: or urn:) without spaces, up to 200 characters',
  [`${REASON}/code`]: '"overrideReason.reason.code" must be a word of letters, digits and ".-_:", up to 64 characters',
  [`${REASON}/display`]: '"overrideReason.reason.display" must be a string',
};

const [OWN] = OVERRIDE_REASONS;
const OWN_SYSTEM = OWN?.system ?? "";

/**
 * A reason in backplan's own system must be one the cards offer: a code of ours the cards never
 * offered could carry anything. The schema cannot say which codes those are. `entries` are the
 * ones of the schema's shape, by their index in the body.
 */
function unofferedReasons(entries: readonly (readonly [number, CdsFeedbackEntry])[]): Issue[] {
  const offered = OVERRIDE_REASONS.map(({ code }) => code).join(", ");
  return entries.flatMap(([index, { overrideReason }]) => {
    const reason = overrideReason?.reason;
    if (reason?.system !== OWN_SYSTEM || offeredReason(reason.system, reason.code) !== undefined) return [];
    const message = `"overrideReason.reason.code" must be one the card offers in ${OWN_SYSTEM} (${offered}); found ${shownValue(reason.code)}`;
    return [{ code: CODE, path: `/feedback/${index}/overrideReason/reason/code`, severity: "error" as const, message }];
  });
}

function recordOf(entry: CdsFeedbackEntry, service: string, received: string): FeedbackRecord {
  const { card, outcome, acceptedSuggestions = [], outcomeTimestamp } = entry;
  const reason = entry.overrideReason?.reason;
  return {
    received,
    service,
    card,
    outcome,
    ...(outcome === "accepted" ? { acceptedSuggestions: acceptedSuggestions.map(({ id }) => id) } : {}),
    ...(reason === undefined
      ? {}
      : {
          overrideReason: {
            system: reason.system,
            code: reason.code,
            offered: offeredReason(reason.system, reason.code) !== undefined,
          },
        }),
    outcomeTimestamp,
  };
}

/** A feedback body (`{ "feedback": [...] }`, CDS Hooks 2.0) as log records, or every problem. */
export function parseFeedback(body: unknown, service: string, received: string): Result<readonly FeedbackRecord[]> {
  const valid = validateCdsFeedback(body);
  const schemaIssues = valid ? [] : bodyIssues(validateCdsFeedback.errors ?? [], EXPECTED, CODE);
  if (schemaIssues.some(({ path }) => path === "" || path === "/feedback")) return { ok: false, issues: schemaIssues };
  // With no issue at the body or its array, `feedback` is an array, and each entry with no issue
  // under it has the schema's shape: those are checked further.
  const { feedback } = body as CdsFeedback;
  const shaped = feedback
    .map((entry, index) => [index, entry] as const)
    .filter(([index]) => !schemaIssues.some(({ path }) => `${path}/`.startsWith(`/feedback/${index}/`)));
  const issues = [...schemaIssues, ...unofferedReasons(shaped)];
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: feedback.map((entry) => recordOf(entry, service, received)), warnings: [] };
}
