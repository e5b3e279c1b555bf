import { isAlias, isMap, isScalar, isSeq, visit, type Alias, type Document, type Node } from "yaml";
import { pointerToDotted, type Issue } from "../../errors.js";
import { issue, type Place } from "../issue.js";
import { aliasLimit, complexKey, duplicateKey, forbiddenKey, tooDeep, unresolvedAlias } from "../messages.js";
import { childPointer, escapeSegment } from "../../pointer.js";
import type { Span } from "./source-file.js";

/** Keys that reach `Object.prototype` through a careless assignment: never data in a rule pack. */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/** Nodes that aliases may produce per file: far above any pack's needs, far below a "billion laughs". */
export const MAX_ALIAS_EXPANSION = 10_000;

/** Nesting deeper than any rule needs; stops a crafted file before it exhausts the stack. */
export const MAX_DEPTH = 100;

export interface PlainDocument {
  readonly data: unknown;
  /**
   * Where the node at `pointer` is written, or `undefined` where no node is: found on demand by
   * walking the document along the pointer, as the conversion walked it (aliases through their
   * anchors), since most nodes' places are never asked for. Only for a document converted
   * without issues.
   */
  readonly span: (pointer: string) => Span | undefined;
  readonly issues: readonly Issue[];
}

/** Where a node sits while converting: its parent and its key, made into a pointer only for an issue. */
type Path = { readonly parent: Path; readonly key: string | number } | undefined;

function pointerOf(path: Path): string {
  return path === undefined ? "" : childPointer(pointerOf(path.parent), path.key);
}

/**
 * Turns a parsed YAML document into plain data, in one walk that rejects what a rule pack must
 * never hold: `__proto__`/`constructor`/`prototype` keys (never written: the walk skips them, and
 * values are defined, not assigned), duplicate or non-text keys, aliases to nothing, and aliases
 * that expand past `MAX_ALIAS_EXPANSION` nodes. Positions are found later, for the nodes asked
 * for (`span`).
 */
export function toPlain(
  doc: Document.Parsed,
  placeAt: (offset: number, pointer: string) => Place,
  lineOf: (offset: number) => number,
): PlainDocument {
  const issues: Issue[] = [];
  let expanded = 0;
  let outerAlias: { readonly node: Alias; readonly path: Path } | undefined;
  let stopped = false;
  const resolve = anchorResolver(doc);

  // Problems inside an alias's expansion were already reported where its anchor is written.
  const report = (found: Issue): void => {
    if (outerAlias === undefined) issues.push(found);
  };

  function convert(node: unknown, path: Path, depth: number): unknown {
    if (stopped) return null;
    if (outerAlias !== undefined && ++expanded > MAX_ALIAS_EXPANSION) {
      stopped = true;
      issues.push(
        issue(aliasLimit, placeAt(outerAlias.node.range?.[0] ?? 0, pointerOf(outerAlias.path)), {
          alias: outerAlias.node.source,
          limit: MAX_ALIAS_EXPANSION,
        }),
      );
      return null;
    }
    if (depth > MAX_DEPTH) {
      stopped = true;
      issues.push(
        issue(tooDeep, placeAt((node as Node | null)?.range?.[0] ?? 0, pointerOf(path)), { limit: MAX_DEPTH }),
      );
      return null;
    }
    if (isAlias(node)) return expand(node, path, depth);
    if (isScalar(node)) return scalarValue(node.value);
    if (isSeq(node)) return node.items.map((item, i) => child(item, path, i, depth + 1));
    if (isMap(node)) return mapping(node.items, path, depth);
    return null;
  }

  /** A collection's item: its path made only for what may hold items or report an issue (not a scalar). */
  function child(node: unknown, parent: Path, key: string | number, depth: number): unknown {
    return isScalar(node) && !stopped && outerAlias === undefined && depth <= MAX_DEPTH
      ? scalarValue(node.value)
      : convert(node, { parent, key }, depth);
  }

  function expand(alias: Alias, path: Path, depth: number): unknown {
    const target = resolve(alias);
    if (target === undefined) {
      report(issue(unresolvedAlias, placeAt(alias.range?.[0] ?? 0, pointerOf(path)), { alias: alias.source }));
      return null;
    }
    const isOuter = outerAlias === undefined;
    if (isOuter) outerAlias = { node: alias, path };
    const value = convert(target, path, depth);
    if (isOuter) outerAlias = undefined;
    return value;
  }

  function mapping(
    pairs: ReadonlyArray<{ key: unknown; value: unknown }>,
    path: Path,
    depth: number,
  ): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    const firstAt = new Map<string, number>();
    for (const pair of pairs) {
      const keyStart = keyStartOf(pair);
      const key = keyOf(pair);
      if (key === undefined) report(issue(complexKey, placeAt(keyStart, pointerOf(path))));
      else if (FORBIDDEN_KEYS.has(key))
        report(
          issue(forbiddenKey, placeAt(keyStart, pointerOf(path)), { key, where: pointerToDotted(pointerOf(path)) }),
        );
      else if (firstAt.has(key))
        report(
          issue(duplicateKey, placeAt(keyStart, pointerOf(path)), { key, firstLine: lineOf(firstAt.get(key) ?? 0) }),
        );
      else {
        firstAt.set(key, keyStart);
        const value = child(pair.value, path, key, depth + 1);
        Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
      }
    }
    return result;
  }

  const data = convert(doc.contents, undefined, 0);
  return { data, span: spanFinder(doc.contents, resolve), issues };
}

type Pair = { readonly key: unknown; readonly value: unknown };

/** A pair's key as data: its text, `""` for an empty key, `undefined` for a key that is not text. */
function keyOf(pair: Pair): string | undefined {
  const keyNode = pair.key as Node | null;
  return keyNode === null ? "" : isScalar(keyNode) ? String(keyNode.value) : undefined;
}

/** Where a pair's key is written (its value's start when the key is empty). */
function keyStartOf(pair: Pair): number {
  return (pair.key as Node | null)?.range?.[0] ?? (pair.value as Node | null)?.range?.[0] ?? 0;
}

/**
 * The spans of a converted document's nodes by pointer, each found by walking from the root as
 * `convert` went: a mapping's first pair of that key (not a forbidden one), a sequence's item by
 * its index, an alias's anchor for what lies under it (the alias itself is where it is written).
 * Segments are compared escaped, as `childPointer` wrote them, so a pointer names exactly the
 * node it named when every span was recorded during the conversion.
 */
function spanFinder(root: unknown, resolve: (alias: Alias) => Node | undefined): (pointer: string) => Span | undefined {
  return (pointer) => {
    let node = root;
    let keyStart: number | undefined;
    const segments = pointer === "" ? [] : pointer.slice(1).split("/");
    for (const segment of segments) {
      if (isAlias(node)) node = resolve(node);
      if (isSeq(node)) {
        const index = /^(0|[1-9]\d*)$/.test(segment) ? Number(segment) : -1;
        if (index < 0 || index >= node.items.length) return undefined;
        node = node.items[index];
        keyStart = undefined;
      } else if (isMap(node)) {
        const pair = (node.items as readonly Pair[]).find((p) => {
          const key = keyOf(p);
          return key !== undefined && !FORBIDDEN_KEYS.has(key) && escapeSegment(key) === segment;
        });
        if (pair === undefined) return undefined;
        node = pair.value;
        keyStart = keyStartOf(pair);
      } else return undefined;
    }
    const range = (node as Node | null)?.range;
    const start = range?.[0] ?? keyStart ?? 0;
    return { start, end: range?.[1] ?? start, ...(keyStart === undefined ? {} : { key: keyStart }) };
  };
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
 * few hundred aliases take seconds; one walk, at the first alias, makes each lookup cheap (a file
 * without aliases, as most rule files are, is never walked for anchors).
 */
function anchorResolver(doc: Document.Parsed): (alias: Alias) => Node | undefined {
  let anchors: Map<string, { start: number; node: Node }[]> | undefined;
  return (alias) => {
    anchors ??= anchorsOf(doc);
    const at = alias.range?.[0] ?? 0;
    let found: Node | undefined;
    for (const anchor of anchors.get(alias.source) ?? []) if (anchor.start < at) found = anchor.node;
    return found;
  };
}

function anchorsOf(doc: Document.Parsed): Map<string, { start: number; node: Node }[]> {
  const anchors = new Map<string, { start: number; node: Node }[]>();
  visit(doc, (_key, node) => {
    if (!(isScalar(node) || isMap(node) || isSeq(node)) || node.anchor === undefined) return;
    const list = anchors.get(node.anchor) ?? [];
    list.push({ start: node.range?.[0] ?? 0, node });
    anchors.set(node.anchor, list);
  });
  return anchors;
}
