import deepEqual from "fast-deep-equal";
import type { CompiledRule, Ruleset } from "../../core/load/types.js";
import type { IdEdits, PackEdits } from "./types.js";

/**
 * What differs between two packs' definitions: the rules that run, the component catalog, the
 * default profile. Says what an edit touched; the plans say what it did.
 *
 * @example packEdits(base, head).rules.modified; // ["depression-moderate-or-worse"]
 */
export function packEdits(base: Ruleset, head: Ruleset): PackEdits {
  return {
    rules: idEdits(byId(base.rules), byId(head.rules), decision),
    components: idEdits(base.components, head.components, (component) => component),
    defaultProfile:
      base.defaultProfile === head.defaultProfile ? null : { from: base.defaultProfile, to: head.defaultProfile },
  };
}

/** What a rule decides, and when: everything but its wording for authors and its place in a file. */
function decision({ priority, when, add, withhold, halt, evidence }: CompiledRule): unknown {
  return { priority, when, add, withhold, halt, evidence };
}

function byId(rules: readonly CompiledRule[]): ReadonlyMap<string, CompiledRule> {
  return new Map(rules.map((rule) => [rule.id, rule]));
}

function idEdits<T>(
  base: ReadonlyMap<string, T>,
  head: ReadonlyMap<string, T>,
  compared: (item: T) => unknown,
): IdEdits {
  const sorted = (ids: Iterable<string>) => [...ids].sort();
  return {
    added: sorted([...head.keys()].filter((id) => !base.has(id))),
    removed: sorted([...base.keys()].filter((id) => !head.has(id))),
    modified: sorted(
      [...head]
        .filter(([id, item]) => {
          const before = base.get(id);
          return before !== undefined && !deepEqual(compared(before), compared(item));
        })
        .map(([id]) => id),
    ),
  };
}
