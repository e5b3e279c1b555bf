/**
 * The fuzz suites' mutators: seeded, so every run tries the same cases and a failing case is
 * reproduced by its seed. A case is a seed for a small PRNG (mulberry32), not a fast-check
 * structure: the mutations are applied to real inputs (examples, fixtures, the bundled rules)
 * and shrinking a seed would mean nothing, so each suite stops at its first failure and prints
 * the counterexample's seed.
 */
import fc from "fast-check";

/** One fixed seed for every suite; a failure prints the case's own seed too. */
export const FUZZ_SEED = 20_261_207;

/** Cases per target (the issue asks for at least 1,000). */
export const FUZZ_RUNS = 1000;

/** fast-check parameters: fixed seed, no shrinking (a seed shrinks to nothing useful). */
export const fuzzParameters = { seed: FUZZ_SEED, numRuns: FUZZ_RUNS, endOnFailure: true } as const;

/** The case seeds: one 32-bit integer per case. */
export const caseSeed = fc.integer({ min: 0, max: 0x7fffffff });

/** A seeded source of choices. */
export interface Random {
  /** An integer in [0, n). */
  int(n: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

export function random(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  return {
    int,
    pick: <T>(items: readonly T[]): T => items[int(items.length)] as T,
    chance: (p) => next() < p,
  };
}

/** Raw control characters and bidirectional overrides: what `printable` (src/core/errors.ts) escapes. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** Whether a message can be shown as it is: no control characters, no bidi overrides, not huge. */
export function isPrintable(text: string, max = 5000): boolean {
  return !UNPRINTABLE.test(text) && text.length <= max;
}

type Json = unknown;
type Container = Record<string, unknown> | unknown[];

const NASTY_STRINGS = [
  "",
  " ",
  "NaN",
  "Infinity",
  "-1",
  "1e308",
  "0x10",
  "١٢",
  "\u0000",
  "a\u001b[2Jb",
  "\u0007bell",
  "line\r\nforged: line",
  "\u202eevil",
  "\ud800",
  "💥".repeat(3),
  "__proto__",
  "constructor",
  "toString",
  "2025-02-30",
  "2025-13-01",
  "9999-12-31T25:61:00Z",
  "<script>alert(1)</script>",
];

const NASTY_NUMBERS = [
  -1,
  -0,
  0,
  0.5,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER + 2,
  2 ** 53,
  -(2 ** 31),
  1e-320,
  3.14159,
  999999,
];

const ODD_KEYS = [
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "",
  "\u001b[31m",
  "x".repeat(300),
];

/** A value of another type than `value`, or an out-of-range one of the same type. */
function otherValue(r: Random, exotic: boolean, big = true): Json {
  const size = (small: number, large: number): number => (big ? r.pick([small, large]) : small);
  switch (r.int(exotic ? 14 : 12)) {
    case 0:
      return r.pick(NASTY_STRINGS);
    case 1:
      return r.pick(NASTY_NUMBERS);
    case 2:
      return null;
    case 3:
      return r.chance(0.5);
    case 4:
      return [];
    case 5:
      return {};
    case 6:
      return "x".repeat(size(1000, 70_000));
    case 7:
      return deep(size(50, 500));
    case 8:
      return Array.from({ length: size(100, 5000) }, (_, i) => (r.chance(0.5) ? i : "1"));
    case 9:
      return Object.fromEntries(Array.from({ length: size(50, 2000) }, (_, i) => [`k${i}`, i]));
    case 10:
      return String(r.int(1000));
    case 11:
      return [r.pick(NASTY_NUMBERS), r.pick(NASTY_STRINGS)];
    case 12:
      return throwingGetterObject();
    default:
      return hostileProxy(r.chance(0.5));
  }
}

function deep(depth: number): Json {
  let value: Json = 1;
  for (let i = 0; i < depth; i += 1) value = i % 2 === 0 ? { a: value } : [value];
  return value;
}

/** An object whose one property throws when read. */
function throwingGetterObject(): Json {
  const target: Record<string, unknown> = {};
  Object.defineProperty(target, "total", {
    enumerable: true,
    get() {
      throw new Error("getter \u001b[2J exploded");
    },
  });
  return target;
}

/** A Proxy whose traps throw (all of them, or only `get`). */
function hostileProxy(all: boolean): Json {
  const boom = (): never => {
    throw new Error("proxy trap");
  };
  return new Proxy(
    { total: 3 },
    all ? { ownKeys: boom, get: boom, getOwnPropertyDescriptor: boom, has: boom } : { get: boom },
  );
}

/** Every container in `value` (the root first), each with the path that reaches it. */
function containers(value: Json): Container[] {
  const found: Container[] = [];
  const visit = (node: Json, depth: number): void => {
    if (typeof node !== "object" || node === null || depth > 12 || found.length > 4000) return;
    if (!Array.isArray(node) && Object.getPrototypeOf(node) !== Object.prototype) return;
    let children: unknown[];
    try {
      children = Object.values(node); // a throwing getter or Proxy is a leaf
    } catch {
      return;
    }
    found.push(node as Container);
    for (const child of children) visit(child, depth + 1);
  };
  visit(value, 0);
  return found;
}

function setOwn(target: Container, key: string | number, value: Json): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * A structurally mutated deep copy of plain JSON data: `count` edits, each at a random container
 * (delete, duplicate or rename a key, a value of another type, an out-of-range number, an unknown
 * key such as `__proto__`, long strings, control characters, deep nesting, big arrays, and with
 * `exotic` throwing getters and Proxies). With `exotic` false the result is still JSON; with `big`
 * false strings, arrays, objects and nesting stay in the hundreds.
 */
export function mutateValue(value: Json, r: Random, count: number, exotic = false, big = true): Json {
  const copy = { root: structuredClone(value) } as Record<string, unknown>;
  for (let i = 0; i < count; i += 1) {
    const all = containers(copy).slice(1);
    const list = all.length === 0 ? [copy] : all;
    // Containers near the leaves dominate; half the time pick the root or a top-level one.
    const target = r.chance(0.3) ? (list[r.int(Math.min(list.length, 8))] as Container) : r.pick(list);
    const keys = Object.keys(target);
    const key = keys.length === 0 ? undefined : r.pick(keys);
    const op = r.int(10);
    if (Array.isArray(target)) {
      const index = key === undefined ? 0 : Number(key);
      if (op < 2) target.splice(index, 1);
      else if (op < 4 && key !== undefined) target.splice(index, 0, structuredCloneSafe(target[index]));
      else if (op < 5)
        target.push(...Array.from({ length: big ? r.pick([3, 300]) : 3 }, () => structuredCloneSafe(target[0])));
      else target[index] = mutateLeaf(target[index], r, exotic, big);
      continue;
    }
    if (op === 0 && key !== undefined) Reflect.deleteProperty(target, key);
    else if (op === 1) setOwn(target, r.pick(ODD_KEYS), otherValue(r, exotic, big));
    else if (op === 2 && key !== undefined) setOwn(target, `${key}${r.pick(["", "_", "2", " "])}`, target[key]);
    else if (op === 3 && key !== undefined) setOwn(target, r.pick(keys), structuredCloneSafe(target[key]));
    else if (key !== undefined) setOwn(target, key, mutateLeaf(target[key], r, exotic, big));
    else setOwn(target, r.pick(ODD_KEYS), otherValue(r, exotic, big));
  }
  return copy["root"];
}

function structuredCloneSafe(value: Json): Json {
  try {
    return structuredClone(value);
  } catch {
    return null;
  }
}

/** A leaf changed: a number out of range, a string with control characters, or another type. */
function mutateLeaf(value: Json, r: Random, exotic: boolean, big: boolean): Json {
  if (typeof value === "number" && r.chance(0.6)) {
    return r.pick([-value, value + 1, value - 1, value * 1000, value + 0.5, r.pick(NASTY_NUMBERS), String(value)]);
  }
  if (typeof value === "string" && r.chance(0.6)) {
    return r.pick([
      value + r.pick(NASTY_STRINGS),
      value.toUpperCase(),
      value.slice(0, Math.max(0, value.length - 1)),
      ` ${value}`,
      Number(value),
      value.repeat(big ? 200 : 20),
    ]);
  }
  if (typeof value === "boolean" && r.chance(0.5)) return r.pick([!value, String(value), value ? 1 : 0]);
  return otherValue(r, exotic, big);
}

/** A text with `count` line- and byte-level edits: lines deleted, duplicated, swapped, re-indented, bytes flipped, truncation. */
export function mutateText(text: string, r: Random, count: number): string {
  let out = text;
  for (let i = 0; i < count; i += 1) {
    const lines = out.split("\n");
    const at = r.int(Math.max(1, lines.length));
    switch (r.int(10)) {
      case 0:
        lines.splice(at, 1);
        out = lines.join("\n");
        break;
      case 1:
        lines.splice(at, 0, lines[at] ?? "");
        out = lines.join("\n");
        break;
      case 2: {
        const other = r.int(lines.length);
        [lines[at], lines[other]] = [lines[other] ?? "", lines[at] ?? ""];
        out = lines.join("\n");
        break;
      }
      case 3:
        lines[at] = r.chance(0.5)
          ? `${" ".repeat(r.pick([1, 2, 3, 4]))}${lines[at] ?? ""}`
          : (lines[at] ?? "").trimStart();
        out = lines.join("\n");
        break;
      case 4:
        out = out.slice(0, r.int(out.length + 1));
        break;
      case 5: {
        const position = r.int(out.length + 1);
        out = out.slice(0, position) + String.fromCharCode(r.int(256)) + out.slice(position + 1);
        break;
      }
      case 6: {
        const position = r.int(out.length + 1);
        out =
          out.slice(0, position) +
          r.pick([
            ...NASTY_STRINGS,
            "{",
            "}",
            "[",
            "]",
            ":",
            ",",
            '"',
            "- ",
            "&a",
            "*a",
            "!!js/function",
            "\t",
            "<<: *x",
          ]) +
          out.slice(position);
        break;
      }
      case 7: {
        // A value swapped: the text after a `: ` on one line exchanged with another's.
        const other = r.int(lines.length);
        const a = lines[at]?.split(": ");
        const b = lines[other]?.split(": ");
        if (a && b && a.length > 1 && b.length > 1) {
          lines[at] = [a[0], ...b.slice(1)].join(": ");
          lines[other] = [b[0], ...a.slice(1)].join(": ");
        }
        out = lines.join("\n");
        break;
      }
      case 8: {
        // A digit changed into a big, negative or fractional number.
        const position = out.search(/\d/);
        if (position >= 0) {
          const skip = r.int(Math.max(1, (out.match(/\d/g) ?? []).length));
          let index = -1;
          let seen = 0;
          for (let k = 0; k < out.length; k += 1) {
            if (/\d/.test(out[k] ?? "") && seen++ === skip) {
              index = k;
              break;
            }
          }
          if (index >= 0)
            out =
              out.slice(0, index) +
              r.pick(["-1", "1e308", "99999999999999999999", "0.5", "-0", "NaN"]) +
              out.slice(index + 1);
        }
        break;
      }
      default:
        lines.splice(at, 0, `${r.pick(ODD_KEYS)}: ${r.pick(NASTY_STRINGS)}`);
        out = lines.join("\n");
    }
  }
  return out;
}
