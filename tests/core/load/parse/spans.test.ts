/**
 * `toPlain` finds a node's place on demand (`span`), by walking the document along the pointer.
 * It must name exactly the places a walk recording every node's span would have recorded (what it
 * did until positions were made lazy): compared here over the bundled pack's files (aliases
 * included), the fixture packs and texts made to hold the awkward cases.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { isAlias, isMap, isScalar, isSeq, parseDocument, visit, type Alias, type Node } from "yaml";
import { describe, expect, it } from "vitest";
import { toPlain } from "../../../../src/core/load/parse/to-plain.js";
import type { Span } from "../../../../src/core/load/parse/source-file.js";
import { childPointer } from "../../../../src/core/pointer.js";
import { bundledRulesDir } from "../../../../src/node/index.js";

const FORBIDDEN = new Set(["__proto__", "constructor", "prototype"]);

/** Every node's span by pointer, recorded in one walk, the first visit of a pointer winning. */
function recordedSpans(text: string): Map<string, Span> {
  const doc = parseDocument(text, { prettyErrors: false, resolveKnownTags: false, uniqueKeys: false });
  const anchors: { name: string; start: number; node: Node }[] = [];
  visit(doc, (_key, node) => {
    if ((isScalar(node) || isMap(node) || isSeq(node)) && node.anchor !== undefined)
      anchors.push({ name: node.anchor, start: node.range?.[0] ?? 0, node });
  });
  const resolve = (alias: Alias) => {
    let found: Node | undefined;
    for (const anchor of anchors)
      if (anchor.name === alias.source && anchor.start < (alias.range?.[0] ?? 0)) found = anchor.node;
    return found;
  };
  const spans = new Map<string, Span>();
  const walk = (node: unknown, pointer: string, keyStart?: number): void => {
    const range = (node as Node | null)?.range;
    if (!spans.has(pointer)) {
      const start = range?.[0] ?? keyStart ?? 0;
      spans.set(pointer, { start, end: range?.[1] ?? start, ...(keyStart === undefined ? {} : { key: keyStart }) });
    }
    if (isAlias(node)) walk(resolve(node), pointer);
    else if (isSeq(node))
      node.items.forEach((item, i) => {
        walk(item, childPointer(pointer, i));
      });
    else if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        const keyNode = pair.key as Node | null;
        const start = keyNode?.range?.[0] ?? (pair.value as Node | null)?.range?.[0] ?? 0;
        const key = keyNode === null ? "" : isScalar(keyNode) ? String(keyNode.value) : undefined;
        if (key === undefined || FORBIDDEN.has(key) || seen.has(key)) continue;
        seen.add(key);
        walk(pair.value, childPointer(pointer, key), start);
      }
    }
  };
  walk(doc.contents, "");
  return spans;
}

function lazySpans(text: string) {
  const doc = parseDocument(text, { prettyErrors: false, resolveKnownTags: false, uniqueKeys: false });
  const plain = toPlain(
    doc,
    (_offset, pointer) => ({ path: pointer }),
    () => 0,
  );
  expect(plain.issues).toEqual([]);
  return plain.span;
}

/** Each recorded pointer has the recorded span; pointers to nothing have none. */
function expectSameSpans(text: string): number {
  const recorded = recordedSpans(text);
  const span = lazySpans(text);
  for (const [pointer, expected] of recorded) expect(span(pointer), pointer).toEqual(expected);
  for (const pointer of recorded.keys())
    for (const missing of ["/nope", "/-1", "/01", "/1.0", "/~2", "/", "/99999"])
      if (!recorded.has(pointer + missing)) expect(span(pointer + missing), pointer + missing).toBeUndefined();
  return recorded.size;
}

async function yamlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

describe("toPlain's spans, found on demand", () => {
  it("are those a walk recording every node gives, on every file of the bundled pack and the fixture packs", async () => {
    const files = [
      ...(await yamlFiles(bundledRulesDir)),
      ...(await yamlFiles(join(bundledRulesDir, "../tests/fixtures/packs"))),
    ];
    expect(files.length).toBeGreaterThan(30);
    let nodes = 0;
    for (const file of files) {
      const text = await readFile(file, "utf8");
      const doc = parseDocument(text, { prettyErrors: false, resolveKnownTags: false, uniqueKeys: false });
      if (doc.errors.length > 0) continue; // a fixture of a broken file: toPlain never sees it
      const plain = toPlain(
        doc,
        (_offset, pointer) => ({ path: pointer }),
        () => 0,
      );
      if (plain.issues.length > 0) continue;
      nodes += expectSameSpans(text);
    }
    expect(nodes).toBeGreaterThan(50_000);
  }, 120_000);

  it("are those on keys that need escaping, empty keys and values, flow collections, nested and repeated aliases", () => {
    const texts = [
      "a/b: 1\n'~x': { '~1': [1, 2] }\n'': 3\nempty:\nnull: 4\n? plain\n",
      "base: &b { x: [1, { y: &y 2 }], z: null }\nuse: [*b, *b, { k: *y }]\nagain: &b [9]\nlast: *b\n",
      "- &a\n  - &a 1\n  - *a\n- *a\n- [ *a, { '0': 1, 1: 2 } ]\n",
      "",
      "just text\n",
      "list:\n  -\n  - ''\n  - []\n  - {}\n",
    ];
    for (const text of texts) expectSameSpans(text);
  });
});
