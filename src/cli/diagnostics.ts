import { formatIssue, type Issue } from "../core/errors.js";

/**
 * Rule-pack issues, one line each, sorted by file, line and column (issues about the whole
 * folder first): `rules/psych.yaml:14:9: error: …`, or `error: …` without a position. An issue
 * with a hint is followed by it on a line of its own, indented: `  hint: …`.
 */
export function ruleIssueLines(issues: readonly Issue[]): string[] {
  return [...issues].sort(byPosition).flatMap((issue) => {
    const line = issue.source ? formatIssue(issue) : `${issue.severity}: ${formatIssue(issue)}`;
    return issue.hint === undefined ? [line] : [line, `  hint: ${issue.hint}`];
  });
}

/**
 * An assessment issue on one line, prefixed by the file's name unless it already names it
 * (syntax errors carry `file:line:col`): `examples/x.json: questionnaires.phq9.total: …`.
 */
export function assessmentIssueLine(name: string, issue: Issue): string {
  return issue.source ? formatIssue(issue) : `${name}: ${formatIssue(issue)}`;
}

/** `2 errors, 1 warning`. */
export function issueCounts(issues: readonly Issue[]): string {
  const errors = issues.filter((issue) => issue.severity === "error").length;
  const warnings = issues.length - errors;
  return `${plural(errors, "error")}, ${plural(warnings, "warning")}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

function byPosition(a: Issue, b: Issue): number {
  const [fa, fb] = [a.source?.file ?? "", b.source?.file ?? ""];
  if (fa !== fb) return fa < fb ? -1 : 1;
  const byLine = (a.source?.line ?? 0) - (b.source?.line ?? 0);
  const byColumn = (a.source?.column ?? 0) - (b.source?.column ?? 0);
  return byLine || byColumn || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
}
