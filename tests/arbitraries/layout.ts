/**
 * The same YAML data in a random layout, as an author might type it: keys in any order, flow or
 * block collections, any scalar style, blank lines, comments anywhere, any indentation and line
 * width. What the text says never changes (the `yaml` package writes it), only how it looks.
 * Choices come from a list of numbers that shrinks towards 0, "change nothing", so a failure
 * shrinks to the fewest changes that still show it.
 */
import fc from "fast-check";
import { isAlias, isNode, isScalar, parseDocument, Scalar, visit, type Node, type YAMLMap, type YAMLSeq } from "yaml";

const STYLES = [
  undefined,
  Scalar.PLAIN,
  Scalar.QUOTE_DOUBLE,
  Scalar.QUOTE_SINGLE,
  Scalar.BLOCK_FOLDED,
  Scalar.BLOCK_LITERAL,
] as const;
const LINE_WIDTHS = [0, 60, 80, 100, 140] as const;

/** `text` rewritten in a random layout holding the same data (and every comment it had). */
export function messyLayout(text: string): fc.Arbitrary<string> {
  return fc.array(fc.nat({ max: 719 }), { minLength: 1, maxLength: 64 }).map((choices) => {
    let next = 0;
    // Each choice is drawn modulo a small count; 0 keeps what was written.
    const pick = (count: number): number => (choices[next++ % choices.length] ?? 0) % count;
    let comments = 0;
    const comment = (): string => ` note ${++comments}`;
    const doc = parseDocument(text, { resolveKnownTags: false, uniqueKeys: false });
    const anchored = hasAnchors(doc.contents);
    visit(doc, {
      Map(_key, map) {
        if (!anchored && pick(3) === 1) shuffle(map.items, pick);
        restyle(map, pick, comment);
      },
      Pair(_key, pair) {
        if (isNode(pair.key)) decorate(pair.key, pick, comment);
        if (isScalar(pair.value)) restyleScalar(pair.value, pick, comment);
      },
      Seq(_key, seq) {
        restyle(seq, pick, comment);
        for (const item of seq.items) if (isScalar(item)) restyleScalar(item, pick, comment);
      },
    });
    return doc.toString({
      indent: 2 + pick(3),
      indentSeq: pick(2) === 0,
      lineWidth: LINE_WIDTHS[pick(LINE_WIDTHS.length)] ?? 0,
    });
  });
}

function restyle(collection: YAMLMap | YAMLSeq, pick: (count: number) => number, comment: () => string): void {
  const style = pick(3);
  if (style !== 0) collection.flow = style === 1;
  if (pick(8) === 1) collection.comment = comment();
  for (const item of collection.items) {
    if (!isNode(item)) continue;
    if (pick(6) === 1) item.spaceBefore = true;
    if (pick(8) === 1) item.commentBefore = comment();
  }
}

/** Keys keep their style: the package writes a block-styled key as a `? >-` complex key. */
function restyleScalar(scalar: Scalar, pick: (count: number) => number, comment: () => string): void {
  const style = STYLES[pick(STYLES.length)];
  if (typeof scalar.value === "string" && style !== undefined) scalar.type = style;
  if (pick(8) === 1) scalar.comment = comment();
}

function decorate(key: Node, pick: (count: number) => number, comment: () => string): void {
  if (pick(4) === 1) key.spaceBefore = true;
  if (pick(6) === 1) key.commentBefore = key.commentBefore == null ? comment() : `${key.commentBefore}\n${comment()}`;
}

/** Fisher–Yates with the given choices. */
function shuffle(items: unknown[], pick: (count: number) => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = pick(i + 1);
    [items[i], items[j]] = [items[j], items[i]];
  }
}

function hasAnchors(root: unknown): boolean {
  let found = false;
  if (isNode(root)) {
    visit(root, (_key, node) => {
      if (isAlias(node) || (isNode(node) && node.anchor !== undefined)) {
        found = true;
        return visit.BREAK;
      }
      return undefined;
    });
  }
  return found;
}
