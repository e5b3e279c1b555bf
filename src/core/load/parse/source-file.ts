import type { SourcePosition } from "../../errors.js";
import type { Place } from "../issue.js";
import type { FileKind } from "../pack-layout.js";

/** A pack file parsed into plain data that still knows where each of its nodes was written. */
export interface SourceFile {
  readonly path: string;
  readonly kind: FileKind;
  /** Plain JSON-like data: objects, arrays, strings, numbers, booleans, null. */
  readonly data: unknown;
  /** Where the node at `pointer` is written (its key, with `"key"`), or its nearest ancestor. */
  place(pointer: string, at?: "key"): FilePlace;
  /** Where `needle` is written inside the scalar at `pointer` (e.g. a placeholder), else the scalar. */
  placeOfText(pointer: string, needle: string): FilePlace;
}

/** A place in a file: always with its `file:line:col`. */
export interface FilePlace extends Place {
  readonly source: SourcePosition;
}

/** Where a node's text starts and ends (offsets), and where its key starts. */
export interface Span {
  readonly start: number;
  readonly end: number;
  readonly key?: number;
}
