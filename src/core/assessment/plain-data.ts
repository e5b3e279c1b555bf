import type { Issue } from "../errors.js";
import { escapeSegment } from "../pointer.js";
import { codes, issue, messages } from "./messages.js";

/**
 * An issue for every value in the input that is an object but not plain data: a Map or Set
 * (YAML's `!!omap`/`!!set`, or a caller's own), a class instance, anything with a prototype of its
 * own. ajv and the scorers read own keys; such a value would pass validation holding answers that
 * nothing reads (`redFlags: Map { saddleAnaesthesia → true }` is not "no red flags"). Iterative
 * and each object visited once, so deep or cyclic input cannot overflow the stack.
 */
export function plainDataIssues(input: object): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<object>();
  const pending: [unknown, string][] = [[input, ""]];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const [node, pointer] = next;
    if (typeof node !== "object" || node === null || seen.has(node)) continue;
    seen.add(node);
    if (!Array.isArray(node) && !isPlainObject(node)) {
      issues.push(issue(codes.notPlainData, pointer, messages.notPlainData(kindOf(node))));
      continue;
    }
    for (const key of Object.keys(node))
      pending.push([(node as Record<string, unknown>)[key], `${pointer}/${escapeSegment(key)}`]);
  }
  return issues.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/**
 * An object literal, from this realm or another (an EHR iframe): not an array, not null, not a
 * class instance such as a Date or a Map.
 */
export function isPlainObject(value: unknown): value is object {
  if (typeof value !== "object" || value === null || Object.prototype.toString.call(value) !== "[object Object]")
    return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}

function kindOf(node: object): string {
  const tag = Object.prototype.toString.call(node).slice(8, -1);
  if (tag !== "Object") return `a ${tag}`;
  const constructor: unknown = (Object.getPrototypeOf(node) as { constructor?: unknown } | null)?.constructor;
  const name = typeof constructor === "function" ? constructor.name : "";
  return name === "" || name === "Object" ? "an object with a prototype of its own" : `an instance of ${name}`;
}
