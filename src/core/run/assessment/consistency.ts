import type { Issue } from "../../errors.js";
import type { Assessment } from "../../generated/types.js";
import { calendarDate } from "./checks/calendar-date.js";
import { lumbarSurgery } from "./checks/lumbar-surgery.js";
import { majorTrauma } from "./checks/major-trauma.js";
import { pregnancy } from "./checks/pregnancy.js";
import { weeksOffWork } from "./checks/weeks-off-work.js";
import { instruments } from "./instruments/index.js";
import type { ConsistencyCheck } from "./instruments/types.js";

/** Every cross-field check: the fields' own, then each instrument's. */
const consistencyChecks: readonly ConsistencyCheck[] = [
  calendarDate,
  pregnancy,
  lumbarSurgery,
  majorTrauma,
  weeksOffWork,
  ...instruments.flatMap((i) => i.checks),
];

/**
 * The issues of every check whose subtrees are free of schema issues: those subtrees are
 * schema-valid, so the check may trust their types even when the rest of the input is not.
 */
export function consistencyIssues(assessment: Assessment, schemaIssues: readonly Issue[]): Issue[] {
  const issues: Issue[] = [];
  for (const { reads, check } of consistencyChecks) {
    if (schemaIssues.length > 0 && schemaIssues.some((found) => reads.some((pointer) => overlaps(found.path, pointer))))
      continue;
    const found = check(assessment);
    // Checks mostly pass, returning the shared frozen empty list: Node 20's V8 is slow to iterate
    // frozen arrays, so the common case skips it (valid input is the hot path).
    if (found.length > 0) issues.push(...found);
  }
  return issues;
}

/** Whether one pointer is the other or lies inside it. */
function overlaps(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`);
}
