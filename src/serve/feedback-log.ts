import { appendFile } from "node:fs/promises";
import type { FeedbackRecord } from "./feedback.js";

/**
 * Appends records to a JSON lines file, one write per request so concurrent requests do not
 * interleave lines. Append-only: the same card may be reported several times, all kept.
 */
export function feedbackLog(file: string): (records: readonly FeedbackRecord[]) => Promise<void> {
  return (records) =>
    appendFile(file, records.map((record) => `${JSON.stringify(record)}\n`).join(""), { mode: 0o600 });
}
