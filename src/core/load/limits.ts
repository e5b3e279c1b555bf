import type { Issue } from "../errors.js";
import { issue, packWide } from "./issue.js";
import { fileTooLarge, packTooLarge, tooManyFiles } from "./messages.js";
import type { RuleFileText } from "./types.js";

/**
 * Size limits, checked before any parsing, so a pack fetched from elsewhere cannot make the
 * core spend unbounded time or memory. Real packs are a few hundred kilobytes.
 */
export const LIMITS = {
  fileBytes: 1024 * 1024,
  packBytes: 10 * 1024 * 1024,
  files: 500,
} as const;

/** Issues with the pack as a whole; when there is one, nothing is read. */
export function packSizeIssues(files: readonly RuleFileText[]): Issue[] {
  if (files.length > LIMITS.files) return [issue(tooManyFiles, packWide, { count: files.length, limit: LIMITS.files })];
  const bytes = files.reduce((sum, file) => sum + byteSize(file.text, LIMITS.packBytes), 0);
  return bytes > LIMITS.packBytes ? [issue(packTooLarge, packWide, { bytes, limit: LIMITS.packBytes })] : [];
}

/** An issue when one file is over the limit: it is then not parsed. */
export function fileSizeIssue(file: RuleFileText): Issue | undefined {
  const bytes = byteSize(file.text, LIMITS.fileBytes);
  if (bytes <= LIMITS.fileBytes) return undefined;
  return issue(
    fileTooLarge,
    { path: "", source: { file: file.path, line: 1, column: 1 } },
    { bytes, limit: LIMITS.fileBytes },
  );
}

/**
 * The UTF-8 size of `text`. A text with more UTF-16 units than `limit` is over it whatever its
 * encoding, so its length stands in for its size and huge texts are never walked.
 */
export function byteSize(text: string, limit: number): number {
  if (text.length > limit) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
