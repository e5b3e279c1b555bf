import { isScalar, LineCounter, parseDocument, visit, type Document, type YAMLError } from "yaml";
import type { Issue } from "../core/errors.js";
import type { Parsed } from "./json-text.js";
import { MAX_YAML_ALIASES } from "./limits.js";

/**
 * Parses YAML 1.2 (core schema: `yes` stays a string) with duplicate keys as errors and no merge
 * keys. Aliases may expand only a little, so a "billion laughs" file fails fast instead of
 * exhausting memory. A `__proto__` key becomes an own property (the `yaml` package defines it),
 * never a prototype.
 */
export function parseYamlText(text: string, name: string): Parsed {
  const lineCounter = new LineCounter();
  // Duplicate keys are found below in one pass: the parser's own check compares each key with
  // every other of its mapping (quadratic: minutes for a file of 65,000 keys).
  const doc = parseDocument(text, {
    lineCounter,
    uniqueKeys: false,
    merge: false,
    prettyErrors: false,
    logLevel: "error",
  });
  const problems = [...doc.errors, ...doc.warnings];
  if (problems.length > 0) return { ok: false, issues: problems.map((p) => syntaxIssue(p, name, lineCounter)) };
  const duplicates = duplicateKeyOffsets(doc);
  if (duplicates.length > 0)
    return { ok: false, issues: duplicates.map((offset) => duplicateIssue(offset, name, lineCounter)) };
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }) };
  } catch (error) {
    // The yaml package resolves aliases here and reports what it refuses as a ReferenceError.
    if (!(error instanceof ReferenceError)) throw error;
    const bomb = error.message.startsWith("Excessive alias count");
    const message = bomb
      ? `YAML aliases expand too far (more than ${MAX_YAML_ALIASES} copies); an assessment needs none`
      : `invalid YAML: ${lowerFirst(error.message)}`;
    return {
      ok: false,
      issues: [{ code: bomb ? "assessment/yaml-aliases" : "assessment/syntax", path: "", severity: "error", message }],
    };
  }
}

function syntaxIssue(problem: YAMLError, name: string, lineCounter: LineCounter): Issue {
  const { line, col } = lineCounter.linePos(problem.pos[0]);
  const message =
    problem.code === "MULTIPLE_DOCS"
      ? "several documents in one file; an assessment is one"
      : lowerFirst(problem.message);
  return {
    code: "assessment/syntax",
    path: "",
    severity: "error",
    message: `invalid YAML: ${message}`,
    source: { file: name, line, column: col },
  };
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** Where each key repeats one before it in its mapping, in one pass (scalar keys by value). */
function duplicateKeyOffsets(doc: Document): number[] {
  const offsets: number[] = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Set<string>();
      for (const { key } of map.items) {
        const name = isScalar(key) ? `s:${String(key.value)}` : `n:${String(key)}`;
        if (seen.has(name)) offsets.push(isScalar(key) ? (key.range?.[0] ?? 0) : 0);
        else seen.add(name);
      }
    },
  });
  return offsets;
}

function duplicateIssue(offset: number, name: string, lineCounter: LineCounter): Issue {
  const { line, col } = lineCounter.linePos(offset);
  return {
    code: "assessment/syntax",
    path: "",
    severity: "error",
    message: "invalid YAML: map keys must be unique",
    source: { file: name, line, column: col },
  };
}
