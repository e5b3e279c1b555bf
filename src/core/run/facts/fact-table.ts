import type { FactValue, Facts } from "./types.js";

/**
 * A number for every fact name, process-wide, given the first time code names the fact (a leaf
 * when its condition is compiled, the deriver when it is made). Fact names are few (the catalog's
 * and the context facts), so the list stays small.
 */
const slotsByName = new Map<string, number>();
const namesBySlot: string[] = [];

/**
 * The slot of a fact name in every `FactTable`.
 *
 * @example factTable().set("phq9.total", 12).bySlot[slotOf("phq9.total")]; // 12
 */
export function slotOf(name: string): number {
  let slot = slotsByName.get(name);
  if (slot === undefined) {
    slot = namesBySlot.length;
    slotsByName.set(name, slot);
    namesBySlot.push(name);
  }
  return slot;
}

/**
 * The facts of one plan, each at its name's slot: a compiled leaf reads its fact by index, where
 * a `Map` hashes the name on every read (a lookup took five times as long). To everything else it
 * is a `Map` of facts: `get`, `has`, `size` and iteration in the order facts were first set.
 */
export class FactTable implements ReadonlyMap<string, FactValue> {
  /** Values by slot; `undefined` where a fact is absent (no fact's value is ever `undefined`). */
  readonly bySlot: (FactValue | undefined)[] = new Array<FactValue | undefined>(namesBySlot.length).fill(undefined);
  /** The slots holding a fact, in the order they were set, as a Map iterates its keys. */
  readonly #order: number[] = [];

  /** A table holding the entries of `facts`, in their order. */
  static from(facts: Facts): FactTable {
    const table = new FactTable();
    for (const [name, value] of facts) table.set(name, value);
    return table;
  }

  get size(): number {
    return this.#order.length;
  }

  get(name: string): FactValue | undefined {
    const slot = slotsByName.get(name);
    return slot === undefined ? undefined : this.bySlot[slot];
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  /** Sets a fact; as in a Map, one already set keeps its place in the order. */
  set(name: string, value: FactValue): this {
    return this.setAt(slotOf(name), value);
  }

  /** `set` by slot, for callers that looked the slot up once, beforehand. */
  setAt(slot: number, value: FactValue): this {
    if (this.bySlot[slot] === undefined) this.#order.push(slot);
    this.bySlot[slot] = value;
    return this;
  }

  delete(name: string): boolean {
    const slot = slotsByName.get(name);
    return slot !== undefined && this.deleteAt(slot);
  }

  /** `delete` by slot. */
  deleteAt(slot: number): boolean {
    if (this.bySlot[slot] === undefined) return false;
    this.bySlot[slot] = undefined;
    const order = this.#order;
    // Facts are deleted right after they are set (a data gap's trials): the last, almost always,
    // and `pop` allocates nothing where `splice` returns a list of what it removed.
    if (order.at(-1) === slot) order.pop();
    else order.splice(order.lastIndexOf(slot), 1);
    return true;
  }

  forEach(callback: (value: FactValue, name: string, facts: ReadonlyMap<string, FactValue>) => void): void {
    for (const [name, value] of this) callback(value, name, this);
  }

  *entries(): MapIterator<[string, FactValue]> {
    for (const slot of [...this.#order]) {
      const value = this.bySlot[slot];
      if (value !== undefined) yield [namesBySlot[slot] ?? "", value];
    }
  }

  *keys(): MapIterator<string> {
    for (const [name] of this.entries()) yield name;
  }

  *values(): MapIterator<FactValue> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): MapIterator<[string, FactValue]> {
    return this.entries();
  }

  get [Symbol.toStringTag](): string {
    return "FactTable";
  }
}

/**
 * The value of the fact at `slot` (named `name`): by index from a `FactTable`, by name from any
 * other map of facts (a caller's own `Map`).
 */
export function factAt(facts: Facts, slot: number, name: string): FactValue | undefined {
  return facts instanceof FactTable ? facts.bySlot[slot] : facts.get(name);
}
