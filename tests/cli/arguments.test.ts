import { describe, expect, it } from "vitest";
import { parseCommandLine } from "../../src/cli/arguments.js";
import type { OptionSpecs } from "../../src/cli/command.js";
import { UsageError } from "../../src/cli/usage-error.js";

const SPECS = {
  rules: { type: "string", value: "DIR", description: "rule folder" },
  format: { type: "string", value: "FORMAT", description: "output format" },
  help: { type: "boolean", short: "h", description: "show this help" },
} as const satisfies OptionSpecs;

function usageError(args: readonly string[], allowPositionals = true): string {
  try {
    parseCommandLine(args, SPECS, allowPositionals);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error("expected a UsageError");
}

describe("parseCommandLine", () => {
  it("parses string and boolean options, long, short and inline", () => {
    expect(parseCommandLine(["a.json", "--rules", "r", "--format=text", "-h", "b.yaml"], SPECS, true)).toEqual({
      values: { rules: "r", format: "text", help: true },
      positionals: ["a.json", "b.yaml"],
    });
  });

  it("refuses an option given twice, in any spelling, rather than keep the last", () => {
    expect(usageError(["--format", "json", "--format=text"])).toMatchInlineSnapshot(
      `"option "--format" is given more than once: give it once"`,
    );
    expect(usageError(["-h", "--help"])).toMatchInlineSnapshot(
      `"option "--help" is given more than once: give it once"`,
    );
  });

  it('keeps "-" as a positional (standard input) and everything after "--"', () => {
    expect(parseCommandLine(["-", "--", "--help", "-x"], SPECS, true).positionals).toEqual(["-", "--help", "-x"]);
  });

  it("takes a value that starts with a dash when written inline", () => {
    expect(parseCommandLine(["--rules=-odd"], SPECS, true).values).toEqual({ rules: "-odd" });
  });

  it("words each mistake in one line, with a suggestion when one is close", () => {
    const mistakes = [
      ["--frmat", "text"],
      ["--rule", "x"],
      ["--colour"],
      ["-x"],
      ["-hx"],
      ["--rules"],
      ["--rules", "--help"],
      ["--rules="],
      ["--help=yes"],
    ];
    expect(mistakes.map((args) => usageError(args))).toMatchInlineSnapshot(`
      [
        "unknown option "--frmat" (did you mean "--format"?)",
        "unknown option "--rule" (did you mean "--rules"?)",
        "unknown option "--colour"",
        "unknown option "-x"",
        "unknown option "-x"",
        "option "--rules" needs a value",
        "option "--rules" needs a value",
        "option "--rules" needs a value",
        "option "--help" takes no value",
      ]
    `);
  });

  it("refuses a positional where none is allowed", () => {
    expect(usageError(["recommend"], false)).toMatchInlineSnapshot(`"unexpected argument "recommend""`);
  });
});
