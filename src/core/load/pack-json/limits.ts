import type { Issue } from "../../errors.js";
import { issue, packWide } from "../issue.js";
import { byteSize, LIMITS } from "../limits.js";
import { packTooLarge } from "../messages.js";
import { tooDeep } from "./messages.js";

/** As deep as a YAML pack may nest (parse/to-plain.ts): the validators and compiler recurse. */
const MAX_DEPTH = 100;

/**
 * Issues with pack.json's size or depth, checked on its JSON text before any validation, so a
 * pack fetched from elsewhere cannot exhaust memory or the stack: the YAML pack's limits.
 */
export function packJsonLimitIssues(text: string): Issue[] {
  // A UTF-16 unit is at most 3 UTF-8 bytes (a surrogate pair, 2 units, is 4), so a text this
  // short is within the limit without counting its bytes one by one.
  const bytes = text.length * 3 <= LIMITS.packBytes ? 0 : byteSize(text, LIMITS.packBytes);
  if (bytes > LIMITS.packBytes) return [issue(packTooLarge, packWide, { bytes, limit: LIMITS.packBytes })];
  return nestingDepth(text) > MAX_DEPTH ? [issue(tooDeep, packWide, { limit: MAX_DEPTH })] : [];
}

const [QUOTE, BACKSLASH] = [0x22, 0x5c];
const [BRACE, BRACKET, CLOSING_BRACE, CLOSING_BRACKET] = [0x7b, 0x5b, 0x7d, 0x5d];

/**
 * How deep the JSON text nests, counting brackets outside strings: no recursion, one pass. A
 * string is skipped to its closing quote with `indexOf`, not unit by unit: most of a pack is text.
 */
function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) i = closingQuote(text, i);
    else if (c === BRACE || c === BRACKET) deepest = Math.max(deepest, ++depth);
    else if (c === CLOSING_BRACE || c === CLOSING_BRACKET) depth--;
  }
  return deepest;
}

/** Where the string opened at `open` ends: the next quote not escaped (after an even run of backslashes). */
function closingQuote(text: string, open: number): number {
  let at = text.indexOf('"', open + 1);
  while (at !== -1 && escaped(text, at)) at = text.indexOf('"', at + 1);
  return at === -1 ? text.length : at;
}

function escaped(text: string, at: number): boolean {
  let backslashes = 0;
  while (text.charCodeAt(at - 1 - backslashes) === BACKSLASH) backslashes++;
  return backslashes % 2 === 1;
}
