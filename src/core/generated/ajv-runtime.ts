/**
 * The runtime helpers ajv's standalone validators call (see src/build/generate.ts). ajv ships
 * them as CommonJS `exports.default`, which Node's ESM loader and bundlers import differently;
 * re-exporting them here gives one behaviour everywhere.
 */
import fastDeepEqual from "fast-deep-equal";

export const equal: (a: unknown, b: unknown) => boolean = fastDeepEqual;

/** A UTF-16 surrogate: only a text holding one has fewer code points than units. */
const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * String length in code points, as JSON Schema's minLength/maxLength count it. Most texts have no
 * surrogate, and then their length is the count; walking them code point by code point was a
 * tenth of a pack.json's first check in Chromium.
 */
export function ucs2length(text: string): number {
  if (!SURROGATE.test(text)) return text.length;
  let length = 0;
  for (const _codePoint of text) length++;
  return length;
}
