import type { Issue } from "../../../errors.js";
import { forbiddenKeyIssues } from "../../../run/assessment/forbidden-keys.js";
import { isPlainObject, plainDataIssues } from "../../../run/assessment/plain-data.js";
import { walkObjects } from "../../../run/assessment/walk.js";
import { escapeSegment } from "../../../pointer.js";
import { limits } from "./limits.js";
import { isRecord } from "./mappings/values.js";
import { codes, fhirIssue, messages } from "./messages.js";

/** A resource of the Bundle, untrusted, with the names issues and `sources` use for it. */
export interface BundleResource {
  readonly resource: Readonly<Record<string, unknown>>;
  readonly type: string;
  /** `Observation/phq9-total`; `Observation/entry-3` when the resource has no id. */
  readonly label: string;
  /** JSON Pointer into the Bundle: `/entry/3/resource`. */
  readonly pointer: string;
  readonly fullUrl?: string;
}

export interface BundleIndex {
  readonly resources: readonly BundleResource[];
  /** Bundle.timestamp, when it is a string. */
  readonly timestamp?: string;
}

type Indexed = { ok: true; index: BundleIndex } | { ok: false; issues: Issue[] };

/**
 * The Bundle's resources, once it is known to be bounded plain data with no prototype keys
 * (the same guards as the assessment intake); otherwise the issues found. Never throws: an
 * object whose reading throws (a getter, a Proxy's trap) is not plain data.
 */
export function indexBundle(input: unknown): Indexed {
  try {
    return indexPlainBundle(input);
  } catch {
    return { ok: false, issues: [fhirIssue(codes.notPlainData, "", messages.unreadableBundle())] };
  }
}

function indexPlainBundle(input: unknown): Indexed {
  if (!isPlainObject(input) || (input as Record<string, unknown>)["resourceType"] !== "Bundle") {
    return { ok: false, issues: [fhirIssue(codes.notABundle, "", messages.notABundle(describe(input)))] };
  }
  const size = measure(input);
  const tooLarge =
    size.nodes > limits.nodes
      ? messages.tooLarge("objects and lists", size.nodes, limits.nodes)
      : size.depth > limits.depth
        ? messages.tooLarge("nesting depth", size.depth, limits.depth)
        : undefined;
  if (tooLarge !== undefined) return { ok: false, issues: [fhirIssue(codes.tooLarge, "", tooLarge)] };
  if (size.cycle !== undefined)
    return { ok: false, issues: [fhirIssue(codes.notPlainData, size.cycle, messages.cycle())] };
  const unsafe = [...plainDataIssues(input), ...forbiddenKeyIssues(input)].map(recode);
  if (unsafe.length > 0) return { ok: false, issues: unsafe };
  const bundle = input as Readonly<Record<string, unknown>>;
  const entries = Array.isArray(bundle["entry"]) ? (bundle["entry"] as unknown[]) : [];
  if (entries.length > limits.entries) {
    return {
      ok: false,
      issues: [fhirIssue(codes.tooLarge, "/entry", messages.tooLarge("Bundle.entry", entries.length, limits.entries))],
    };
  }
  const resources = entries.flatMap((entry, index) => resourceOf(entry, index));
  const timestamp = bundle["timestamp"];
  return { ok: true, index: { resources, ...(typeof timestamp === "string" ? { timestamp } : {}) } };
}

function resourceOf(entry: unknown, index: number): BundleResource[] {
  const resource = isRecord(entry) ? entry["resource"] : undefined;
  if (!isRecord(resource) || typeof resource["resourceType"] !== "string") return [];
  const fullUrl = isRecord(entry) && typeof entry["fullUrl"] === "string" ? entry["fullUrl"] : undefined;
  return [
    {
      resource,
      type: resource["resourceType"],
      label: labelOf(resource, `entry-${index}`),
      pointer: `/entry/${index}/resource`,
      ...(fullUrl === undefined ? {} : { fullUrl }),
    },
  ];
}

/** `Type/id`, or `Type/<fallback>` for a resource without a usable id. */
function labelOf(resource: Readonly<Record<string, unknown>>, fallback: string): string {
  const id = resource["id"];
  return `${String(resource["resourceType"])}/${typeof id === "string" && id !== "" ? id : fallback}`;
}

/**
 * Objects and lists, how deep they nest, and where the first cycle closes (an object inside
 * itself): the readers recurse and would not end on one. An object shared by two places (a
 * Bundle built in code reusing a coding) is read twice and counted twice. The walk stops
 * descending past either limit.
 */
function measure(input: object): { nodes: number; depth: number; cycle?: string } {
  let nodes = 0;
  let depth = 0;
  let cycle: string | undefined;
  // Where the walk visited each object (once each): every path down passes through those places.
  const visitedAt = new Map<unknown, string>();
  walkObjects(input, (node, pointer) => {
    visitedAt.set(node, pointer);
    depth = Math.max(depth, pointer.split("/").length - 1);
    if (++nodes > limits.nodes || depth > limits.depth || cycle !== undefined) return [];
    const keys = Object.keys(node);
    for (const key of keys) {
      const child = (node as Record<string, unknown>)[key];
      const at = typeof child === "object" && child !== null ? visitedAt.get(child) : undefined;
      // Visited on the path down to here: an ancestor, so the child closes a cycle.
      if (at !== undefined && (pointer === at || pointer.startsWith(`${at}/`)))
        cycle ??= `${pointer}/${escapeSegment(key)}`;
    }
    return keys;
  });
  return { nodes, depth, ...(cycle === undefined ? {} : { cycle }) };
}

/** The assessment guards' issues, under FHIR codes. */
function recode(issue: Issue): Issue {
  const code = issue.code === "assessment/forbidden-key" ? codes.forbiddenKey : codes.notPlainData;
  return { ...issue, code };
}

function describe(input: unknown): string {
  if (isPlainObject(input)) {
    const type = (input as Record<string, unknown>)["resourceType"];
    return typeof type === "string" ? `resourceType "${type}"` : "an object without resourceType";
  }
  return input === null
    ? "null"
    : Array.isArray(input)
      ? "a list"
      : typeof input === "object"
        ? "a non-plain object"
        : `a ${typeof input}`;
}
