import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plusFromState } from "pure-rand/generator/xoroshiro128plus";

/** A seeded stream of random draws for one generated assessment. */
export interface Random {
  /** An integer in `[min, max]`, each equally likely. */
  int(min: number, max: number): number;
  /** A number in `[0, 1)`. */
  unit(): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /**
   * Whether an answer is left unrecorded, given its table rate `p`: `p` scaled by how thoroughly
   * this assessment is recorded (see `recordedWith`), at most 1.
   */
  absent(p: number): boolean;
}

/**
 * The stream of assessment `index` of the cohort seeded with `seed`. Each assessment has its
 * own generator, its state hashed from `(seed, index)`, so assessment `i` is the same whatever
 * the cohort's size, and a cohort of 100 is a prefix of one of 10,000.
 *
 * @example randomFor(1, 0).int(1, 6); // the same die roll on every run
 */
export function randomFor(seed: number, index: number): Random {
  const root = mix32(mix32(seed) ^ index);
  // Four distinct words of state (xoroshiro128+ must not start at all zeros; mix32 is a bijection
  // and the words differ by odd constants, so at most one can be zero).
  const state = [1, 2, 3, 4].map((k) => mix32(root + Math.imul(k, 0x9e3779b9)));
  const rng = xoroshiro128plusFromState(state);
  // The first outputs of a freshly seeded xoroshiro lean on the seed: discard a few.
  for (let i = 0; i < 4; i++) rng.next();
  return {
    int: (min, max) => uniformInt(rng, min, max),
    unit: () => uniformFloat64(rng),
    chance: (p) => uniformFloat64(rng) < p,
    absent: (p) => uniformFloat64(rng) < p,
  };
}

/** The same stream, with missing answers `scale` times as likely as the table says. */
export function recordedWith(random: Random, scale: number): Random {
  return { ...random, absent: (p) => random.chance(Math.min(p * scale, 1)) };
}

/** MurmurHash3's 32-bit finaliser: a bijection that spreads every input bit over the output. */
function mix32(value: number): number {
  let x = value | 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x | 0;
}
