import { escapeSegment } from "../../pointer.js";

/**
 * Calls `visit` for every object and array in the input with its JSON Pointer, and for every
 * own key of those the visit lets through. Iterative, and each object visited once, so deep or
 * cyclic input cannot overflow the stack. `visit` returns the keys to descend into, or none.
 */
export function walkObjects(input: unknown, visit: (node: object, pointer: string) => readonly string[]): void {
  const seen = new Set<object>();
  const pending: [unknown, string][] = [[input, ""]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [node, pointer] = next;
    if (typeof node !== "object" || node === null || seen.has(node)) continue;
    seen.add(node);
    for (const key of visit(node, pointer))
      pending.push([(node as Record<string, unknown>)[key], `${pointer}/${escapeSegment(key)}`]);
  }
}

/** Issues in path order, so the report does not depend on the walk's order. */
export function byPath<T extends { path: string }>(issues: T[]): T[] {
  return issues.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
