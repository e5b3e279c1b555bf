import type { Issue } from "../errors.js";
import { codes, issue, messages } from "./messages.js";
import { escapeSegment } from "../pointer.js";

/** Keys that reach object prototypes when copied or merged; never a field. */
export const forbiddenKeys: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/**
 * A forbidden-key issue for each such own key anywhere in the input, even under keys the schema
 * does not know (ajv never looks inside those). Iterative, and each object visited once, so deep
 * or cyclic input cannot overflow the stack.
 */
export function forbiddenKeyIssues(input: unknown): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<object>();
  const pending: [unknown, string][] = [[input, ""]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [node, pointer] = next;
    if (typeof node !== "object" || node === null || seen.has(node)) continue;
    seen.add(node);
    for (const key of Object.keys(node)) {
      const path = `${pointer}/${escapeSegment(key)}`;
      if (forbiddenKeys.has(key)) issues.push(issue(codes.forbiddenKey, path, messages.forbiddenKey(key)));
      else pending.push([(node as Record<string, unknown>)[key], path]);
    }
  }
  return issues.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
