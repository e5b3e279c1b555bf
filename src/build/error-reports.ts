/**
 * Build step helper for generate.ts: each error ajv's standalone code reports is written out
 * inline, the error object with its message and the code that appends it, about 200 bytes each;
 * the assessment's and pack.json's validators hold 550 of them, a third of the browser bundle,
 * which a page parses and compiles before its first plan. This turns each into one call to
 * `reportError` (src/core/generated/ajv-runtime.ts), which renders the message from the params.
 *
 * A report at a fixed path whose schema path is that path's `properties` chain (most are) becomes
 * a `reportPropertyError` call, which builds both paths from the one written once.
 *
 * A report is rewritten only when evaluating both forms, with a stand-in for every variable they
 * read, gives the same error field for field, message included; any other is left as ajv wrote it.
 */
import { runInNewContext } from "node:vm";
import { reportError, reportPropertyError } from "../core/generated/ajv-runtime.js";
import type { ValidationErrorObject } from "../core/generated/validate-function.js";

/** One inline report: `const errN = {…};` then appended to `vErrors` (created when still null). */
const REPORT =
  /const (err\d+) = \{(instancePath(?::(.*?))?,schemaPath:("[^"\\]*"),keyword:("\w+"),params:(.*?),message:.*?)\};if\(vErrors === null\)\{vErrors = \[\1\];\}else \{vErrors\.push\(\1\);\}/g;

/** The code with its error reports as `reportError` calls, and how many it rewrote. */
export function reportedErrors(code: string): { code: string; rewritten: number } {
  let rewritten = 0;
  const patched = code.replace(
    REPORT,
    (
      written: string,
      _name,
      body: string,
      path: string | undefined,
      schemaPath: string,
      keyword: string,
      params: string,
    ) => {
      // ajv writes a fixed path under the validated value as `instancePath+"/pain/intensity"`.
      const fixed = /^instancePath(?:\+("[^"\\]*"))?$/.exec(path ?? "instancePath");
      const short = fixed && `instancePath, ${fixed[1] ?? '""'}, ${keyword}, ${params}`;
      if (short && sameError(body, short, reportPropertyError)) {
        rewritten++;
        return `vErrors = runtime.reportPropertyError(vErrors, ${short});`;
      }
      const args = `${path ?? "instancePath"}, ${schemaPath}, ${keyword}, ${params}`;
      if (!sameError(body, args, reportError)) return written;
      rewritten++;
      return `vErrors = runtime.reportError(vErrors, ${args});`;
    },
  );
  return { code: patched, rewritten };
}

/** A runtime helper that reports an error from four arguments. */
type Report = (
  errors: null,
  path: string,
  schemaPath: string,
  keyword: string,
  params: Record<string, unknown>,
) => ValidationErrorObject[];

/** Whether the object literal `{body}` and `report(null, args)` make the same error. */
function sameError(body: string, args: string, report: Report): boolean {
  const scope = standIns(`${body} ${args}`);
  try {
    const written: unknown = runInNewContext(`({${body}})`, scope);
    const [path, schemaPath, keyword, params] = runInNewContext(`[${args}]`, scope) as [
      string,
      string,
      string,
      Record<string, unknown>,
    ];
    const made = report(null, path, schemaPath, keyword, params)[0];
    return JSON.stringify(written) === JSON.stringify(made);
  } catch {
    return false;
  }
}

const LITERALS = new Set(["true", "false", "null", "undefined", "NaN", "Infinity"]);

/**
 * A stand-in for each variable the code reads (`instancePath`, `key0`, `i1`, `schema31`): it
 * shows as its own name in a string or in JSON, and so does any property read from it.
 */
function standIns(code: string): Record<string, unknown> {
  const names = code.replace(/"(?:[^"\\]|\\.)*"/g, '""').match(/(?<![\w$.])[A-Za-z_$][\w$]*/g) ?? [];
  return Object.fromEntries(names.filter((name) => !LITERALS.has(name)).map((name) => [name, standIn(name)]));
}

function standIn(name: string): unknown {
  const shown = `‹${name}›`;
  return new Proxy(
    {},
    {
      get: (_target, key) =>
        key === Symbol.toPrimitive || key === "toJSON" || key === "toString"
          ? () => shown
          : typeof key === "string"
            ? standIn(`${name}.${key}`)
            : undefined,
    },
  );
}
