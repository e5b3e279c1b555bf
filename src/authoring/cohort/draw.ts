import type { Band, Choice, Measure, OneOf, OneOfByAge, YesNo, YesNoByAge } from "./population.js";
import type { Random } from "./random.js";

/**
 * A quantile in [0, 1) for a measure: the trait's own with probability `follows`, else a fresh
 * one. Either way it is uniform, so the measure's distribution is exactly its table's.
 */
function quantileOf(random: Random, trait: number, follows: number): number {
  return follows > 0 && random.chance(follows) ? trait : random.unit();
}

/** The value at quantile `q` of weighted bands: the band by weight, the value by the rest of `q`. */
export function atQuantile(bands: readonly Band[], q: number, step = 1): number {
  let total = 0;
  for (const band of bands) total += band[2];
  let below = 0;
  for (let i = 0; i < bands.length; i++) {
    const [min, max, weight] = bands[i] ?? [0, 0, 0];
    const share = weight / total;
    // The last band also takes what rounding in the shares leaves above it.
    if (q < below + share || i === bands.length - 1) {
      const within = Math.min(Math.max((q - below) / share, 0), 1 - Number.EPSILON);
      const value = min + Math.floor(within * (max - min + 1));
      // Integers times a step of 0.1 (3 × 0.1 = 0.30000000000000004) are rounded back to their tenths.
      return step === 1 ? value : Math.round(value * step * 1000) / 1000;
    }
    below += share;
  }
  throw new Error("a measure needs at least one band");
}

/** A measure's value, or undefined when not recorded. `trait` is the patient's latent quantile. */
export function measure(random: Random, spec: Measure, trait = 0): number | undefined {
  if (random.absent(spec.missing)) return undefined;
  return atQuantile(spec.bands, quantileOf(random, trait, spec.follows), spec.step);
}

/** A measure that is always recorded. */
export function recorded(random: Random, spec: Measure, trait = 0): number {
  return atQuantile(spec.bands, quantileOf(random, trait, spec.follows), spec.step);
}

/** One of weighted choices. */
export function pick<T>(random: Random, choices: readonly Choice<T>[]): T {
  let total = 0;
  for (const choice of choices) total += choice[1];
  let q = random.unit() * total;
  for (const [value, weight] of choices) {
    if (q < weight) return value;
    q -= weight;
  }
  const last = choices.at(-1);
  if (last === undefined) throw new Error("pick needs at least one choice");
  return last[0];
}

/** One of several answers, or undefined when not recorded. */
export function oneOf<T extends string>(random: Random, spec: OneOf<T>): T | undefined {
  return random.absent(spec.missing) ? undefined : pick(random, spec.choices);
}

/** One of several answers weighted by the patient's age group, or undefined when not recorded. */
export function oneOfByAge<T extends string>(random: Random, spec: OneOfByAge<T>, age: number): T | undefined {
  if (random.absent(spec.missing)) return undefined;
  let choices = spec.groups[0]?.[1];
  for (const [fromAge, group] of spec.groups) if (age >= fromAge) choices = group;
  if (choices === undefined) throw new Error("oneOfByAge needs at least one age group");
  return pick(random, choices);
}

/** A yes/no answer, or undefined when not recorded. */
export function yesNo(random: Random, spec: YesNo): boolean | undefined {
  return random.absent(spec.missing) ? undefined : random.chance(spec.chance);
}

/** A yes/no answer whose rate depends on the patient's age, or undefined when not recorded. */
export function yesNoByAge(random: Random, spec: YesNoByAge, age: number): boolean | undefined {
  return yesNo(random, { chance: age >= spec.fromAge ? spec.older : spec.younger, missing: spec.missing });
}

/** The names whose rate came up, in the table's order. */
export function subset<K extends string>(random: Random, rates: Readonly<Record<K, number>>): K[] {
  const names: K[] = [];
  for (const name in rates) if (random.chance(rates[name])) names.push(name);
  return names;
}

/**
 * `total` spread over `slots` answers of 0 to `max` each, at random: `spread(r, 5, 3, 3)` may
 * give `[2, 0, 3]`. `total` must not exceed `slots × max`.
 */
export function spread(random: Random, total: number, slots: number, max: number): number[] {
  const answers = new Array<number>(slots).fill(0);
  // The answers not yet at `max`: the first `open` entries of `room`.
  const room = [...answers.keys()];
  let open = slots;
  for (let left = total; left > 0; left--) {
    if (open === 0) throw new Error(`cannot spread ${total} over ${slots} answers of at most ${max}`);
    const k = random.int(0, open - 1);
    const slot = room[k] ?? 0;
    answers[slot] = (answers[slot] ?? 0) + 1;
    if (answers[slot] === max) room[k] = room[--open] ?? 0;
  }
  return answers;
}

/** `count` distinct positions of `0 … size - 1`, at random, sorted. */
export function positions(random: Random, count: number, size: number): number[] {
  const all = [...Array(size).keys()];
  for (let i = 0; i < count; i++) {
    const j = random.int(i, size - 1);
    [all[i], all[j]] = [all[j] ?? 0, all[i] ?? 0];
  }
  return all.slice(0, count).sort((a, b) => a - b);
}

/**
 * The record without its undefined values: absent, never present-but-undefined. Every caller
 * passes a fresh literal, so one with no undefined value is returned as it is (most are: copying
 * them was a sixth of generating an assessment).
 */
export function compact<R extends object>(record: { [K in keyof R]?: R[K] | undefined }): R {
  for (const key in record) if (record[key] === undefined) return withoutUndefined(record);
  return record as R;
}

function withoutUndefined<R extends object>(record: { [K in keyof R]?: R[K] | undefined }): R {
  const result: Partial<R> = {};
  for (const key of Object.keys(record) as (keyof R)[]) {
    const value = record[key];
    if (value !== undefined) result[key] = value;
  }
  return result as R;
}

/** The object, or undefined when it holds nothing (an empty section is the same as none). */
export function nonEmpty<R extends object>(record: R): R | undefined {
  return Object.keys(record).length === 0 ? undefined : record;
}
