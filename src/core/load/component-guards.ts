import type { SourcePosition } from "../errors.js";
import type { ComponentDefinition, Rule } from "../generated/types.js";
import { readPack } from "./check-ruleset.js";
import { contraindicationsOf } from "./checks/contraindications.js";
import type { PackModel } from "./pack-model.js";
import type { RuleFileText } from "./types.js";
import { withholdingReach, type Reach } from "./withholding-reach.js";

/** What guards one component of a pack, each guard with where it is written. */
export interface ComponentGuards {
  readonly component: string;
  readonly title: string;
  /** Its category, which a rule may withhold whole; absent only in a pack with errors. */
  readonly category?: string;
  /** Its contraindications, in catalog order. */
  readonly contraindications: readonly GuardingContraindication[];
  /** The rules that withhold it, or its whole category, in file and line order. */
  readonly rules: readonly GuardingRule[];
}

export interface GuardingContraindication {
  readonly id: string;
  readonly title: string;
  /** Where its `id` is written. */
  readonly source: SourcePosition;
}

export interface GuardingRule {
  readonly id: string;
  /** Whether it names the component or withholds its whole category. */
  readonly reach: Reach;
  /** A draft guards only in plans made with drafts (`--include-drafts`). */
  readonly draft: boolean;
  /** Where its `id` is written. */
  readonly source: SourcePosition;
}

/**
 * What guards each component of a pack: its contraindications (catalog data, whichever rule adds
 * it) and the rules that withhold it by name or by its category. Retired rules never run and
 * guard nothing. Components nothing guards are left out; the others come in catalog order. Read
 * from the files as `lint` reads them, so a pack with errors still shows what it can. Pure.
 *
 * @example
 * for (const { component, contraindications, rules } of componentGuards(files))
 *   console.log(component, contraindications.map((c) => c.id), rules.map((r) => r.id));
 */
export function componentGuards(files: readonly RuleFileText[]): ComponentGuards[] {
  return guardsOf(readPack(files).pack);
}

function guardsOf(pack: PackModel): ComponentGuards[] {
  const contraindications = contraindicationsOf(pack);
  const rules = pack.rules.items.filter(({ value }) => (value as Partial<Pick<Rule, "status">>).status !== "retired");
  return (pack.components?.items ?? []).flatMap(({ value }) => {
    // Only the id is sure to be valid in a pack with errors: read the rest warily.
    const { id, title, category } = value as Partial<Pick<ComponentDefinition, "title" | "category">> & typeof value;
    const guards: ComponentGuards = {
      component: id,
      title: typeof title === "string" ? title : id,
      ...(typeof category === "string" ? { category } : {}),
      contraindications: contraindications
        .filter((c) => c.component === id)
        .map(({ value: c, file, pointer }) => ({
          id: c.id,
          title: c.title,
          source: file.place(`${pointer}/id`).source,
        })),
      rules: rules.flatMap(({ value: rule, file, pointer }) => {
        const reach = withholdingReach(rule.then.withhold, { id, category });
        if (reach === undefined) return [];
        const draft = (rule as Partial<Pick<Rule, "status">>).status === "draft";
        return [{ id: rule.id, reach, draft, source: file.place(`${pointer}/id`).source }];
      }),
    };
    return guards.contraindications.length + guards.rules.length === 0 ? [] : [guards];
  });
}
