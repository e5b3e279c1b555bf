import type { ComponentDefinition } from "../../core/generated/types.js";
import type { Scalar } from "../../core/run/evaluate/phrasing.js";

export type { Scalar } from "../../core/run/evaluate/phrasing.js";

/** What names a value beyond its spelling: the pack's components, by id. */
export interface ValueVocabulary {
  readonly components: ReadonlyMap<string, ComponentDefinition>;
}

/**
 * Values whose spelling is an id of the pack: a component is named by its catalog title (quoted,
 * as titles hold "or" and "and"); a profile id is a name and stays as written.
 */
const NAMED_BY: Readonly<Record<string, (value: string, vocabulary: ValueVocabulary) => string>> = {
  "plan.components": (id, { components }) => quoted(components.get(id)?.title ?? id),
  profile: (id) => id,
};

/**
 * A value as a reviewer reads it: `above-knee` → `above knee`, `historyOfCancer` → `history
 * of cancer`, a component id → its title, `true` → `yes`; numbers as written.
 *
 * @example valueWord("pain.legPain", "below-knee", vocabulary); // "below knee"
 */
export function valueWord(fact: string, value: Scalar, vocabulary: ValueVocabulary): string {
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "yes" : "no";
  const named = NAMED_BY[fact];
  if (named !== undefined) return named(value, vocabulary);
  return value.replace(/-/g, " ").replace(/([a-z])([A-Z])/g, (_, a: string, b: string) => `${a} ${b.toLowerCase()}`);
}

/** `“Massage”`: a title inside a sentence, quoted so its own "or" and "and" stay its own. */
export function quoted(title: string): string {
  return `“${title}”`;
}
