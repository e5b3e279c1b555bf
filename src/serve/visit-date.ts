/** The visit date the plan is made for: ages, and which results are current, are reckoned on it. */
export interface VisitDate {
  /** `YYYY-MM-DD`. */
  readonly date: string;
  /** Where it came from: the client's extension, the context's Encounter, or the service's clock. */
  readonly from: "extension" | "encounter" | "clock";
}

/** Kiribati's Line Islands are UTC+14: no clinic's calendar is ahead of theirs. */
const FURTHEST_AHEAD_MS = 14 * 60 * 60 * 1000;

/**
 * The latest calendar date anywhere on Earth at `instant`. The service does not know the
 * clinic's time zone; the server's UTC date would be yesterday for a UTC+10 clinic in the morning,
 * and a PHQ-9 recorded that morning would be ignored as "after the assessment date". This date is
 * never before the clinic's own, at worst a day after it (an age one day early on a birthday eve).
 *
 * @example
 * latestDateOn(new Date("2026-12-06T21:30:00Z")); // "2026-12-07": 07:30 in Sydney
 */
export function latestDateOn(instant: Date): string {
  return new Date(instant.getTime() + FURTHEST_AHEAD_MS).toISOString().slice(0, 10);
}

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;

/**
 * The date of an Encounter's `period.start`: as written when it is a date or carries the clinic's
 * offset (`2026-12-07T09:00:00+10:00` is the 7th); an instant in UTC (`Z`, `+00:00`) may be the
 * day before in the clinic, so it is read as `latestDateOn` that instant. `undefined` when there
 * is no readable start.
 */
export function encounterDate(encounter: unknown): string | undefined {
  if (typeof encounter !== "object" || encounter === null) return undefined;
  const period = (encounter as Record<string, unknown>)["period"];
  const start =
    typeof period === "object" && period !== null ? (period as Record<string, unknown>)["start"] : undefined;
  if (typeof start !== "string") return undefined;
  const match = DATE_TIME.exec(start);
  if (match === null) return undefined;
  const [, date, zone] = match;
  if (zone !== "Z" && zone !== "+00:00" && zone !== "-00:00") return date;
  const instant = new Date(start);
  return Number.isNaN(instant.getTime()) ? undefined : latestDateOn(instant);
}

/**
 * The visit date: the client's `dev.backplan.visit-date` extension, else the date of the
 * context's Encounter, else the latest date anywhere now (never today's UTC date, which can be
 * before the clinic's).
 */
export function visitDate(sent: string | undefined, encounter: unknown, now: Date): VisitDate {
  if (sent !== undefined) return { date: sent, from: "extension" };
  const fromEncounter = encounterDate(encounter);
  if (fromEncounter !== undefined) return { date: fromEncounter, from: "encounter" };
  return { date: latestDateOn(now), from: "clock" };
}
