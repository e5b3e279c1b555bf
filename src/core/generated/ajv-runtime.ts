/**
 * The runtime helpers ajv's standalone validators call (see src/build/generate.ts). ajv ships
 * them as CommonJS `exports.default`, which Node's ESM loader and bundlers import differently;
 * re-exporting them here gives one behaviour everywhere.
 */
import fastDeepEqual from "fast-deep-equal";

export const equal: (a: unknown, b: unknown) => boolean = fastDeepEqual;

/** String length in code points, as JSON Schema's minLength/maxLength count it. */
export function ucs2length(text: string): number {
  let length = 0;
  for (const _codePoint of text) length++;
  return length;
}
