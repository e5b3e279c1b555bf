import { LineCounter, parseDocument } from "yaml";
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
 * followed by `"saddleAnaesthesia": false` would silently read as "no". JSON is YAML 1.2 flow
 * syntax, and the yaml parser reports each duplicate key with its position.
 */
function duplicateKeys(text: string, name: string): Issue[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, logLevel: "silent" });
  return doc.errors
    .filter((error) => error.code === "DUPLICATE_KEY")
    .map((error) => {
      const { line, col } = lineCounter.linePos(error.pos[0]);
      const key = /^"((?:[^"\\]|\\.)*)"/.exec(text.slice(error.pos[0]))?.[1] ?? "a key";
      return {
        code: "assessment/duplicate-key",
        path: "",
        severity: "error",
        message: `invalid JSON: "${key}" appears twice in one object; which answer is meant?`,
        source: { file: name, line, column: col },
      };
    });
}
