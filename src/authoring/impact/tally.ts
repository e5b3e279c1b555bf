/** One key's count and its first examples (by subject position, with what each example shows). */
export interface TallyEntry<K, X> {
  readonly key: K;
  readonly count: number;
  readonly examples: readonly { readonly subject: number; readonly extra: X }[];
}

/** Counts subjects per key, keeping the first `limit` of each as examples. */
export interface Tally<K, X = undefined> {
  add(key: K, subject: number, extra: X): void;
  /** Most counted first; equal counts by key name. */
  entries(): TallyEntry<K, X>[];
}

/**
 * A tally whose keys are compared by `name` (`"mental-health-referral"`, `"rule\u0000fired\u0000not-fired"`).
 *
 * @example
 * const removed = tally<string>((id) => id, 3);
 * removed.add("cbt", 17, undefined);
 */
export function tally<K, X = undefined>(name: (key: K) => string, limit: number): Tally<K, X> {
  const byName = new Map<string, { key: K; count: number; examples: { subject: number; extra: X }[] }>();
  return {
    add(key, subject, extra) {
      const id = name(key);
      let entry = byName.get(id);
      if (entry === undefined) byName.set(id, (entry = { key, count: 0, examples: [] }));
      entry.count++;
      if (entry.examples.length < limit) entry.examples.push({ subject, extra });
    },
    entries() {
      return [...byName]
        .sort(([a, x], [b, y]) => y.count - x.count || (a < b ? -1 : a > b ? 1 : 0))
        .map(([, entry]) => entry);
    },
  };
}
