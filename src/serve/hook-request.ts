import type { Issue, Result } from "../core/errors.js";

/** The parts of a CDS Hooks 2.0 request backplan reads (the `patient-view` context). */
export interface HookRequest {
  readonly hook: string;
  readonly hookInstance: string;
  readonly context: { readonly patientId: string; readonly userId?: string; readonly encounterId?: string };
  /** Absent when the client sent none; each key as sent (`null` = searched, nothing found). */
  readonly prefetch: Readonly<Record<string, unknown>>;
}

type Json = Readonly<Record<string, unknown>>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function problem(path: string, message: string): Issue {
  return { code: "cds/bad-request", path, severity: "error", message };
}

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  return value === null ? "null" : Array.isArray(value) ? "an array" : typeof value;
}

/** The string fields a request must (or may) carry, checked alike. */
const stringFields: readonly { readonly path: readonly string[]; readonly required: boolean }[] = [
  { path: ["hook"], required: true },
  { path: ["hookInstance"], required: true },
  { path: ["context", "patientId"], required: true },
  { path: ["context", "userId"], required: false },
  { path: ["context", "encounterId"], required: false },
];

/**
 * The request body as a `HookRequest`, or every problem: what, where (a JSON Pointer), expected,
 * found. `hook` must be the service's hook.
 */
export function parseHookRequest(body: unknown, hook: string): Result<HookRequest> {
  if (!isObject(body))
    return { ok: false, issues: [problem("", `the request must be a JSON object; found ${describe(body)}`)] };
  const issues: Issue[] = [];
  if (!isObject(body["context"]))
    issues.push(problem("/context", `"context" must be an object; found ${describe(body["context"])}`));
  for (const { path, required } of stringFields) {
    const value = path.reduce<unknown>((at, key) => (isObject(at) ? at[key] : undefined), body);
    if (value === undefined && !required) continue;
    if (typeof value !== "string" || value === "")
      issues.push(
        problem(`/${path.join("/")}`, `"${path.join(".")}" must be a non-empty string; found ${describe(value)}`),
      );
  }
  if (typeof body["hook"] === "string" && body["hook"] !== hook)
    issues.push(problem("/hook", `"hook" must be "${hook}" for this service; found "${body["hook"]}"`));
  const prefetch = body["prefetch"];
  if (prefetch !== undefined && !isObject(prefetch))
    issues.push(problem("/prefetch", `"prefetch" must be an object; found ${describe(prefetch)}`));
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    value: { ...(body as unknown as HookRequest), prefetch: isObject(prefetch) ? prefetch : {} },
    warnings: [],
  };
}
