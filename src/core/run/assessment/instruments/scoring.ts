/** Small scoring helpers shared by the instruments. */
import type { FactDefinition } from "../../facts/types.js";

/** Bands by lower bound, in ascending order: `[[0, "minimal"], [5, "mild"], …]`. */
export type Bands<Label extends string> = readonly [readonly [number, Label], ...(readonly [number, Label])[]];

/** The label of the highest band whose lower bound the value reaches (the first band below it). */
export function bandOf<Label extends string>(value: number, bands: Bands<Label>): Label {
  let label = bands[0][1];
  for (const band of bands) if (value >= band[0]) label = band[1];
  return label;
}

/** The labels of the bands, in order: a banded fact's enum. */
export function labelsOf<Label extends string>(bands: Bands<Label>): Label[] {
  return bands.map(([, label]) => label);
}

/** Sum of `items[from]` up to (not including) `items[to]`; nulls count 0. */
export function sumOf(items: readonly (number | null)[], from = 0, to = items.length): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += items[i] ?? 0;
  return sum;
}

/** Rounded to one decimal place, as BMI and ODI percentages are reported. */
export function toOneDecimal(value: number): number {
  return Math.round(value * 10) / 10;
}

/** A derived fact's definition. */
export function derivedFact(definition: Omit<FactDefinition, "origin">): FactDefinition {
  return { ...definition, origin: "derived" };
}
