import { changesSince } from "./compose/changes.js";
import { compose } from "./compose/compose.js";
import { prepare } from "./compose/prepare.js";
import type { Issue } from "../errors.js";
import { factDeriver } from "./facts/catalog.js";
import type { Assessment, Plan } from "../generated/types.js";
import type { Ruleset } from "../load/types.js";

/**
 * What plans a valid assessment under one ruleset: the engine's work after validation. The engine
 * validates first; `impact` validates each assessment once and plans it with two of these.
 */
export interface Planner {
  /** The issue for a profile this pack does not have; `undefined` when it has it. */
  readonly profileIssue: (profile: string) => Issue | undefined;
  /** The plan for an assessment already validated, under a profile the pack has. */
  readonly plan: (assessment: Assessment, profile: string) => Plan;
}

/** A planner over `ruleset`. Cheap to create; keep one per ruleset. */
export function createPlanner(ruleset: Ruleset): Planner {
  const profiles = new Set(ruleset.profiles.map((p) => p.id));
  const catalog = new Map([...ruleset.components.keys()].map((id, i) => [id, i]));
  // A component of an older pack (renamed or removed since the last plan) sorts last.
  const catalogOrder = (id: string) => catalog.get(id) ?? catalog.size;
  // Facts no rule reads would be derived for nothing.
  const deriveFacts = factDeriver(prepare(ruleset).reads);
  const known = (id: string) => catalog.has(id);

  return {
    profileIssue: (profile) => {
      if (profiles.has(profile)) return undefined;
      return {
        code: "engine/unknown-profile",
        path: "",
        severity: "error",
        message: `unknown profile "${profile}": this pack has ${[...profiles].map((p) => `"${p}"`).join(", ")}`,
      };
    },
    plan: (assessment, profile) => {
      const made = compose(ruleset, { facts: deriveFacts(assessment), profile, assessment });
      const previous = assessment.followUp?.previousComponents;
      // Set on the new plan rather than spread into a copy of it (a spread costs about a
      // microsecond in Node 20's V8); last, as the schema lists it.
      if (previous !== undefined) made.changes = changesSince(previous, made, catalogOrder, known);
      return made;
    },
  };
}
