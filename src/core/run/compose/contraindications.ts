import { compileCondition, conditionFacts, type CompiledCondition } from "../evaluate/condition.js";
import type { FactDefinition, Facts } from "../facts/types.js";
import type { Contraindication, PlanEvidence } from "../../generated/types.js";
import { compileTemplate, templateFacts, type CompiledTemplate } from "../../load/reason-template.js";
import { gapTrialsOf, type GapTrial } from "./gap-trials.js";

/** A catalog contraindication, compiled once per ruleset. */
export interface PreparedContraindication {
  /** As the plan names it: `contraindication:ID`, in `withheld[].rule` and `dataGaps[].rules`. */
  readonly name: string;
  readonly title: string;
  readonly test: CompiledCondition;
  readonly reason: CompiledTemplate;
  readonly evidence: readonly PlanEvidence[];
  /** Worked out on first use (see `PreparedRule.gapTrials`). */
  readonly gapTrials: () => ReadonlyMap<string, GapTrial>;
  /** Every fact it reads: its condition's and its reason's. */
  readonly reads: readonly string[];
}

/** What screening a component against its contraindications found. */
export type Screening =
  | { readonly verdict: "clear" }
  | { readonly verdict: "contraindicated"; readonly by: PreparedContraindication }
  | { readonly verdict: "unscreened"; readonly pending: readonly PreparedContraindication[] };

const CLEAR: Screening = { verdict: "clear" };

export function prepareContraindication(
  contraindication: Contraindication,
  facts: ReadonlyMap<string, FactDefinition>,
  evidence: ReadonlyMap<string, PlanEvidence>,
): PreparedContraindication {
  const { id, title, when, reason } = contraindication;
  // On first use, then kept, as a rule's (see `prepareRule`): only an unscreened component needs them.
  let gapTrials: ReadonlyMap<string, GapTrial> | undefined;
  return {
    name: `contraindication:${id}`,
    title,
    test: compileCondition(when),
    reason: compileTemplate(reason),
    evidence: contraindication.evidence.flatMap((source) => evidence.get(source) ?? []),
    gapTrials: () => (gapTrials ??= gapTrialsOf(conditionFacts(when), when, facts)),
    reads: [...conditionFacts(when), ...templateFacts(reason)],
  };
}

/**
 * Screens a component: contraindicated when one of its contraindications holds (the first, in
 * catalog order, is named); unscreened when none holds but one cannot be decided because an
 * answer is missing, which is never read as safe; else clear. `facts` must hold the `plan.*`
 * state the contraindications are to read.
 */
export function screen(contraindications: readonly PreparedContraindication[], facts: Facts): Screening {
  // Made only when needed: most screens come out clear.
  let pending: PreparedContraindication[] | undefined;
  for (const contraindication of contraindications) {
    const truth = contraindication.test(facts);
    if (truth === true) return { verdict: "contraindicated", by: contraindication };
    if (truth === "unknown") (pending ??= []).push(contraindication);
  }
  return pending === undefined ? CLEAR : { verdict: "unscreened", pending };
}
