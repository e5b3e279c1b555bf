import type { DataGap } from "../../generated/types.js";
import type { CompiledRule } from "../../load/types.js";
import type { PreparedComponent } from "./components.js";
import type { PreparedAddition, PreparedWithholding } from "./prepared-rule.js";
import { isPressing } from "./urgency.js";

/** What is at stake in a data gap; the order of `CONCERNS` is the order gaps are listed in. */
export type Concern = DataGap["concern"];

export const CONCERNS: readonly Concern[] = ["safety", "referral", "contraindication", "treatment"];

/** What hangs on an undecided rule's answer. */
export interface Stakes {
  readonly concern: Concern;
  /** `concern`'s place in `CONCERNS`, worked out once: gaps are ordered by it. */
  readonly rank: number;
  /** The components it adds or withholds by name, once each. */
  readonly couldChange: readonly PreparedComponent[];
}

/**
 * Safety when the rule halts or adds an emergency, same-day or urgent referral (by its own details
 * or the catalog's): red flags and the suicide-risk question come first. Referral when it adds or
 * withholds any other referral. Treatment otherwise.
 */
export function stakesOf(
  rule: Pick<CompiledRule, "add" | "halt">,
  add: readonly PreparedAddition[],
  withhold: readonly PreparedWithholding[],
): Stakes {
  const couldChange = [...new Set([...add.map((a) => a.component), ...withhold.flatMap((w) => w.component ?? [])])];
  const pressing = rule.add.some(({ details }, i) => {
    const component = add[i]?.component.definition;
    return component?.category === "referral" && isPressing(details?.urgency ?? component.details.urgency);
  });
  const referral =
    couldChange.some((c) => c.definition.category === "referral") || withhold.some((w) => w.category === "referral");
  return stakes(rule.halt !== undefined || pressing ? "safety" : referral ? "referral" : "treatment", couldChange);
}

/** What is at stake, ranked. */
export function stakes(concern: Concern, couldChange: readonly PreparedComponent[]): Stakes {
  return { concern, rank: CONCERNS.indexOf(concern), couldChange };
}
