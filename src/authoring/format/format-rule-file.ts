import deepEqual from "fast-deep-equal";
import { parseDocument } from "yaml";
import { pointerToDotted, type Result } from "../../core/errors.js";
import { childPointer } from "../../core/pointer.js";
import { issue, type Place } from "../../core/load/issue.js";
import { fileSizeIssue } from "../../core/load/limits.js";
import { fileKindOf, type FileKind } from "../../core/load/pack-layout.js";
import { readYamlFile } from "../../core/load/parse/yaml-file.js";
import { canonicalize } from "./canonical-document.js";
import { meaningChanged, notYaml } from "./messages.js";
import { recordWrittenLines, type WrittenLines } from "./folded-scalar.js";
import { parseOptions, TO_STRING_OPTIONS } from "./yaml-style.js";

/**
 * A pack file's text in the canonical layout (see layout.ts), its kind taken from `path`
 * (relative to the pack root). A file that does not parse, or holds what the pack loader
 * rejects (duplicate keys, aliases to nothing), comes back as its issues, each at
 * `file:line:col`. The result always reads back as the same data: if it would not, that is an
 * issue too and the file is best left as it is.
 *
 * @example formatRuleFile("psych.yaml", "rules:\n- title: T\n  id: a\n") // ok, "rules:\n  - id: a\n    title: T\n"
 */
export function formatRuleFile(path: string, text: string): Result<string> {
  const kind = fileKindOf(path);
  if (kind === undefined) return { ok: false, issues: [issue(notYaml, atStart(path))] };
  const tooLarge = fileSizeIssue({ path, text });
  if (tooLarge !== undefined) return { ok: false, issues: [tooLarge] };
  const before = readYamlFile({ path, text }, kind);
  if (before.file === undefined) return { ok: false, issues: before.issues };

  const written: WrittenLines = new WeakMap();
  const doc = parseDocument(text, parseOptions(written));
  // Nothing but comments: nothing to lay out (the package would write the missing value as `null`).
  if (doc.contents === null) return { ok: true, value: text, warnings: before.issues };
  recordWrittenLines(doc, text, written);
  canonicalize(doc, kind);
  const formatted = doc.toString(TO_STRING_OPTIONS);

  // The same text says the same thing; a changed one is read back and compared.
  const changed =
    formatted === text ? undefined : firstDifference(before.file.data, readBack(path, formatted, kind), "");
  if (changed !== undefined)
    return { ok: false, issues: [issue(meaningChanged, atStart(path), { field: pointerToDotted(changed) })] };
  return { ok: true, value: formatted, warnings: before.issues };
}

function readBack(path: string, text: string, kind: FileKind): unknown {
  return readYamlFile({ path, text }, kind).file?.data;
}

/** The pointer to the first place where two plain values differ, or `undefined` when equal. */
function firstDifference(a: unknown, b: unknown, pointer: string): string | undefined {
  if (deepEqual(a, b)) return undefined;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return pointer;
  if (Array.isArray(a) !== Array.isArray(b)) return pointer;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const found = firstDifference(
      (a as Record<string, unknown>)[key],
      (b as Record<string, unknown>)[key],
      childPointer(pointer, key),
    );
    if (found !== undefined) return found;
  }
  return pointer;
}

function atStart(path: string): Place {
  return { path: "", source: { file: path, line: 1, column: 1 } };
}
