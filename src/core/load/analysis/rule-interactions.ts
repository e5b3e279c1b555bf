import type { FactDefinition } from "../../run/facts/types.js";
import type { Condition } from "../../generated/types.js";
import { normalForm } from "./normal-form.js";
import { disjoint, equivalent, implies, neverHolds } from "./reasoning.js";

/** What the interaction checks need of a rule: when it fires and what it then does. */
export interface RuleView {
  readonly id: string;
  readonly priority: number;
  readonly when: Condition;
  readonly halts: boolean;
  /** The components it adds, with their categories (when the catalog names them) and the details it gives. */
  readonly adds: readonly {
    readonly component: string;
    readonly category?: string | undefined;
    readonly details?: Readonly<Record<string, unknown>> | undefined;
  }[];
  readonly withholds: readonly { readonly component?: string | undefined; readonly category?: string | undefined }[];
}

/** Where rules meet: each names the rule it is about first, then the rule that causes it. */
export type Interaction<R extends RuleView> =
  /** `rule` fires only when `by`, of higher priority, fires too and halts: nothing it adds survives. */
  | { readonly kind: "shadowed-by-halt"; readonly rule: R; readonly by: R }
  /** Whenever `rule` fires, `by` (higher priority) withholds its addition number `addition`. */
  | {
      readonly kind: "always-withheld";
      readonly rule: R;
      readonly addition: number;
      readonly by: R;
      readonly withholding: number;
    }
  /**
   * At the same priority, `by` may withhold what `rule` adds: their conditions are not proven
   * disjoint (facts are taken as independent, so linked facts, such as a total and its severity,
   * may exclude them in truth).
   */
  | {
      readonly kind: "add-withhold-conflict";
      readonly rule: R;
      readonly addition: number;
      readonly by: R;
      readonly withholding: number;
    }
  /** `rule` fires exactly when the earlier `first` of the same priority does. */
  | { readonly kind: "equivalent-conditions"; readonly rule: R; readonly first: R }
  /**
   * `rule` and the earlier `other`, of the same priority, may both fire (not proven disjoint) and
   * give the component of `rule`'s addition number `addition` different values for `key`: which
   * wins would depend on their ids. A referral's `urgency` is exempt (the most urgent wins), and
   * so are list details (every rule's items are kept).
   */
  | {
      readonly kind: "conflicting-details";
      readonly rule: R;
      readonly addition: number;
      readonly key: string;
      readonly other: R;
      readonly otherValue: unknown;
    };

/** The facts rules read, and which of them hold what higher priorities decided (`plan.*`). */
export interface RuleSpace {
  readonly facts: ReadonlyMap<string, FactDefinition>;
  /** Facts whose value differs from one priority to the next: compared only within a priority. */
  readonly decidedSoFar: (fact: string) => boolean;
}

/**
 * How rules that run (retired ones left out by the caller) get in each other's way, proven from
 * their conditions. Rules whose condition never holds are left out (reported on their own).
 * `rules` in pack order: an equivalence is reported on the later rule.
 */
export function ruleInteractions<R extends RuleView>(rules: readonly R[], space: RuleSpace): Interaction<R>[] {
  const live = rules.flatMap((rule) => {
    const dimension = (fact: string) => (space.decidedSoFar(fact) ? `${fact}@${rule.priority}` : fact);
    const form = normalForm(rule.when, { facts: space.facts, dimension });
    return form === undefined || neverHolds(form) ? [] : [{ rule, form }];
  });
  const byPriority = [...live].sort((a, b) => b.rule.priority - a.rule.priority);
  return live.flatMap(({ rule, form }, index) => {
    const above = byPriority.filter((other) => other.rule.priority > rule.priority);
    const halt = above.find((other) => other.rule.halts && implies(form, other.form));
    if (halt !== undefined) return [{ kind: "shadowed-by-halt" as const, rule, by: halt.rule }];
    const same = live.filter((other) => other.rule.priority === rule.priority);
    const additions = rule.adds.flatMap((added, addition): Interaction<R>[] => {
      const withheldBy = (other: { rule: R }) => other.rule.withholds.findIndex((w) => withholds(w, added));
      const always = above.find((other) => withheldBy(other) >= 0 && implies(form, other.form));
      if (always !== undefined)
        return [{ kind: "always-withheld", rule, addition, by: always.rule, withholding: withheldBy(always) }];
      return same
        .filter((other) => withheldBy(other) >= 0 && !disjoint(form, other.form))
        .map((other) => ({
          kind: "add-withhold-conflict",
          rule,
          addition,
          by: other.rule,
          withholding: withheldBy(other),
        }));
    });
    const earlier = live.slice(0, index).filter((other) => other.rule.priority === rule.priority);
    const first = earlier.find((other) => equivalent(other.form, form));
    const conflicts = rule.adds.flatMap((added, addition): Interaction<R>[] =>
      Object.entries(added.details ?? {}).flatMap(([key, value]): Interaction<R>[] => {
        if (key === "urgency" || Array.isArray(value)) return []; // the most urgent wins; lists gather
        const other = earlier.find(
          (o) =>
            o.rule.adds.some((a) => a.component === added.component && differs(a.details?.[key], value)) &&
            !disjoint(form, o.form),
        );
        if (other === undefined) return [];
        const otherValue = other.rule.adds.find(
          (a) => a.component === added.component && differs(a.details?.[key], value),
        )?.details?.[key];
        return [{ kind: "conflicting-details", rule, addition, key, other: other.rule, otherValue }];
      }),
    );
    return [
      ...additions,
      ...conflicts,
      ...(first === undefined ? [] : [{ kind: "equivalent-conditions" as const, rule, first: first.rule }]),
    ];
  });
}

function withholds(withholding: RuleView["withholds"][number], added: RuleView["adds"][number]): boolean {
  return (
    withholding.component === added.component ||
    (withholding.category !== undefined && withholding.category === added.category)
  );
}

/** Whether another rule's value for a detail conflicts with this one's (absent: no conflict, it merges). */
function differs(theirs: unknown, ours: unknown): boolean {
  return theirs !== undefined && JSON.stringify(theirs) !== JSON.stringify(ours);
}
