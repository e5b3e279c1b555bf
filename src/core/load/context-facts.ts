import type { FactDefinition } from "../run/facts/types.js";
import { unknownCategoryValue, unknownComponentValue, unknownProfileValue } from "./messages.js";
import { categories } from "../generated/categories.js";

/** What the pack defines that context facts range over; a part is absent when its file is unusable. */
export interface PackVocabulary {
  readonly profiles?: readonly string[];
  readonly components?: readonly string[];
}

/**
 * Facts that come from the plan being made rather than from the assessment: the guideline
 * `profile`, and what higher-priority rules decided (`plan.components`, `plan.categories`). Their
 * values are this pack's own ids, so a rule comparing them with an id the pack lacks is an error.
 * Never a data gap (`collect` is empty).
 */
export function contextFacts(vocabulary: PackVocabulary): FactDefinition[] {
  const enumOf = (values: readonly string[] | undefined) => (values === undefined ? {} : { enum: values });
  return [
    {
      name: "profile",
      type: "string",
      description: "The guideline profile the plan is made under.",
      ...enumOf(vocabulary.profiles),
      origin: "context",
      collect: [],
    },
    {
      name: "plan.components",
      type: "string-list",
      description: "Components that higher-priority rules added and nothing withheld.",
      ...enumOf(vocabulary.components),
      origin: "context",
      collect: [],
    },
    {
      name: "plan.categories",
      type: "string-list",
      description: "Categories of the components in plan.components.",
      enum: categories,
      origin: "context",
      collect: [],
    },
  ];
}

/** For context facts: comparing with a value outside the enum names a profile, component or category that does not exist. */
export const unknownContextValue: ReadonlyMap<string, typeof unknownProfileValue> = new Map([
  ["profile", unknownProfileValue],
  ["plan.components", unknownComponentValue],
  ["plan.categories", unknownCategoryValue],
]);
