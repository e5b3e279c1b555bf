import { childPointer, pointerSegments } from "../../pointer.js";
import { branchesOf } from "./branches.js";
import { schemaAt } from "./schema-at.js";
import { resolveRefs, type SchemaNode } from "./schema-documents.js";

/** Where an unknown key belongs, when it is a known key one level off (a forgotten `then:`). */
export interface Placement {
  /** `under`: a key of the mapping `parent` holds; `item`: of each item of the list `parent`; `out`: beside `parent`. */
  readonly where: "under" | "item" | "out";
  /** The key it belongs under, or (for `out`) the key it was written under by mistake. */
  readonly parent: string;
}

/**
 * Where `key`, unknown at `pointer`, belongs: under one of the keys the mapping declares (`add`
 * written beside `when` belongs under `then`), or one level out (`evidence` written inside
 * `then` belongs beside it). `undefined` when it is no key of either level, or of several.
 */
export function placementOf(root: SchemaNode, data: unknown, pointer: string, key: string): Placement | undefined {
  const here = schemaAt(root, data, pointer);
  if (here === undefined) return undefined;
  const below = keysOf(here.node).flatMap((child): Placement[] => {
    const node = schemaAt(root, data, childPointer(pointer, child))?.node;
    if (node === undefined) return [];
    const items = resolveRefs(node).schema.items;
    if (items !== undefined && keysOf({ schema: items, document: node.document }).includes(key))
      return [{ where: "item", parent: child }];
    return keysOf(node).includes(key) ? [{ where: "under", parent: child }] : [];
  });
  if (below.length === 1) return below[0];
  if (below.length > 1) return undefined;
  // One level out: the nearest enclosing mapping, past a list index.
  const segments = pointerSegments(pointer);
  const last = segments.at(-1);
  if (last === undefined || /^\d+$/.test(last)) return undefined;
  const outer = segments.slice(0, -1).reduce((p, s) => childPointer(p, s), "");
  const node = schemaAt(root, data, outer)?.node;
  return node !== undefined && keysOf(node).includes(key) ? { where: "out", parent: last } : undefined;
}

/** The keys a mapping schema declares, over all its alternatives. */
function keysOf(node: SchemaNode): string[] {
  const resolved = resolveRefs(node);
  const own = Object.keys(resolved.schema.properties ?? {});
  return [...new Set([...own, ...(branchesOf(resolved) ?? []).flatMap(keysOf)])];
}
