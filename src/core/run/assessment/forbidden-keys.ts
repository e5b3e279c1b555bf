import type { Issue } from "../../errors.js";
import { escapeSegment } from "../../pointer.js";
import { codes, issue, messages } from "./messages.js";
import { byPath, walkObjects } from "./walk.js";

/** Keys that reach object prototypes when copied or merged; never a field. */
export const forbiddenKeys: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/**
 * A forbidden-key issue for each such own key anywhere in the input, even under keys the schema
 * does not know (ajv never looks inside those).
 */
export function forbiddenKeyIssues(input: unknown): Issue[] {
  const issues: Issue[] = [];
  walkObjects(input, (node, pointer) =>
    Object.keys(node).filter((key) => {
      if (!forbiddenKeys.has(key)) return true;
      issues.push(issue(codes.forbiddenKey, `${pointer}/${escapeSegment(key)}`, messages.forbiddenKey(key)));
      return false;
    }),
  );
  return byPath(issues);
}
