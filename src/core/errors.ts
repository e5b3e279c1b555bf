/**
 * Problems are data: every check collects `Issue`s; a throwing API wraps all of them in one
 * `BackplanError` subclass. `name` and `code` are stable so callers can branch on them, and
 * `isBackplanError` works across realms (iframes, workers) where `instanceof` does not.
 */
import { pointerSegments } from "./pointer.js";

/** Where in a rule file an issue sits (1-based line and column). */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

export type Severity = "error" | "warning";

/** One parameter of an issue: plain JSON data (text, numbers, booleans, lists of them). */
export type IssueParam = string | number | boolean | readonly IssueParam[];

/**
 * What an issue is about, as data: the fact, the value found, the limit… The message is rendered
 * from these, so an editor, a CDS card or JSON output can say the same thing its own way.
 */
export type IssueParams = Readonly<Record<string, IssueParam>>;

export interface Issue {
  /** Stable machine-readable code, e.g. `assessment/out-of-range`, `rules/unknown-fact`. */
  code: string;
  /** JSON Pointer into the document the issue is about ("" = the whole document). */
  path: string;
  message: string;
  severity: Severity;
  /** Set for rule-pack issues: the file and position the pointer resolves to. */
  source?: SourcePosition;
  /** What the author can do about it, when there is more to say than the message: `remove one of them`. */
  hint?: string;
  /** The data the message was rendered from (its names are the problem type's, see load/messages.ts). */
  params?: IssueParams;
}

/** `file:line:col: severity: message` for rule issues, `path: message` otherwise. */
export function formatIssue(issue: Issue): string {
  if (issue.source) {
    const { file, line, column } = issue.source;
    return printable(`${printable(file, MAX_NAME)}:${line}:${column}: ${issue.severity}: ${issue.message}`, MAX_LINE);
  }
  const message = printable(issue.message, MAX_LINE);
  return issue.path === "" ? message : `${printable(pointerToDotted(issue.path), MAX_NAME)}: ${message}`;
}

/** The longest field path or file name an issue line shows, and the longest message. */
const MAX_NAME = 120;
const MAX_LINE = 1000;

/**
 * Text safe to print in a terminal, a log or a card: control characters (ESC, BEL, CR…) and the
 * bidirectional overrides that can make a line read differently than it is (U+202A–202E,
 * U+2066–2069) become `\u{…}` escapes, and text longer than `max` is cut with `…` and how much was
 * left out. Input reaches messages as field names and values, so nothing a caller sends can move
 * a cursor or forge a line.
 *
 * @example printable("a\u001b[2Jb", 80); // "a\\u{1b}[2Jb"
 */
export function printable(text: string, max: number): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  const escaped = text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    return `\\u{${c.charCodeAt(0).toString(16)}}`;
  });
  if (escaped.length <= max) return escaped;
  return `${escaped.slice(0, max)}… (${escaped.length - max} more characters)`;
}

/** `/questionnaires/phq9/total` → `questionnaires.phq9.total`; `/a/items/3` → `a.items[3]`. */
export function pointerToDotted(pointer: string): string {
  return pointerSegments(pointer).reduce(
    (acc, seg) => (/^\d+$/.test(seg) ? `${acc}[${seg}]` : acc === "" ? seg : `${acc}.${seg}`),
    "",
  );
}

const BRAND = Symbol.for("backplan.error");

export type BackplanErrorCode = "ASSESSMENT_INVALID" | "RULESET_INVALID" | "PROFILE_UNKNOWN";

/** Base class of every error backplan throws on purpose. */
export class BackplanError extends Error {
  override readonly name: string = "BackplanError";
  readonly code: BackplanErrorCode;
  readonly issues: readonly Issue[];

  constructor(code: BackplanErrorCode, summary: string, issues: readonly Issue[]) {
    super(issues.length === 0 ? summary : `${summary}\n${issues.map(formatIssue).join("\n")}`);
    this.code = code;
    this.issues = issues;
    Object.defineProperty(this, BRAND, { value: true });
  }
}

/** The assessment failed validation; `issues` lists every problem, not only the first. */
export class AssessmentError extends BackplanError {
  override readonly name = "AssessmentError";
  constructor(issues: readonly Issue[]) {
    super("ASSESSMENT_INVALID", `invalid assessment: ${countOf(issues)}`, issues);
  }
}

/** The rule pack failed to compile; each issue carries `file:line:col`. */
export class RulesetError extends BackplanError {
  override readonly name = "RulesetError";
  constructor(issues: readonly Issue[]) {
    super("RULESET_INVALID", `invalid rule pack: ${countOf(issues)}`, issues);
  }
}

function countOf(issues: readonly Issue[]): string {
  const errors = issues.filter((i) => i.severity === "error").length;
  return `${errors} error${errors === 1 ? "" : "s"}`;
}

/** True for any backplan error, even one created in another realm. */
export function isBackplanError(value: unknown): value is BackplanError {
  return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
}

/** The result of a `safeX` function: issues instead of a throw. */
export type Result<T> = { ok: true; value: T; warnings: readonly Issue[] } | { ok: false; issues: readonly Issue[] };
