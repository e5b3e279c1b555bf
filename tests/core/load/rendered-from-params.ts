/** Checks that an issue's message is a view of its parameters (tests/core/load: issue-params, messages). */
import { expect } from "vitest";
import type { Issue, IssueParam } from "../../../src/core/errors.js";
import type { ProblemParams, ProblemType } from "../../../src/core/load/issue.js";
import * as messages from "../../../src/core/load/messages.js";
import * as packJsonMessages from "../../../src/core/load/pack-json/messages.js";
import * as formatMessages from "../../../src/authoring/format/messages.js";

/** Every problem type, by code: some codes have several (one per wording of the same problem). */
const byCode = new Map<string, ProblemType<ProblemParams>[]>();
const typesIn = (value: unknown): unknown[] =>
  typeof value !== "object" || value === null ? [] : "code" in value ? [value] : Object.values(value);
for (const table of [messages, packJsonMessages, formatMessages] as readonly Record<string, unknown>[]) {
  for (const type of Object.values(table).flatMap(typesIn) as ProblemType<ProblemParams>[])
    byCode.set(type.code, [...(byCode.get(type.code) ?? []), type]);
}

/** The type's message and hint from `params`, or nothing when they are another wording's params. */
function rendered(type: ProblemType<ProblemParams>, params: ProblemParams): object[] {
  try {
    return [{ message: type.message(params), hint: type.hint?.(params) }];
  } catch {
    return [];
  }
}

function isPlain(value: IssueParam): boolean {
  if (Array.isArray(value)) return value.every((item: IssueParam) => isPlain(item));
  return (
    typeof value === "string" || typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value))
  );
}

/** Params present and plain, and some problem type of the issue's code renders its message and hint from them. */
export function expectRenderedFromParams(issue: Issue): void {
  expect(issue.params, issue.code).toBeDefined();
  const params = issue.params ?? {};
  expect(Object.values(params).every(isPlain), `${issue.code}: ${JSON.stringify(params)}`).toBe(true);
  expect(JSON.parse(JSON.stringify(params))).toEqual(params);
  const renderings = (byCode.get(issue.code) ?? []).flatMap((type) => rendered(type, params));
  expect(renderings, issue.code).toContainEqual({ message: issue.message, hint: issue.hint });
}
