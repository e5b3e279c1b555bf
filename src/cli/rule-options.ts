import { isDate } from "../core/calendar.js";
import type { OptionSpec } from "./command.js";
import { UsageError } from "./usage-error.js";

/** `--include-drafts`, for every command that runs rules from a folder. */
export const includeDraftsOption = {
  type: "boolean",
  description: "also run draft rules: to try them out, never for care",
} as const satisfies OptionSpec;

/** `--today`, the date reviews fall due against. */
export const todayOption = {
  type: "string",
  value: "YYYY-MM-DD",
  description: "date to judge reviews due against (default: today)",
} as const satisfies OptionSpec;

/**
 * The `--today` date, checked, or the local date of `now`: the clock is read here, at the edge,
 * never in the core.
 */
export function todayFrom(value: string | undefined, now: Date = new Date()): string {
  if (value === undefined) {
    const pad = (n: number) => String(n).padStart(2, "0");
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  }
  if (!isDate(value)) throw new UsageError(`option "--today" needs a date YYYY-MM-DD; found "${value}"`);
  return value;
}
