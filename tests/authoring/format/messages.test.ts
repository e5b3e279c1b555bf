import { describe, expect, it } from "vitest";
import { formatIssue } from "../../../src/core/errors.js";
import { meaningChanged, notYaml } from "../../../src/authoring/format/messages.js";
import { issue } from "../../../src/core/load/issue.js";

const at = { path: "", source: { file: "rules/psych.yaml", line: 1, column: 1 } };

describe("fmt's messages", () => {
  it("says what went wrong, where, and what was expected", () => {
    expect(formatIssue(issue(notYaml, at))).toMatchInlineSnapshot(
      `"rules/psych.yaml:1:1: error: not a YAML file: fmt formats a pack's *.yaml and *.yml files"`,
    );
    expect(formatIssue(issue(meaningChanged, at, { field: "rules[0].when" }))).toMatchInlineSnapshot(
      `"rules/psych.yaml:1:1: error: formatting would change what the file says at "rules[0].when", so it was left as written: please report this"`,
    );
    expect(formatIssue(issue(meaningChanged, at, { field: "" }))).toMatchInlineSnapshot(
      `"rules/psych.yaml:1:1: error: formatting would change what the file says at its top level, so it was left as written: please report this"`,
    );
  });
});
