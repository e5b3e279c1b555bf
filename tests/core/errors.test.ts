import { describe, expect, it } from "vitest";
import { formatIssue, printable } from "../../src/core/errors.js";
import { safeParseAssessment } from "../../src/core/run/assessment/index.js";

describe("issue lines are safe to print", () => {
  it("escapes control characters and bidirectional overrides, so input cannot move a cursor or forge a line", () => {
    expect(printable("a\u001b[2Jb\u0007c\u202Ed\ne", 80)).toBe("a\\u{1b}[2Jb\\u{7}c\\u{202e}d\\u{a}e");
  });

  it("cuts long text and says how much was left out", () => {
    expect(printable("x".repeat(30), 10)).toBe("xxxxxxxxxx… (20 more characters)");
  });

  it("applies to the field names an unknown key puts in an assessment issue, and to its message", () => {
    const key = `\u001b]0;owned\u0007${"k".repeat(500_000)}`;
    const result = safeParseAssessment({ patient: { age: 40 }, pain: { durationWeeks: 3 }, [key]: 1 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const line = formatIssue(result.issues[0] ?? { code: "", path: "", severity: "error", message: "" });
    // eslint-disable-next-line no-control-regex -- the control characters are what must be absent
    expect(line).not.toMatch(/[\u0000-\u001f\u007f]/);
    expect(line.length).toBeLessThan(1200);
    expect(line.startsWith("\\u{1b}]0;owned\\u{7}kkk")).toBe(true);
    expect(line).toContain("more characters)");
  });

  it("applies to a rule file's name and message", () => {
    const line = formatIssue({
      code: "x",
      path: "",
      severity: "error",
      message: "bad \u001b[31m",
      source: { file: "ev\u202Eil.yaml", line: 1, column: 2 },
    });
    expect(line).toBe("ev\\u{202e}il.yaml:1:2: error: bad \\u{1b}[31m");
  });
});
