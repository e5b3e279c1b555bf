import { distance } from "fastest-levenshtein";

/**
 * The candidate closest to a misspelt `word`, for "did you mean" hints: case-insensitive edit
 * distance, at most a third of the word's length (at least 1), ties to the first in sorted order
 * so the hint never depends on the order candidates arrive in.
 *
 * @example closestMatch("phq9.totl", ["phq9.total", "gad7.total"]); // "phq9.total"
 */
export function closestMatch(word: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.max(1, Math.floor(word.length / 3));
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    if (candidate === word) continue;
    const d = distance(lower, candidate.toLowerCase());
    if (d < bestDistance || (d === bestDistance && best !== undefined && candidate < best)) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= limit ? best : undefined;
}
