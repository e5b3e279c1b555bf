/**
 * Where comments go when pairs move. The `yaml` package hangs a comment on the node after it
 * (`commentBefore`) or on the one whose line or block it ends (`comment`), and a pair that moves
 * takes both along. The functions here handle the places where that node is not the one the
 * comment is about, or where a comment would not read back where it was written: formatting
 * twice must give the same text.
 */
import { isCollection, isMap, isNode, isPair, type Document, type Node, type YAMLMap, type YAMLSeq } from "yaml";

/**
 * The comment above a file's first key is the file's header (the schema modeline first): it
 * stays on top whichever key `change` puts first.
 */
export function keepingHeader(root: unknown, change: () => void): void {
  const firstKey = (): Node | undefined => {
    const key: unknown = isMap(root) ? root.items[0]?.key : undefined;
    return isNode(key) ? key : undefined;
  };
  const before = firstKey();
  const header = before?.commentBefore;
  if (before !== undefined) before.commentBefore = null;
  change();
  const after = firstKey();
  if (after !== undefined && header != null) after.commentBefore = joined(header, after.commentBefore);
}

/**
 * A comment between `key:` and a block map's first key is, to the package, "before the map";
 * it is written above, and about, that first key, so it is moved onto it, to go where it goes.
 */
export function commentOnFirstKey(map: YAMLMap): void {
  const first: unknown = map.items[0]?.key;
  if (map.flow === true || map.commentBefore == null || !isNode(first)) return;
  first.commentBefore = joined(map.commentBefore, first.commentBefore);
  map.commentBefore = null;
}

/**
 * A comment above a list item's first key reads back as one above the item (`- # c` is written
 * for it), so it is put there at once: the item and its comment stay together.
 */
export function commentAboveItem(map: YAMLMap): void {
  const first: unknown = map.items[0]?.key;
  if (!isNode(first) || first.commentBefore == null) return;
  map.commentBefore = map.commentBefore == null ? first.commentBefore : joined(map.commentBefore, first.commentBefore);
  first.commentBefore = null;
}

/**
 * Comments after the end of nested block collections read back as one comment, on the first
 * collection they follow, and when the next key or item has a comment above it, that one joins
 * them too: the package cannot tell them apart. So they are joined at once, on the comment above
 * the next key or item when there is one (where all of them read back), else on that first
 * collection. `collection` is done for each of its items but the last (its parent does that one).
 */
export function gatherClosingComments(collection: YAMLMap | YAMLSeq): void {
  collection.items.forEach((item, i) => {
    const next: unknown = collection.items[i + 1];
    if (next === undefined) return;
    const heading = isPair(next) ? next.key : next;
    gatherAt(isPair(item) ? item.value : item, isNode(heading) && heading.commentBefore != null ? heading : undefined);
  });
}

/**
 * Comments closing a file's last collections are written as the file's closing comment (after a
 * blank line, at the margin), the one place a comment at the end of a file reads back as itself.
 */
export function gatherClosingDocumentComments(doc: Document): void {
  const closing = closingCollections(doc.contents).filter((c) => c.comment != null);
  if (closing.length === 0) return;
  const text = closing.map((c) => c.comment).join("\n");
  for (const c of closing) c.comment = null;
  doc.comment = doc.comment == null ? text : `${text}\n${doc.comment}`;
}

function gatherAt(ended: unknown, heading: Node | undefined): void {
  const closing = closingCollections(ended).filter((c) => c.comment != null);
  const [first] = closing;
  if (first === undefined || (heading === undefined && closing.length === 1)) return;
  const text = closing.map((c) => c.comment).join("\n");
  for (const c of closing) c.comment = null;
  if (heading === undefined) first.comment = text;
  else heading.commentBefore = joined(text, heading.commentBefore);
}

/** The block collections that end where `node` ends, innermost first. */
function closingCollections(node: unknown): (YAMLMap | YAMLSeq)[] {
  if (!isCollection(node) || node.flow === true) return [];
  const last: unknown = node.items.at(-1);
  return [...closingCollections(isPair(last) ? last.value : last), node];
}

/** Whether a comment sits on `node` or anywhere inside it. */
export function holdsComment(node: unknown): boolean {
  if (isPair(node)) return holdsComment(node.key) || holdsComment(node.value);
  if (!isNode(node)) return false;
  return node.comment != null || node.commentBefore != null || (isCollection(node) && node.items.some(holdsComment));
}

function joined(first: string, second: string | null | undefined): string {
  return second == null ? first : `${first}\n${second}`;
}
