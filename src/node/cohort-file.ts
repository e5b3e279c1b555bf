import { readFile, stat } from "node:fs/promises";
import { extname } from "node:path";
import { formatIssue, safeParseAssessment, type Assessment } from "../core/index.js";
import { fsProblem } from "./fs-problem.js";
import { parseJsonText, type Parsed } from "./json-text.js";
import { parseYamlText } from "./yaml-text.js";

/** A cohort file is read whole: 64 MiB holds about 60,000 assessments. */
const MAX_COHORT_BYTES = 64 * 1024 * 1024;
/** Past this many problem lines in a cohort file, the rest are counted. */
const MAX_PROBLEM_LINES = 50;

/**
 * The assessments of a cohort file (a JSON array, JSON lines or a YAML list), each validated; or
 * one line per problem, `name` naming the file: every assessment must be valid, as the impact of
 * an edit over a cohort with holes would be misread. At most 64 MiB; past 50 problem lines the
 * rest are counted.
 *
 * @example const read = await readCohortFile("/abs/cohort.jsonl", "cohort.jsonl"); if ("problems" in read) …
 */
export async function readCohortFile(
  path: string,
  name: string,
): Promise<{ assessments: Assessment[] } | { problems: string[] }> {
  let text: string;
  try {
    const { size } = await stat(path);
    if (size > MAX_COHORT_BYTES)
      return { problems: [`${name}: file is ${size} bytes; a cohort file may be at most 64 MiB`] };
    text = await readFile(path, "utf8");
  } catch (error) {
    return { problems: [`${name}: file ${fsProblem(error)}`] };
  }
  const lines = isJsonLines(name, text);
  const parsed = lines
    ? parseJsonLines(text, name)
    : isJsonList(name, text)
      ? parseJsonText(text, name)
      : parseYamlText(text, name);
  if (!parsed.ok) return { problems: parsed.issues.map(formatIssue) };
  if (!Array.isArray(parsed.value))
    return { problems: [`${name}: expected a list of assessments (a JSON array, JSON lines or a YAML list)`] };
  const entries: unknown[] = parsed.value;
  const where = (i: number) => (lines ? `${name}:${lineOf(text, i)}` : `${name}: assessment ${i + 1}`);
  // Each assessment is validated here, once: the planning trusts these (`validatedAlready`).
  const assessments: Assessment[] = [];
  const problems: string[] = [];
  let invalid = 0;
  for (const [i, entry] of entries.entries()) {
    const result = safeParseAssessment(entry);
    if (result.ok) assessments.push(result.value);
    else {
      invalid++;
      for (const issue of result.issues) problems.push(`${where(i)}: ${formatIssue(issue)}`);
    }
  }
  if (problems.length === 0) return { assessments };
  const shown = problems.slice(0, MAX_PROBLEM_LINES);
  const more = problems.length - shown.length;
  return {
    problems: [
      ...shown,
      ...(more > 0 ? [`… and ${more} more problems`] : []),
      `${name}: ${invalid} of ${entries.length} assessments are invalid; the impact needs every one valid`,
    ],
  };
}

/** `.jsonl` / `.ndjson`, or any file whose text starts with an object rather than a list. */
function isJsonLines(name: string, text: string): boolean {
  const extension = extname(name).toLowerCase();
  if (extension === ".jsonl" || extension === ".ndjson") return true;
  return extension !== ".json" && /^\s*\{/.test(text);
}

/** One assessment per non-blank line; a syntax error names its line. */
function parseJsonLines(text: string, name: string): Parsed {
  const value: unknown[] = [];
  for (const [i, line] of text.split("\n").entries()) {
    if (line.trim() === "") continue;
    const parsed = parseJsonText(line, name);
    if (!parsed.ok) {
      const issues = parsed.issues.map((issue) =>
        issue.source === undefined ? issue : { ...issue, source: { ...issue.source, line: i + 1 } },
      );
      return { ok: false, issues };
    }
    value.push(parsed.value);
  }
  return { ok: true, value };
}

/** Whether a list is a JSON array (else a YAML list). */
function isJsonList(name: string, text: string): boolean {
  return extname(name).toLowerCase() === ".json" || /^\s*\[/.test(text);
}

/** The line of the `index`-th non-blank line of JSON lines text, from 1. */
function lineOf(text: string, index: number): number {
  let seen = -1;
  for (const [i, line] of text.split("\n").entries()) {
    if (line.trim() !== "" && ++seen === index) return i + 1;
  }
  return 0;
}
