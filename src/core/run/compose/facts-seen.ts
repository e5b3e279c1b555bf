import { FactTable } from "../facts/fact-table.js";
import type { Facts } from "../facts/types.js";
import type { Assessment } from "../../generated/types.js";
import type { Ruleset } from "../../load/types.js";
import { compose } from "./compose.js";

/** The facts a plan's rules and contraindications read, as the composer set them while making it. */
export interface FactsSeen {
  /**
   * The facts the rules of `priority` (a priority of the ruleset's rules) ran on: the assessment's,
   * the profile, and `plan.*` as the higher priorities left them. A rule's condition on them gives
   * the outcome in the plan's trace.
   */
  at(priority: number): Facts;
  /** The facts the contraindications read: the plan state the rules decided. */
  readonly screenedOn: Facts;
  /** The components the contraindications screened (those the rules decided on), sorted by id. */
  readonly screened: readonly string[];
}

/**
 * What the rules and contraindications read when the plan for `assessment` under `profile` was
 * made: the composition run again on `facts` (the assessment's), watched. The composer is
 * deterministic, so these are the facts behind the plan a caller already holds.
 */
export function factsSeen(ruleset: Ruleset, assessment: Assessment, profile: string, facts: Facts): FactsSeen {
  const byPriority = new Map<number, Facts>();
  let screenedOn: Facts = new Map();
  compose(
    ruleset,
    { facts: FactTable.from(facts), profile, assessment },
    {
      rules: (priority, seen) => byPriority.set(priority, new Map(seen)),
      screening: (seen) => (screenedOn = new Map(seen)),
    },
  );
  const components = screenedOn.get("plan.components");
  return {
    at(priority) {
      const seen = byPriority.get(priority);
      if (seen === undefined) throw new Error(`no rule of priority ${priority} ran in this composition`);
      return seen;
    },
    screenedOn,
    screened: Array.isArray(components) ? components : [],
  };
}
