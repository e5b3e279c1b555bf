import { pointerSegments } from "../../pointer.js";
import { effectiveSchema } from "./branches.js";
import { resolveRefs, type SchemaNode } from "./schema-documents.js";

/** A schema node (references resolved, alternatives kept) and the value it applies to. */
export interface SchemaMatch {
  readonly node: SchemaNode;
  readonly value: unknown;
}

/**
 * The schema that applies at `pointer` in `data`, walking down from `root` and taking, at each
 * `oneOf`/`anyOf` on the way, the branch the data meant. `undefined` where the schema has no
 * place for the path (an unknown key, or no branch stands out).
 */
export function schemaAt(root: SchemaNode, data: unknown, pointer: string): SchemaMatch | undefined {
  let node = resolveRefs(root);
  let value = data;
  for (const segment of pointerSegments(pointer)) {
    const { schema, document } = effectiveSchema(node, value);
    const isList = Array.isArray(value);
    const child = isList ? schema.items : schema.properties?.[segment];
    if (child === undefined || typeof value !== "object" || value === null) return undefined;
    node = resolveRefs({ schema: child, document });
    value = isList ? (value as unknown[])[Number(segment)] : (value as Record<string, unknown>)[segment];
  }
  return { node, value };
}
