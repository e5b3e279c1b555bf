import type { Issue } from "../errors.js";
import { issue, packWide } from "../ruleset/issue.js";
import { byteSize, LIMITS } from "../ruleset/limits.js";
import { packTooLarge } from "../ruleset/messages.js";
import { tooDeep } from "./messages.js";

/** As deep as a YAML pack may nest (parse/to-plain.ts): the validators and compiler recurse. */
export const MAX_DEPTH = 100;

/**
 * Issues with pack.json's size or depth, checked on its JSON text before any validation, so a
 * pack fetched from elsewhere cannot exhaust memory or the stack: the YAML pack's limits.
 */
export function packJsonLimitIssues(text: string): Issue[] {
  const bytes = byteSize(text, LIMITS.packBytes);
  if (bytes > LIMITS.packBytes) return [issue(packTooLarge, packWide, bytes, LIMITS.packBytes)];
  return nestingDepth(text) > MAX_DEPTH ? [issue(tooDeep, packWide, MAX_DEPTH)] : [];
}

/** How deep the JSON text nests, counting brackets outside strings: no recursion, one pass. */
function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "{" || c === "[") deepest = Math.max(deepest, ++depth);
    else if (c === "}" || c === "]") depth--;
  }
  return deepest;
}
