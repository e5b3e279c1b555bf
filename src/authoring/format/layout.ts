/**
 * The canonical layout of a pack file, as data: what `backplan fmt` writes, whatever the author
 * typed. Everything not named here stays as written: a scalar's style (plain, quoted, `>-`, `|`),
 * a collection's flow or block style, comments and anchors.
 */

/** Columns a folded (`>-`) scalar is wrapped at, indentation included. */
export const LINE_WIDTH = 100;

/** Spaces per nesting level; a list under a key is indented by the same step. */
export const INDENT = 2;

/**
 * A collection always written in flow style on one line, `{ … }` or `[ … ]`, however long: named
 * by the `title` of the schema of the map that holds it and its key there, or (without `key`)
 * the map itself. One holding a comment stays as written: a comment cannot sit inside one line.
 */
export interface FlowLayout {
  readonly schema: string;
  readonly key?: string;
  /** Why, for the reader of this table. */
  readonly why: string;
}

const FLOW_LAYOUTS: readonly FlowLayout[] = [
  { schema: "FactCondition", why: "a fact, an operator and a value read as one clause of the rule's condition" },
  { schema: "Rule", key: "evidence", why: "a short list of evidence ids" },
];

/** Whether the value at `key` of a map whose schema is titled `holder` is always flow style. */
export function isFlowLayout(holder: string | undefined, key?: string): boolean {
  return FLOW_LAYOUTS.some((layout) => layout.schema === holder && layout.key === key);
}
