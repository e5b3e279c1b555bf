import { isAlias, isCollection, isNode, isScalar, visit, type Pair, type YAMLMap } from "yaml";

/**
 * Puts a map's pairs in `order` (the schema's `properties`), keys it does not name last in the
 * order written. A pair takes its comments and anchors along. A map is left as written when
 * the move would swap two pairs that share an anchor's name (one defines it, the other defines
 * or aliases it), as an alias could then name a different anchor. `anchored: false` says the
 * document has no anchors, which saves the search.
 *
 * @example orderPairs(map, ["id", "title", "priority"]); // `{ priority, id }` → `{ id, priority }`
 */
export function orderPairs(map: YAMLMap, order: readonly string[], { anchored = true } = {}): void {
  const rank = (pair: Pair): number => {
    const index = isScalar(pair.key) ? order.indexOf(String(pair.key.value)) : -1;
    return index < 0 ? order.length : index;
  };
  const ordered = [...map.items].sort((a, b) => rank(a) - rank(b));
  if (ordered.every((pair, i) => pair === map.items[i]) || (anchored && anchorsCross(map.items, ordered))) return;
  map.items = ordered;
}

/** Whether two pairs sharing an anchor's name (one defines it, the other too or aliases it) swap. */
function anchorsCross(written: readonly Pair[], ordered: readonly Pair[]): boolean {
  const names = written.map(anchorNames);
  const position = new Map(ordered.map((pair, i) => [pair, i]));
  const after = (a: number, b: number): boolean =>
    (position.get(written[a] as Pair) ?? 0) > (position.get(written[b] as Pair) ?? 0);
  return names.some((first, i) =>
    names.some((second, j) => i < j && after(i, j) && (shares(first.defined, second) || shares(second.defined, first))),
  );
}

function shares(defined: ReadonlySet<string>, other: { defined: Set<string>; aliased: Set<string> }): boolean {
  return [...defined].some((name) => other.defined.has(name) || other.aliased.has(name));
}

function anchorNames(pair: Pair): { defined: Set<string>; aliased: Set<string> } {
  const defined = new Set<string>();
  const aliased = new Set<string>();
  const note = (node: unknown): void => {
    if (isAlias(node)) aliased.add(node.source);
    else if (isNode(node) && node.anchor !== undefined) defined.add(node.anchor);
  };
  for (const part of [pair.key, pair.value]) {
    note(part);
    if (isCollection(part)) {
      visit(part, (_key, node) => {
        note(node);
      });
    }
  }
  return { defined, aliased };
}
