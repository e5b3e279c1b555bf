import { describe, expect, it } from "vitest";
import { isBackplanError, type Issue } from "../../src/core/errors.js";
import { readAssessmentText } from "../../src/node/assessment-file.js";
import { MAX_FILE_BYTES } from "../../src/node/limits.js";

/** The issues `readAssessmentText` throws, as `file:line:col: message` or `message` lines. */
function problems(text: string, name = "a.json"): string[] {
  try {
    readAssessmentText(text, name);
  } catch (error) {
    if (!isBackplanError(error)) throw error;
    expect(error.name).toBe("AssessmentError");
    return error.issues.map(line);
  }
  throw new Error("expected an AssessmentError");
}

function line(issue: Issue): string {
  const at = issue.source ? `${issue.source.file}:${issue.source.line}:${issue.source.column}: ` : "";
  return `${at}${issue.code}: ${issue.message}`;
}

describe("readAssessmentText: JSON or YAML by content", () => {
  it("parses JSON when the text starts with { or [", () => {
    expect(readAssessmentText(' \n{"patient": {"age": 40}}', "a.yaml")).toEqual({ patient: { age: 40 } });
    expect(readAssessmentText("[1, 2]", "a")).toEqual([1, 2]);
  });

  it("parses YAML otherwise, whatever the file is called", () => {
    expect(readAssessmentText("patient:\n  age: 40\n  sex: female\n", "a.json")).toEqual({
      patient: { age: 40, sex: "female" },
    });
  });

  it("reads YAML 1.2: yes and no stay strings, dates stay strings", () => {
    expect(readAssessmentText("a: yes\nb: no\nassessedOn: 2024-03-01\n", "a.yaml")).toEqual({
      a: "yes",
      b: "no",
      assessedOn: "2024-03-01",
    });
  });

  it("ignores a byte-order mark", () => {
    expect(readAssessmentText('\uFEFF{"id": "x"}', "a.json")).toEqual({ id: "x" });
    expect(readAssessmentText("\uFEFFid: x\n", "a.yaml")).toEqual({ id: "x" });
  });
});

describe("readAssessmentText: syntax errors name file:line:col", () => {
  it("locates a JSON error V8 gives a position for", () => {
    expect(problems('{\n  "patient": {"age": 40,}\n}')).toMatchInlineSnapshot(`
      [
        "a.json:2:25: assessment/syntax: invalid JSON: expected double-quoted property name",
      ]
    `);
  });

  it("locates a JSON error V8 gives no position for", () => {
    expect(problems('{\n  "pain": {\n    "intensity": }\n}')).toMatchInlineSnapshot(`
      [
        "a.json:3:18: assessment/syntax: invalid JSON: unexpected token '}'",
      ]
    `);
  });

  it("puts a truncated JSON document's error at its end", () => {
    expect(problems('{\n  "id": "x"')).toMatchInlineSnapshot(`
      [
        "a.json:2:12: assessment/syntax: invalid JSON: expected ',' or '}' after property value",
      ]
    `);
  });

  it("does not echo a large input in the message", () => {
    const [message] = problems(`{"id": "${"x".repeat(5000)}", "a": NaN}`);
    expect(message).toMatchInlineSnapshot(`"a.json:1:5017: assessment/syntax: invalid JSON: unexpected token 'N'"`);
  });

  it("locates a YAML error", () => {
    expect(problems("patient:\n  age: 40\n   sex: female\n", "a.yaml")).toMatchInlineSnapshot(`
      [
        "a.yaml:2:8: assessment/syntax: invalid YAML: nested mappings are not allowed in compact mappings",
        "a.yaml:2:8: assessment/syntax: invalid YAML: implicit keys need to be on a single line",
      ]
    `);
  });

  it("refuses duplicate YAML keys", () => {
    expect(problems("patient:\n  age: 40\n  age: 41\n", "a.yaml")).toMatchInlineSnapshot(`
      [
        "a.yaml:3:3: assessment/syntax: invalid YAML: map keys must be unique",
      ]
    `);
  });

  it("refuses several YAML documents in one file", () => {
    expect(problems("id: a\n---\nid: b\n", "a.yaml")).toMatchInlineSnapshot(`
      [
        "a.yaml:2:1: assessment/syntax: invalid YAML: several documents in one file; an assessment is one",
      ]
    `);
  });

  it("refuses an empty text", () => {
    expect(problems(" \n\t\n")).toMatchInlineSnapshot(`
      [
        "assessment/empty: file is empty: expected an assessment in JSON or YAML",
      ]
    `);
  });
});

describe("readAssessmentText: hostile input", () => {
  it("stops a YAML alias bomb before it expands", () => {
    const bomb = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]'];
    for (const [i, name] of ["b", "c", "d", "e", "f", "g", "h", "i"].entries()) {
      const previous = String.fromCharCode("a".charCodeAt(0) + i);
      bomb.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(", ")}]`);
    }
    const started = performance.now();
    expect(problems(bomb.join("\n"), "bomb.yaml")).toMatchInlineSnapshot(`
      [
        "assessment/yaml-aliases: YAML aliases expand too far (more than 10 copies); an assessment needs none",
      ]
    `);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("allows an alias or two", () => {
    expect(readAssessmentText("a: &x [1]\nb: *x\n", "a.yaml")).toEqual({ a: [1], b: [1] });
  });

  it.each([
    ["JSON", '{"__proto__": {"polluted": true}, "id": "x"}'],
    ["YAML", "__proto__:\n  polluted: true\nid: x\n"],
  ])("keeps a %s __proto__ key as an own property, touching no prototype", (_format, text) => {
    const value = readAssessmentText(text, "a");
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value as object)).toEqual(["__proto__", "id"]);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("refuses a text over 1 MiB", () => {
    expect(problems(`{"id": "${"x".repeat(MAX_FILE_BYTES)}"}`)).toMatchInlineSnapshot(`
      [
        "assessment/too-large: file is 1048586 bytes; an assessment may be at most 1 MiB (1048576 bytes)",
      ]
    `);
  });
});

describe("readAssessmentText: YAML features an assessment does not need", () => {
  it("reports an alias to a missing anchor", () => {
    expect(problems("a: *x\n", "a.yaml")).toMatchInlineSnapshot(`
      [
        "assessment/syntax: invalid YAML: unresolved alias (the anchor must be set before the alias): x",
      ]
    `);
  });

  it("refuses tags it cannot resolve rather than guess", () => {
    expect(problems("a: !!js/function foo\n", "a.yaml")).toMatchInlineSnapshot(`
      [
        "a.yaml:1:4: assessment/syntax: invalid YAML: unresolved tag: tag:yaml.org,2002:js/function",
      ]
    `);
  });
});

describe("JSON that would silently lose an answer, and YAML that looks like JSON", () => {
  it("rejects a key given twice in one JSON object, naming it and where", () => {
    const text =
      '{"patient":{"age":40},"pain":{"durationWeeks":3},"redFlags":{"saddleAnaesthesia":true,"saddleAnaesthesia":false}}';
    expect(() => readAssessmentText(text, "f.json")).toThrow(
      'f.json:1:87: error: invalid JSON: "saddleAnaesthesia" appears twice in one object; which answer is meant?',
    );
  });

  it("reads a YAML flow mapping that starts like JSON as YAML", () => {
    expect(readAssessmentText("{patient: {age: 40}, pain: {durationWeeks: 3}}\n", "f.yaml")).toEqual({
      patient: { age: 40 },
      pain: { durationWeeks: 3 },
    });
  });
});
