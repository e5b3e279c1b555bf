import { printable, type Issue, type Result } from "../core/errors.js";
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

type Json = Readonly<Record<string, unknown>>;

/** RFC 4122 syntax (8-4-4-4-12 hex digits), whatever the version: only hex digits reach the log. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A code system: an absolute URI (`http(s):`, `urn:`), no spaces, at most 200 characters. */
const SYSTEM = /^(https?|urn):[!#-~]{1,193}$/;
/** A code as a word: letters, digits and `.-_:`, at most 64 characters (no spaces, so no sentences). */
const CODE = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const OUTCOMES = new Set(["accepted", "overridden"]);

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function problem(path: string, message: string): Issue {
  return { code: "cds/bad-feedback", path, severity: "error", message };
}

function found(value: unknown): string {
  return typeof value === "string"
    ? `"${printable(value, 40)}"`
    : value === undefined
      ? "nothing"
      : JSON.stringify(value).slice(0, 40);
}

function suggestionIds(value: unknown, at: string, issues: Issue[]): string[] {
  if (!Array.isArray(value)) {
    issues.push(problem(at, `"acceptedSuggestions" must be an array of { id }; found ${found(value)}`));
    return [];
  }
  return (value as unknown[]).flatMap((suggestion, index) => {
    const id = isObject(suggestion) ? suggestion["id"] : undefined;
    if (typeof id === "string" && UUID.test(id)) return [id];
    issues.push(problem(`${at}/${index}/id`, `a suggestion id must be a uuid; found ${found(id)}`));
    return [];
  });
}

function reasonOf(value: unknown, at: string, issues: Issue[]): FeedbackRecord["overrideReason"] | undefined {
  const reason = isObject(value) ? value["reason"] : undefined;
  if (reason === undefined) return undefined;
  const system = isObject(reason) ? reason["system"] : undefined;
  const code = isObject(reason) ? reason["code"] : undefined;
  const offered = offeredReason(system, code);
  if (offered !== undefined) return { system: offered.system, code: offered.code, offered: true };
  const ours = OVERRIDE_REASONS.some((reason) => reason.system === system);
  if (!ours && typeof system === "string" && typeof code === "string" && SYSTEM.test(system) && CODE.test(code))
    return { system, code, offered: false };
  issues.push(
    problem(
      `${at}/reason`,
      `"overrideReason.reason" must be a reason the card offers or a coding of the client's own: a system (an absolute URI without spaces, not ${OVERRIDE_REASONS[0]?.system ?? ""}) and a code (a word of letters, digits and ".-_:", up to 64 characters); found ${(typeof system === "string" && typeof code === "string" ? `"${printable(`${system}|${code}`, 160)}"` : found(reason)).slice(0, 160)}`,
    ),
  );
  return undefined;
}

function recordOf(item: unknown, at: string, service: string, received: string, issues: Issue[]): FeedbackRecord[] {
  if (!isObject(item)) {
    issues.push(problem(at, `each feedback must be an object; found ${found(item)}`));
    return [];
  }
  const before = issues.length;
  const { card, outcome, outcomeTimestamp } = item;
  if (typeof card !== "string" || !UUID.test(card))
    issues.push(problem(`${at}/card`, `"card" must be a card uuid; found ${found(card)}`));
  if (typeof outcome !== "string" || !OUTCOMES.has(outcome))
    issues.push(problem(`${at}/outcome`, `"outcome" must be "accepted" or "overridden"; found ${found(outcome)}`));
  if (typeof outcomeTimestamp !== "string" || !RFC3339.test(outcomeTimestamp))
    issues.push(
      problem(
        `${at}/outcomeTimestamp`,
        `"outcomeTimestamp" must be an RFC 3339 instant; found ${found(outcomeTimestamp)}`,
      ),
    );
  const accepted =
    outcome === "accepted"
      ? suggestionIds(item["acceptedSuggestions"], `${at}/acceptedSuggestions`, issues)
      : undefined;
  const reason = reasonOf(item["overrideReason"], `${at}/overrideReason`, issues);
  if (issues.length > before) return [];
  return [
    {
      received,
      service,
      card: card as string,
      outcome: outcome as FeedbackRecord["outcome"],
      ...(accepted === undefined ? {} : { acceptedSuggestions: accepted }),
      ...(reason === undefined ? {} : { overrideReason: reason }),
      outcomeTimestamp: outcomeTimestamp as string,
    },
  ];
}

/** A feedback body (`{ "feedback": [...] }`, CDS Hooks 2.0) as log records, or every problem. */
export function parseFeedback(body: unknown, service: string, received: string): Result<readonly FeedbackRecord[]> {
  const items = isObject(body) ? body["feedback"] : undefined;
  if (!Array.isArray(items) || items.length === 0)
    return { ok: false, issues: [problem("/feedback", `"feedback" must be a non-empty array; found ${found(items)}`)] };
  const issues: Issue[] = [];
  const records = (items as unknown[]).flatMap((item, index) =>
    recordOf(item, `/feedback/${index}`, service, received, issues),
  );
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: records, warnings: [] };
}
