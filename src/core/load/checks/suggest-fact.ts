import { closestMatch } from "../../suggest.js";

/**
 * The fact an author most likely meant by an unknown name: a near spelling (`phq9.totl` →
 * `phq9.total`), else the one fact whose name ends with what was written, as authors shorten
 * `questionnaires.fabq.physicalActivity` to `fabq.physicalActivity`. Conditions and `{placeholders}`
 * share it, so both get the same "did you mean".
 */
export function suggestFact(written: string, facts: Iterable<string>): string | undefined {
  const names = [...facts];
  const close = closestMatch(written, names);
  if (close !== undefined) return close;
  const suffix = `.${written.toLowerCase()}`;
  const ending = names.filter((name) => name.toLowerCase().endsWith(suffix));
  return ending.length === 1 ? ending[0] : undefined;
}
