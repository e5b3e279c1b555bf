import { LineCounter, parseDocument } from "yaml";
import type { Issue } from "../../errors.js";
import { issue } from "../issue.js";
import { nulCharacter, yamlWarning } from "../messages.js";
import type { FileKind } from "../pack-layout.js";
import { fileValidators } from "../schema-validate.js";
import type { RuleFileText } from "../types.js";
import type { FilePlace, SourceFile } from "./source-file.js";
import { cleanMessage, syntaxSlip } from "./syntax-slip.js";
import { toPlain } from "./to-plain.js";

/**
 * Parses one pack file with positions. Every YAML error and every node a pack must not hold is
 * an issue at its `file:line:col`; the file is returned only when it has no error, so nothing
 * downstream reads half-parsed data.
 */
export function readYamlFile(input: RuleFileText, kind: FileKind): { file?: SourceFile; issues: Issue[] } {
  const lineCounter = new LineCounter();
  // Core schema only (`!!binary`, `!!timestamp` stay text); duplicate keys are found by toPlain,
  // which names the key and its first line.
  const doc = parseDocument(input.text, {
    lineCounter,
    prettyErrors: false,
    resolveKnownTags: false,
    uniqueKeys: false,
  });
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { file: input.path, line, column: col };
  };
  const placeAt = (offset: number, pointer: string): FilePlace => ({ path: pointer, source: position(offset) });

  // The yaml package reads NUL as text; YAML forbids it, and the digest frames files with it.
  const nul = input.text.indexOf("\0");
  const lineOf = (offset: number) => lineCounter.linePos(offset).line;
  const nulIssues = nul < 0 ? [] : [issue(nulCharacter, placeAt(nul, ""))];
  // A slip makes the parser report several errors, most of them follow-ons: one message says it.
  if (doc.errors.length > 0)
    return {
      issues: [
        ...nulIssues,
        syntaxSlip(input.text, doc.errors, (offset) => placeAt(offset, ""), lineOf, misfits(kind)),
      ],
    };
  const issues: Issue[] = [
    ...nulIssues,
    ...doc.warnings.map((e) => issue(yamlWarning, placeAt(e.pos[0], ""), { detail: cleanMessage(e) })),
  ];
  const plain = toPlain(doc, placeAt, lineOf);
  issues.push(...plain.issues);
  if (issues.some((i) => i.severity === "error")) return { issues };

  const { spans } = plain;
  const spanOf = (pointer: string) => {
    for (let p = pointer; ; p = p.slice(0, p.lastIndexOf("/"))) {
      const span = spans.get(p);
      if (span !== undefined || p === "") return { span, exact: p === pointer };
    }
  };
  const file: SourceFile = {
    path: input.path,
    kind,
    data: plain.data,
    place(pointer, at) {
      const { span, exact } = spanOf(pointer);
      const offset = at === "key" && exact && span?.key !== undefined ? span.key : (span?.start ?? 0);
      return placeAt(offset, pointer);
    },
    placeOfText(pointer, needle) {
      const span = spans.get(pointer);
      const index = span === undefined ? -1 : input.text.indexOf(needle, span.start);
      return span !== undefined && index >= 0 && index + needle.length <= span.end
        ? placeAt(index, pointer)
        : file.place(pointer);
    },
  };
  return { file, issues };
}

/**
 * How badly a repaired text fits `kind`'s schema: its number of schema errors, or `undefined`
 * when it does not parse. Tells a repair that restores the author's structure from one that
 * only makes the YAML parse.
 */
function misfits(kind: FileKind): (text: string) => number | undefined {
  return (text) => {
    const doc = parseDocument(text, { prettyErrors: false, resolveKnownTags: false, uniqueKeys: false });
    if (doc.errors.length > 0) return undefined;
    const { data } = toPlain(
      doc,
      (_offset, pointer) => ({ path: pointer }),
      () => 0,
    );
    const validate = fileValidators[kind];
    return validate(data) ? 0 : (validate.errors?.length ?? 1);
  };
}
