import type { Issue } from "../../errors.js";
import { codes, issue, messages } from "./messages.js";
import { escapeSegment } from "../../pointer.js";
import { byPath, walkObjects } from "./walk.js";

/**
 * The longest list an assessment may hold: the schema's longest (`followUp.previousComponents`,
 * 100; a test keeps the schema within it). A longer list is refused before schema validation,
 * which would otherwise report every one of its items, costing memory hundreds of times the
 * input's size (a 600 KB list of 200,000 items took 160 MB).
 */
export const MAX_LIST_ITEMS = 100;

/**
 * An issue for every value in the input that is an object but not plain data: a Map or Set
 * (YAML's `!!omap`/`!!set`, or a caller's own), a class instance, anything with a prototype of its
 * own. ajv and the scorers read own keys; such a value would pass validation holding answers that
 * nothing reads (`redFlags: Map { saddleAnaesthesia → true }` is not "no red flags"). And one for
 * every list longer than `maxListItems`, whose items are then not looked at.
 */
export function plainDataIssues(input: object, maxListItems = Infinity): Issue[] {
  // Almost every input is plain data: a first pass builds no JSON Pointer (building one per key
  // was a tenth of a plan) and only when it finds something, or cannot tell, does the walk below
  // run to say where.
  if (isPlainData(input, maxListItems)) return [];
  const issues: Issue[] = [];
  walkObjects(input, (node, pointer) => {
    if (!Array.isArray(node) && !isPlainObject(node)) {
      issues.push(issue(codes.notPlainData, pointer, messages.notPlainData(kindOf(node))));
      return [];
    }
    if (Array.isArray(node) && node.length > maxListItems) {
      issues.push(issue(codes.wrongLength, pointer, messages.wrongLength(node.length, undefined, maxListItems)));
      return [];
    }
    const keys = Object.keys(node);
    // A getter is code, not an answer: it may throw, or answer differently each time it is read.
    // It is reported without being called, and the walk does not descend into it.
    const data = keys.filter((key) => {
      const descriptor = Object.getOwnPropertyDescriptor(node, key);
      if (descriptor === undefined || "value" in descriptor) return true;
      issues.push(issue(codes.notPlainData, `${pointer}/${escapeSegment(key)}`, messages.notPlainData("a getter")));
      return false;
    });
    return data;
  });
  return byPath(issues);
}

/**
 * Objects the first pass visits before it gives up and leaves the verdict to the walk: a cycle, or
 * a node shared many times over, ends there instead of running on. Assessments hold a few dozen.
 */
const FIRST_PASS_NODES = 10_000;

/**
 * Whether `plainDataIssues` has nothing to report, told without pointers: every object is plain
 * or an array within `maxListItems`, and no key is a getter. False when unsure (too many nodes).
 */
function isPlainData(input: object, maxListItems: number): boolean {
  const pending: object[] = [input];
  for (let visited = 0; pending.length > 0; visited++) {
    const node = pending.pop() as object;
    if (visited === FIRST_PASS_NODES) return false;
    if (Array.isArray(node) ? node.length > maxListItems : !isPlainObject(node)) return false;
    const keys = Object.keys(node);
    for (const key of keys) {
      const descriptor = Object.getOwnPropertyDescriptor(node, key);
      if (descriptor !== undefined && !("value" in descriptor)) return false;
      // Read as the walk reads it (a Proxy may answer `get` otherwise than its descriptor).
      const value: unknown = (node as Record<string, unknown>)[key];
      if (typeof value === "object" && value !== null) pending.push(value);
    }
  }
  return true;
}

/**
 * An object literal, from this realm or another (an EHR iframe): not an array, not null, not a
 * class instance such as a Date or a Map.
 */
export function isPlainObject(value: unknown): value is object {
  if (typeof value !== "object" || value === null || Object.prototype.toString.call(value) !== "[object Object]")
    return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  // This realm's own `Object.prototype` first: it is the prototype of almost every input, and
  // saying so needs no second look up the chain.
  return prototype === Object.prototype || prototype === null || Object.getPrototypeOf(prototype) === null;
}

function kindOf(node: object): string {
  const tag = Object.prototype.toString.call(node).slice(8, -1);
  if (tag !== "Object") return `a ${tag}`;
  const constructor: unknown = (Object.getPrototypeOf(node) as { constructor?: unknown } | null)?.constructor;
  const name = typeof constructor === "function" ? constructor.name : "";
  return name === "" || name === "Object" ? "an object with a prototype of its own" : `an instance of ${name}`;
}
