/** Governance through the CLI: `lint --today` judges reviews, `--include-drafts` runs draft rules. */
import { describe, expect, it } from "vitest";
import { packWith, rule, ruleFile } from "../../arbitraries/ruleset.js";
import { tempFolder } from "../../node/temp-dir.js";
import { runMain } from "../run-main.js";

const files = packWith({
  "psych.yaml": ruleFile(
    rule("reviewed", { extra: "reviewedBy: Dr A\nreviewedOn: 2026-01-05\nreviewDue: 2026-07-05" }),
    rule("trial", { extra: "status: draft", when: "{ fact: chronicity, operator: equal, value: chronic }" }),
  ),
});
const pack = () => tempFolder(Object.fromEntries(files.map((f) => [f.path, f.text])));
const chronic = JSON.stringify({ patient: { age: 40 }, pain: { durationWeeks: 20 } });

describe("lint --today", () => {
  it("warns about a review due before the given date, and not on or before it", async () => {
    const dir = await pack();
    const late = await runMain(["lint", dir, "--today", "2026-07-06"]);
    expect(late.code).toBe(0);
    expect(late.stdout).toContain(`psych.yaml:12:16: warning: rule "reviewed" was due for review on 2026-07-05`);
    const onTime = await runMain(["lint", dir, "--today", "2026-07-05"]);
    expect(onTime.stdout).not.toContain("due for review");
  });

  it("reads the clock when no date is given (this review is long past due)", async () => {
    const run = await runMain(["lint", await pack()]);
    expect(run.stdout).toContain("was due for review on 2026-07-05 and today is ");
  });

  it("refuses a date that is not a day", async () => {
    for (const bad of ["2026-02-30", "2026-13-01", "23/11/2026"]) {
      const run = await runMain(["lint", await pack(), "--today", bad]);
      expect(run).toMatchObject({ code: 2, stdout: "" });
      expect(run.stderr).toContain(`option "--today" needs a date YYYY-MM-DD; found "${bad}"`);
    }
  });
});

describe("recommend --include-drafts", () => {
  it("leaves draft rules out by default and runs them, named on the plan, when asked", async () => {
    const dir = await pack();
    const plain = await runMain(["recommend", "-", "--rules", dir], { stdin: chronic });
    expect(plain.code).toBe(0);
    const without = JSON.parse(plain.stdout) as { ruleset: object; trace: { rule: string }[] };
    expect(without.ruleset).not.toHaveProperty("drafts");
    expect(without.trace.map((t) => t.rule)).not.toContain("trial");

    const drafts = await runMain(["recommend", "-", "--rules", dir, "--include-drafts"], { stdin: chronic });
    const withDrafts = JSON.parse(drafts.stdout) as { ruleset: { drafts: string[] }; trace: { rule: string }[] };
    expect(withDrafts.ruleset.drafts).toEqual(["trial"]);
    expect(withDrafts.trace.map((t) => t.rule)).toContain("trial");
  });
});
