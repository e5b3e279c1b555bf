/** The CDS Hooks limit: a summary has fewer than 140 characters. */
const SUMMARY_LIMIT = 139;

/** `text` cut to fit a card summary, ending in "…" when cut (counted in UTF-16 units, as the spec's clients do). */
export function summaryOf(text: string): string {
  return text.length <= SUMMARY_LIMIT ? text : `${text.slice(0, SUMMARY_LIMIT - 1).trimEnd()}…`;
}
