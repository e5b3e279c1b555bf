import { isAlias, isCollection, isMap, isNode, isSeq, visit, type Document } from "yaml";
import { fileKinds, type FileKind } from "../../core/load/pack-layout.js";
import { schemaDocument } from "../../core/load/validate/schema-documents.js";
import { arrange, type FlowCandidate } from "./arrange.js";
import { gatherClosingDocumentComments, holdsComment, keepingHeader } from "./comments.js";

/**
 * Rewrites a parsed pack file in place into the canonical layout: keys in the order of its
 * schema's `properties`, the flow collections of `FLOW_LAYOUTS`, and one blank line between the
 * items of the file's list (`rules`, `components`, …), none elsewhere. Scalars are untouched,
 * comments move with what they describe; nothing is added or removed.
 */
export function canonicalize(doc: Document, kind: FileKind): void {
  let anchored = false;
  visit(doc, (_key, node) => {
    if (!isNode(node)) return;
    anchored ||= isAlias(node) || node.anchor !== undefined;
    node.spaceBefore = false;
    // A blank line after a closing comment is layout too: the package keeps it in the comment.
    if (node.comment != null) node.comment = node.comment.replace(/\n+$/, "");
    // A comment cannot sit inside one line: a flow collection holding one becomes a block.
    if (isCollection(node) && node.flow === true && node.items.some(holdsComment)) node.flow = false;
  });
  const definition = fileKinds[kind];
  let candidates: FlowCandidate[] = [];
  keepingHeader(doc.contents, () => {
    candidates = arrange(doc.contents, schemaDocument(definition.schema), anchored);
  });
  gatherClosingDocumentComments(doc);
  for (const candidate of candidates) toFlow(candidate);
  spaceItems(doc.contents, definition.collection.key);
}

/**
 * Flow style, unless a comment sits inside or after it (it could not stay on one line), or
 * between its key and it (it could only be written inside the braces).
 */
function toFlow({ node, role }: FlowCandidate): void {
  const commentAbove = role === "value" && node.commentBefore != null;
  if (!commentAbove && node.comment == null && !node.items.some(holdsComment)) node.flow = true;
}

/** One blank line before each item of the file's list but the first. */
function spaceItems(root: unknown, key: string): void {
  const list = isMap(root) ? root.get(key, true) : undefined;
  if (!isSeq(list) || list.flow === true) return;
  list.items.forEach((item, i) => {
    if (isNode(item)) item.spaceBefore = i > 0;
  });
}
