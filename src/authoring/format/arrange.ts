import { isCollection, isMap, isScalar, isSeq, type YAMLMap, type YAMLSeq } from "yaml";
import { effectiveSchema } from "../../core/load/validate/branches.js";
import { resolveRefs, type SchemaNode } from "../../core/load/validate/schema-documents.js";
import { commentAboveItem, commentOnFirstKey, gatherClosingComments } from "./comments.js";
import { orderPairs } from "./key-order.js";
import { isFlowLayout } from "./layout.js";

/** Where a collection sits: a comment above it is written differently in each place. */
export type Role = "root" | "item" | "value";

/** A collection `FLOW_LAYOUTS` wants on one line, and where it sits. */
export interface FlowCandidate {
  readonly node: YAMLMap | YAMLSeq;
  readonly role: Role;
}

/**
 * Orders every map under `node`, depth first, by the schema that applies to it (`undefined`:
 * none), moving comments with what they describe, and returns the collections `FLOW_LAYOUTS`
 * names, for the caller to put on one line once every comment has settled.
 * `anchored: false` says the document has no anchors, so pairs move freely.
 */
export function arrange(node: unknown, schema: SchemaNode | undefined, anchored: boolean): FlowCandidate[] {
  const candidates: FlowCandidate[] = [];
  const visit = (current: unknown, at: SchemaNode | undefined, role: Role, flow: boolean): void => {
    if (!isCollection(current)) return;
    const applies = at === undefined ? undefined : effectiveSchema(at, shapeOf(current));
    if (isSeq(current)) {
      const items = applies?.schema.items;
      const itemSchema = applies === undefined || items === undefined ? undefined : child(applies, items);
      for (const item of current.items) visit(item, itemSchema, "item", false);
    } else if (isMap(current)) {
      const properties = applies?.schema.properties ?? {};
      if (role === "value") commentOnFirstKey(current);
      orderPairs(current, Object.keys(properties), { anchored });
      if (role === "item") commentAboveItem(current);
      const title = applies?.schema.title;
      for (const pair of current.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        const declared = key === undefined || !Object.hasOwn(properties, key) ? undefined : properties[key];
        const next = declared === undefined || applies === undefined ? undefined : child(applies, declared);
        visit(pair.value, next, "value", key !== undefined && isFlowLayout(title, key));
      }
    }
    if (flow || isFlowLayout(applies?.schema.title)) candidates.push({ node: current, role });
    gatherClosingComments(current);
  };
  visit(node, schema, "root", false);
  return candidates;
}

function child(parent: SchemaNode, schema: SchemaNode["schema"]): SchemaNode {
  return resolveRefs({ schema, document: parent.document });
}

/** What picks a schema's `oneOf` branch: a map's keys, or a value's type. */
function shapeOf(node: unknown): unknown {
  if (isMap(node)) {
    return Object.fromEntries(node.items.map((pair) => [isScalar(pair.key) ? String(pair.key.value) : "", null]));
  }
  return isSeq(node) ? [] : undefined;
}
