import { describe, expect, it } from "vitest";
import { checkRuleset } from "../../../../src/core/load/index.js";
import { readYamlFile } from "../../../../src/core/load/parse/yaml-file.js";
import { MAX_ALIAS_EXPANSION, MAX_DEPTH } from "../../../../src/core/load/parse/to-plain.js";
import { packWith } from "../../../arbitraries/ruleset.js";

const read = (text: string) => readYamlFile({ path: "psych.yaml", text }, "rules");
const codes = (text: string) => read(text).issues.map((i) => `${i.code} ${i.source?.line}:${i.source?.column}`);

describe("readYamlFile", () => {
  it("turns YAML into plain data, aliases expanded, and knows where each node is", () => {
    const text =
      "# yaml-language-server: $schema=../schemas/rules.schema.json\nshared: &s { a: 1 }\nrules:\n  - id: x\n    copy: *s\n";
    const { file, issues } = read(text);
    expect(issues).toEqual([]);
    expect(file?.data).toEqual({ shared: { a: 1 }, rules: [{ id: "x", copy: { a: 1 } }] });
    expect(Object.getPrototypeOf(file?.data)).toBe(Object.prototype);
    expect(file?.place("/rules/0/id").source).toEqual({ file: "psych.yaml", line: 4, column: 9 });
    expect(file?.place("/rules/0/id", "key").source).toEqual({ file: "psych.yaml", line: 4, column: 5 });
    expect(file?.place("/rules/0").source).toMatchObject({ line: 4, column: 5 });
    // A path that does not exist falls back to its nearest existing ancestor, keeping the pointer.
    expect(file?.place("/rules/0/title")).toEqual({
      path: "/rules/0/title",
      source: { file: "psych.yaml", line: 4, column: 5 },
    });
    expect(file?.place("/rules/0/copy").source).toMatchObject({ line: 5, column: 11 });
  });

  it("places a needle inside a scalar, else the scalar", () => {
    const { file } = read('rules:\n  - reason: "PHQ-9 {phq9.total} and {gad7.total}"\n');
    expect(file?.placeOfText("/rules/0/reason", "{gad7.total}").source).toMatchObject({ line: 2, column: 37 });
    expect(file?.placeOfText("/rules/0/reason", "{absent}").source).toMatchObject({ line: 2, column: 13 });
  });

  it("reports a syntax slip once, in plain words at the line it is on, and returns no file", () => {
    const { file, issues } = read("rules:\n  - id: [a, b\n");
    expect(file).toBeUndefined();
    expect(issues).toEqual([
      {
        code: "yaml/unclosed-bracket",
        severity: "error",
        path: "",
        source: { file: "psych.yaml", line: 2, column: 9 },
        message: 'line 2 opens "[" and never closes it',
        hint: 'end the line with "]"',
        params: { line: 2, open: "[", closers: "]" },
      },
    ]);
  });

  it("keeps the parser's own words, without its position text, where no plain words fit", () => {
    const { issues } = read("a: 1\nb: &x &y 1\n");
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: "yaml/syntax", source: { line: 2, column: 7 } });
    expect(issues[0]?.message).not.toMatch(/line \d|column/);
  });

  it("rejects several documents in one file", () => {
    expect(codes("a: 1\n---\nb: 2\n")).toEqual(["yaml/several-documents 2:1"]);
  });

  it("reports every duplicate key, at the repeat", () => {
    expect(codes("a: 1\nb: 2\na: 3\nc: { x: 1, x: 2 }\n")).toEqual([
      "yaml/duplicate-key 3:1",
      "yaml/duplicate-key 4:12",
    ]);
  });

  it("keeps !!binary and custom tags as text (with a warning for an unknown tag)", () => {
    const { file, issues } = read("a: !!binary aGVsbG8=\nb: !custom 5\n");
    expect(file?.data).toEqual({ a: "aGVsbG8=", b: "5" });
    expect(issues.map((i) => i.severity)).toEqual(["warning", "warning"]);
  });

  it("rejects keys that are mappings or lists", () => {
    expect(codes("? [a, b]\n: 1\n? { c: 1 }\n: 2\n")).toEqual(["yaml/complex-key 1:3", "yaml/complex-key 3:3"]);
  });

  it("reads an empty file as nothing (the schema then says what is missing)", () => {
    expect(read("").file?.data).toBeNull();
    expect(read("# only a comment\n").file?.data).toBeNull();
  });
});

describe("prototype pollution", () => {
  it.each(["__proto__", "constructor", "prototype"])("rejects a %s key anywhere, naming where", (key) => {
    const { file, issues } = read(`rules:\n  - then:\n      ${key}: { polluted: true }\n`);
    expect(file).toBeUndefined();
    expect(issues).toEqual([
      expect.objectContaining({
        code: "yaml/forbidden-key",
        path: "/rules/0/then",
        source: { file: "psych.yaml", line: 3, column: 7 },
      }),
    ]);
    expect(issues[0]?.message).toContain(`"rules[0].then"`);
  });

  it("pollutes nothing, however the keys are written", () => {
    const attacks = [
      "__proto__: { polluted: true }\n",
      "{ __proto__: { polluted: true } }\n",
      '"__proto__": { polluted: true }\n',
      "constructor: { prototype: { polluted: true } }\n",
      "a: &p { polluted: true }\n__proto__: *p\n",
      "rules:\n  - __proto__: { polluted: true }\n",
    ];
    for (const text of attacks) {
      expect(read(text).issues.map((i) => i.code)).toContain("yaml/forbidden-key");
      checkRuleset(packWith({ "psych.yaml": text }));
    }
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
  });
});

describe("aliases", () => {
  it("rejects a billion-laughs document quickly, at the alias that crosses the limit", () => {
    let bomb = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
    for (let i = 1; i < 10; i++)
      bomb += `a${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(", ")}]\n`;
    const start = performance.now();
    const { file, issues } = read(bomb);
    expect(performance.now() - start).toBeLessThan(1000);
    expect(file).toBeUndefined();
    expect(issues).toEqual([
      expect.objectContaining({
        code: "yaml/alias-limit",
        path: "/a4/0",
        source: { file: "psych.yaml", line: 5, column: 10 },
      }),
    ]);
  });

  it("allows aliases that expand to fewer nodes than the limit", () => {
    const items = Array.from({ length: 99 }, () => "*n").join(", ");
    const text = `n: &n { ${Array.from({ length: 99 }, (_, i) => `k${i}: ${i}`).join(", ")} }\nlist: [${items}]\n`;
    expect(MAX_ALIAS_EXPANSION).toBeGreaterThan(99 * 100);
    expect(read(text).issues).toEqual([]);
  });

  it("reports an alias to no anchor", () => {
    expect(codes("a: *nowhere\n")).toEqual(["yaml/unresolved-alias 1:4"]);
  });
});

describe("nesting", () => {
  it("rejects nesting deeper than any rule needs", () => {
    const nested = (depth: number) => `a: ${"[".repeat(depth)}${"]".repeat(depth)}\n`;
    expect(codes(nested(MAX_DEPTH + 1))).toEqual(["yaml/too-deep 1:104"]);
    expect(codes(nested(MAX_DEPTH))).toEqual([]);
  });

  it("survives nesting that exhausts the parser's stack", () => {
    const { file, issues } = read(`a: ${"[".repeat(5000)}${"]".repeat(5000)}\n`);
    expect(file).toBeUndefined();
    expect(issues.length).toBeGreaterThan(0);
  });
});
