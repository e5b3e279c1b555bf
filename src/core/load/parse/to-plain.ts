import { isAlias, isMap, isScalar, isSeq, visit, type Alias, type Document, type Node } from "yaml";
import { pointerToDotted, type Issue } from "../../errors.js";
import { issue, type Place } from "../issue.js";
import { aliasLimit, complexKey, duplicateKey, forbiddenKey, tooDeep, unresolvedAlias } from "../messages.js";
import { childPointer } from "../../pointer.js";
import type { Span } from "./source-file.js";

/** Keys that reach `Object.prototype` through a careless assignment: never data in a rule pack. */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/** Nodes that aliases may produce per file: far above any pack's needs, far below a "billion laughs". */
export const MAX_ALIAS_EXPANSION = 10_000;

/** Nesting deeper than any rule needs; stops a crafted file before it exhausts the stack. */
export const MAX_DEPTH = 100;

export interface PlainDocument {
  readonly data: unknown;
  /** Where each node is written, by JSON Pointer. */
  readonly spans: ReadonlyMap<string, Span>;
  readonly issues: readonly Issue[];
}

/**
 * Turns a parsed YAML document into plain data, in one walk that also records every node's
 * position and rejects what a rule pack must never hold: `__proto__`/`constructor`/`prototype`
 * keys (never written: the walk skips them, and values are defined, not assigned), duplicate or
 * non-text keys, aliases to nothing, and aliases that expand past `MAX_ALIAS_EXPANSION` nodes.
 */
export function toPlain(
  doc: Document.Parsed,
  placeAt: (offset: number, pointer: string) => Place,
  lineOf: (offset: number) => number,
): PlainDocument {
  const spans = new Map<string, Span>();
  const issues: Issue[] = [];
  let expanded = 0;
  let outerAlias: { readonly node: Alias; readonly pointer: string } | undefined;
  let stopped = false;
  const resolve = anchorResolver(doc);

  // Problems inside an alias's expansion were already reported where its anchor is written.
  const report = (found: Issue): void => {
    if (outerAlias === undefined) issues.push(found);
  };

  function convert(node: unknown, pointer: string, depth: number, keyStart?: number): unknown {
    if (stopped) return null;
    const range = (node as Node | null)?.range;
    if (!spans.has(pointer)) {
      const start = range?.[0] ?? keyStart ?? 0;
      spans.set(pointer, { start, end: range?.[1] ?? start, ...(keyStart === undefined ? {} : { key: keyStart }) });
    }
    if (outerAlias !== undefined && ++expanded > MAX_ALIAS_EXPANSION) {
      stopped = true;
      issues.push(
        issue(aliasLimit, placeAt(outerAlias.node.range?.[0] ?? 0, outerAlias.pointer), {
          alias: outerAlias.node.source,
          limit: MAX_ALIAS_EXPANSION,
        }),
      );
      return null;
    }
    if (depth > MAX_DEPTH) {
      stopped = true;
      issues.push(issue(tooDeep, placeAt(range?.[0] ?? 0, pointer), { limit: MAX_DEPTH }));
      return null;
    }
    if (isAlias(node)) return expand(node, pointer, depth);
    if (isScalar(node)) return scalarValue(node.value);
    if (isSeq(node)) return node.items.map((item, i) => convert(item, childPointer(pointer, i), depth + 1));
    if (isMap(node)) return mapping(node.items, pointer, depth);
    return null;
  }

  function expand(alias: Alias, pointer: string, depth: number): unknown {
    const target = resolve(alias);
    if (target === undefined) {
      report(issue(unresolvedAlias, placeAt(alias.range?.[0] ?? 0, pointer), { alias: alias.source }));
      return null;
    }
    const isOuter = outerAlias === undefined;
    if (isOuter) outerAlias = { node: alias, pointer };
    const value = convert(target, pointer, depth);
    if (isOuter) outerAlias = undefined;
    return value;
  }

  function mapping(
    pairs: ReadonlyArray<{ key: unknown; value: unknown }>,
    pointer: string,
    depth: number,
  ): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    const firstAt = new Map<string, number>();
    for (const pair of pairs) {
      const keyNode = pair.key as Node | null;
      const keyStart = keyNode?.range?.[0] ?? (pair.value as Node | null)?.range?.[0] ?? 0;
      const key = keyNode === null ? "" : isScalar(keyNode) ? String(keyNode.value) : undefined;
      const at = (): Place => placeAt(keyStart, pointer);
      if (key === undefined) report(issue(complexKey, at()));
      else if (FORBIDDEN_KEYS.has(key)) report(issue(forbiddenKey, at(), { key, where: pointerToDotted(pointer) }));
      else if (firstAt.has(key)) report(issue(duplicateKey, at(), { key, firstLine: lineOf(firstAt.get(key) ?? 0) }));
      else {
        firstAt.set(key, keyStart);
        const value = convert(pair.value, childPointer(pointer, key), depth + 1, keyStart);
        Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
      }
    }
    return result;
  }

  const data = convert(doc.contents, "", 0);
  return { data, spans, issues };
}

/** JSON-like scalars only: anything a custom tag produced becomes its text. */
function scalarValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "function" || typeof value === "symbol") return typeof value;
  return JSON.stringify(value);
}

/**
 * Finds an alias's anchor: the latest definition of that name before the alias, as YAML says.
 * `Alias.resolve` walks the whole document for each alias, which made a scenario file with a
 * few hundred aliases take seconds; one walk up front makes each lookup cheap.
 */
function anchorResolver(doc: Document.Parsed): (alias: Alias) => Node | undefined {
  const anchors = new Map<string, { start: number; node: Node }[]>();
  visit(doc, (_key, node) => {
    if (!(isScalar(node) || isMap(node) || isSeq(node)) || node.anchor === undefined) return;
    const list = anchors.get(node.anchor) ?? [];
    list.push({ start: node.range?.[0] ?? 0, node });
    anchors.set(node.anchor, list);
  });
  return (alias) => {
    const at = alias.range?.[0] ?? 0;
    let found: Node | undefined;
    for (const anchor of anchors.get(alias.source) ?? []) if (anchor.start < at) found = anchor.node;
    return found;
  };
}
