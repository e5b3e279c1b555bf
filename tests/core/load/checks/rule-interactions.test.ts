import { describe, expect, it } from "vitest";
import { checkRuleset } from "../../../../src/core/load/index.js";
import { packWith, rule, ruleFile } from "../../../arbitraries/ruleset.js";
import { found } from "./helpers.js";

const FEVER = "{ fact: redFlags.fever, operator: equal, value: true }";
const halting = (id: string, when = FEVER) =>
  rule(id, { priority: 1000, when }).replace("then:\n", "then:\n  halt: { reason: emergency }\n");
const withholding = (id: string, priority: number, entry: string, when = FEVER) =>
  rule(id, { priority, when }).replace(/then:\n {2}add:\n.*\n/, `then:\n  withhold: [${entry}]\n`);
const lint = (...rules: string[]) => packWith({ "psych.yaml": ruleFile(...rules) });

describe("rules that never change a plan", () => {
  it("a rule below a halt it implies is an error, on its id", () => {
    const files = lint(halting("emergency"), rule("below", { priority: 500, when: `{ all: [${FEVER}] }` }));
    expect(found(files, "rules/")).toEqual(["rules/shadowed-by-halt psych.yaml:11:9 /rules/1/id"]);
    expect(checkRuleset(files).ruleset).toBeUndefined();
  });

  it("an addition a weaker rule of higher priority always withholds is a warning, on the addition", () => {
    const files = lint(
      withholding("urgent", 900, "{ category: education, reason: not now }"),
      rule("below", {
        priority: 500,
        when: `{ all: [${FEVER}, { fact: phq9.total, operator: greaterThan, value: 3 }] }`,
      }),
    );
    expect(found(files, "rules/")).toEqual(["rules/always-withheld psych.yaml:15:24 /rules/1/then/add/0/component"]);
  });
});

describe("draft rules", () => {
  const draft = (text: string) => `${text}\nstatus: draft`;

  it("never hide what an active rule does to another: the finding blames the active rule", () => {
    const below = rule("below", { priority: 500, when: `{ all: [${FEVER}] }` });
    const files = lint(
      draft(halting("draft-halt")),
      halting("active-halt").replace("priority: 1000", "priority: 950"),
      below,
    );
    const issues = checkRuleset(files).issues.filter((issue) => issue.code === "rules/shadowed-by-halt");
    expect(issues.map((issue) => issue.message)).toEqual([expect.stringContaining('"active-halt" (priority 950')]);
  });

  it("are judged with everything that runs beside them", () => {
    const files = lint(
      halting("active-halt"),
      draft(rule("draft-below", { priority: 500, when: `{ all: [${FEVER}] }` })),
    );
    expect(found(files, "rules/")).toEqual(["rules/shadowed-by-halt psych.yaml:11:9 /rules/1/id"]);
  });
});

describe("rules of one priority", () => {
  it("adding and withholding the same component, when both can fire", () => {
    const files = lint(
      withholding("no-education", 100, "{ component: education-reassurance, reason: no }"),
      rule("education"),
    );
    expect(found(files, "rules/")).toEqual([
      "rules/add-withhold-conflict psych.yaml:15:24 /rules/1/then/add/0/component",
    ]);
    const exclusive = lint(
      withholding(
        "no-education",
        100,
        "{ component: education-reassurance, reason: no }",
        "{ fact: chronicity, operator: equal, value: chronic }",
      ),
      rule("education"),
    );
    expect(found(exclusive, "rules/")).toEqual([]);
  });

  it("equivalent conditions, on the later rule", () => {
    const files = lint(
      rule("a"),
      rule("b", { when: "{ not: { fact: chronicity, operator: in, value: [subacute, chronic] } }" }),
    );
    expect(found(files, "rules/")).toEqual(["rules/equivalent-conditions psych.yaml:10:9 /rules/1/id"]);
  });
});

describe("which rules take part", () => {
  it("retired rules never run, so they shadow nothing and nothing shadows them; a draft shadows only drafts", () => {
    const retired = (text: string) => `${text}\nstatus: retired`;
    expect(found(lint(retired(halting("emergency")), rule("below", { priority: 500, when: FEVER })), "rules/")).toEqual(
      [],
    );
    expect(found(lint(halting("emergency"), retired(rule("below", { priority: 500, when: FEVER }))), "rules/")).toEqual(
      [],
    );
    const draft = `${halting("emergency")}\nstatus: draft`;
    // Without --include-drafts the draft halt does not run, and "below" does change plans.
    expect(found(lint(draft, rule("below", { priority: 500, when: FEVER })), "rules/")).toEqual([]);
    const draftBelow = `${rule("below", { priority: 500, when: FEVER })}\nstatus: draft`;
    expect(found(lint(draft, draftBelow), "rules/")).toEqual(["rules/shadowed-by-halt psych.yaml:12:9 /rules/1/id"]);
    expect(found(lint(halting("emergency"), draftBelow), "rules/")).toEqual([
      "rules/shadowed-by-halt psych.yaml:11:9 /rules/1/id",
    ]);
  });

  it("a rule whose priority is broken is left out; the others are still compared", () => {
    const files = lint(rule("a").replace("priority: 100", "priority: high"), rule("b"), rule("c"));
    expect(found(files, "rules/")).toEqual(["rules/equivalent-conditions psych.yaml:18:9 /rules/2/id"]);
  });
});
