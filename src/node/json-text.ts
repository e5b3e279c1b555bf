import type { Issue } from "../core/errors.js";

/** The parsed value, or the syntax error located at `name:line:col`. */
export type Parsed = { ok: true; value: unknown } | { ok: false; issues: Issue[] };

/**
 * Parses JSON. `JSON.parse` creates `__proto__` as an own key (no prototype is touched), which
 * the assessment schema then rejects as an unknown field.
 */
export function parseJsonText(text: string, name: string): Parsed {
  try {
    return { ok: true, value: JSON.parse(text) };
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
