import { readFile, stat } from "node:fs/promises";
import { AssessmentError, type Issue } from "../core/errors.js";
import { fsProblem } from "./fs-problem.js";
import { parseJsonText } from "./json-text.js";
import { MAX_FILE_BYTES, MAX_FILE_SIZE_TEXT } from "./limits.js";
import { parseYamlText } from "./yaml-text.js";

/**
 * Parses an assessment's text: JSON when it starts with `{` or `[`, YAML otherwise (the file's
 * name does not matter, so stdin works too). Returns the value unvalidated: the engine validates
 * it. Throws an `AssessmentError` for text over 1 MiB, an empty text, or a syntax error, which
 * names `name:line:col`.
 *
 * @example engine.recommend(readAssessmentText('{"patient":{"age":40},"pain":{"durationWeeks":2}}', "inline"))
 */
export function readAssessmentText(text: string, name: string): unknown {
  const bytes = Buffer.byteLength(text, "utf8");
  if (bytes > MAX_FILE_BYTES) throw tooLarge(bytes);
  const content = text.replace(/^\uFEFF/, "");
  if (content.trim() === "") {
    throw new AssessmentError([fileIssue("assessment/empty", "file is empty: expected an assessment in JSON or YAML")]);
  }
  const parsed = /^\s*[[{]/.test(content) ? jsonOrFlowYaml(content, name) : parseYamlText(content, name);
  if (!parsed.ok) throw new AssessmentError(parsed.issues);
  return parsed.value;
}

/**
 * Text that starts like JSON is JSON, but a YAML flow mapping (`{patient: {age: 40}}`) starts the
 * same way: outside a `.json` file, when JSON fails and YAML succeeds, YAML is what was meant.
 */
function jsonOrFlowYaml(content: string, name: string): ReturnType<typeof parseJsonText> {
  const json = parseJsonText(content, name);
  if (json.ok || /\.json$/i.test(name)) return json;
  const yaml = parseYamlText(content, name);
  return yaml.ok ? yaml : json;
}

/**
 * Reads and parses an assessment file (see `readAssessmentText`); `name` is how messages refer
 * to it. A file over 1 MiB is refused before it is read.
 *
 * @example const assessment = await readAssessmentFile("examples/chronic-high-risk.yaml");
 */
export async function readAssessmentFile(path: string, name: string = path): Promise<unknown> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) {
      const what = info.isDirectory() ? "not a file but a folder" : "not a regular file";
      throw new AssessmentError([fileIssue("assessment/unreadable", what)]);
    }
    size = info.size;
  } catch (error) {
    if (error instanceof AssessmentError) throw error;
    throw new AssessmentError([fileIssue("assessment/unreadable", `file ${fsProblem(error)}`)]);
  }
  if (size > MAX_FILE_BYTES) throw tooLarge(size);
  return readAssessmentText(await readFile(path, "utf8"), name);
}

function tooLarge(bytes: number): AssessmentError {
  const message = `file is ${bytes} bytes; an assessment may be at most ${MAX_FILE_SIZE_TEXT}`;
  return new AssessmentError([fileIssue("assessment/too-large", message)]);
}

/** An issue about the file as a whole; the caller puts the file's name in front of it. */
function fileIssue(code: string, message: string): Issue {
  return { code, path: "", severity: "error", message };
}
