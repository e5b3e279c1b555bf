import type { Issue } from "../core/errors.js";

/** The parsed value, or the syntax error located at `name:line:col`. */
export type Parsed = { ok: true; value: unknown } | { ok: false; issues: Issue[] };

/**
 * Parses JSON. `JSON.parse` creates `__proto__` as an own key (no prototype is touched), which
 * the assessment schema then rejects as an unknown field.
 */
export function parseJsonText(text: string, name: string): Parsed {
  try {
    const value: unknown = JSON.parse(text);
    const duplicates = duplicateKeys(text, name);
    return duplicates.length === 0 ? { ok: true, value } : { ok: false, issues: duplicates };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const offset = errorOffset(text, message);
    const before = text.slice(0, offset);
    return {
      ok: false,
      issues: [
        {
          code: "assessment/syntax",
          path: "",
          severity: "error",
          message: `invalid JSON: ${describe(message)}`,
          source: { file: name, line: before.split("\n").length, column: offset - before.lastIndexOf("\n") },
        },
      ],
    };
  }
}

/** V8's message without the position and without the echo of the whole input. */
function describe(message: string): string {
  const core = message.replace(/, (\.\.\.)?".*" is not valid JSON$/s, "").replace(/ in JSON at position \d+.*$/s, "");
  return core.charAt(0).toLowerCase() + core.slice(1);
}

/**
 * Where the syntax error is. V8 gives the position for most errors but not for
 * "Unexpected token 'x', "…" is not valid JSON"; there, the shortest prefix of the text that
 * fails for a reason other than ending early ends just after the offending character.
 */
function errorOffset(text: string, message: string): number {
  const at = /at position (\d+)/.exec(message);
  if (at?.[1] !== undefined) return Number(at[1]);
  if (message.includes("end of JSON input")) return text.length;
  let low = 0;
  let high = text.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (failsBeforeEnd(text.slice(0, middle))) high = middle;
    else low = middle + 1;
  }
  return Math.max(0, low - 1);
}

function failsBeforeEnd(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return false;
  } catch (error) {
    const message = error instanceof Error ? error.message : "";
    const at = /at position (\d+)/.exec(message);
    if (at?.[1] !== undefined) return Number(at[1]) < prefix.length;
    return !message.includes("end of JSON input");
  }
}

/**
 * `JSON.parse` keeps the last of two equal keys without a word, so `"saddleAnaesthesia": true`
 * followed by `"saddleAnaesthesia": false` would silently read as "no". One pass over text that
 * `JSON.parse` has accepted finds them, in time and memory linear in the text (a parser building
 * a syntax tree, checking each key against the others of its object, took quadratic time and
 * hundreds of megabytes on a file of 65,000 keys).
 */
function duplicateKeys(text: string, name: string): Issue[] {
  const issues: Issue[] = [];
  // For each open container: the keys of an object (undefined for an array), and whether the next
  // string is a key.
  const open: { keys: Set<string> | undefined; expectKey: boolean }[] = [];
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (char === 0x7b /* { */) open.push({ keys: new Set(), expectKey: true });
    else if (char === 0x5b /* [ */) open.push({ keys: undefined, expectKey: false });
    else if (char === 0x7d /* } */ || char === 0x5d /* ] */) open.pop();
    else if (char === 0x2c /* , */) {
      const top = open[open.length - 1];
      if (top?.keys !== undefined) top.expectKey = true;
    } else if (char === 0x22 /* " */) {
      const end = stringEnd(text, i);
      const top = open[open.length - 1];
      if (top?.keys !== undefined && top.expectKey) {
        top.expectKey = false;
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        if (top.keys.has(key)) issues.push(duplicateIssue(text, i, key, name));
        else top.keys.add(key);
      }
      i = end;
    }
  }
  return issues;
}

/** The index of the quote closing the string that opens at `start`. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (char === 0x5c /* \ */) i++;
    else if (char === 0x22 /* " */) return i;
  }
  return text.length - 1;
}

function duplicateIssue(text: string, at: number, key: string, name: string): Issue {
  const before = text.slice(0, at);
  const line = before.split("\n").length;
  return {
    code: "assessment/duplicate-key",
    path: "",
    severity: "error",
    message: `invalid JSON: ${JSON.stringify(key)} appears twice in one object; which answer is meant?`,
    source: { file: name, line, column: at - before.lastIndexOf("\n") },
  };
}
