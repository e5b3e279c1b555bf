import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Explanation } from "../../../src/core/present/explain/index.js";
import { packWith, rule, ruleFile } from "../../arbitraries/ruleset.js";
import { tempFolder } from "../../node/temp-dir.js";
import { ASSESSMENTS, BROKEN, ROOT, TINY, runMain } from "../run-main.js";
import { backplan, requireBuilt } from "../run-built.js";

const ACUTE = `${ASSESSMENTS}/acute.json`;
const RED_FLAG = `${ASSESSMENTS}/red-flag.yaml`;

describe("backplan explain: explanations", () => {
  it("prints the plan in brief, then each rule with the values it decided on, files shown as given", async () => {
    const { code, stdout, stderr } = await runMain(["explain", ACUTE, "--rules", TINY]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(stdout).toMatch(/^Explanation of the care plan for assessment acute-1\n/);
    expect(stdout).toContain("Status: complete\n");
    expect(stdout).toContain(
      "did not fire: cauda-equina, Suspected cauda equina syndrome\n" +
        `  priority 1000, ${TINY}/rules.yaml:3\n` +
        "  - failed: redFlags.saddleAnaesthesia = true (found false)\n",
    );
    expect(stdout).toContain("fired: everyone-education, Education for everyone\n");
    expect(stdout).toContain("  - because pain.durationWeeks ≥ 0 (found 2)\n");
  });

  it("explains under the profile asked for", async () => {
    const nice = await runMain(["explain", ACUTE, "--rules", TINY]);
    const acp = await runMain(["explain", ACUTE, "--rules", TINY, "--profile", "acp-2017"]);
    expect(nice.stdout).toContain("did not fire: acupuncture-acp");
    expect(acp.stdout).toContain("fired: acupuncture-acp");
    expect(acp.stdout).toContain("  - because profile = acp-2017 (found acp-2017)\n");
  });

  it('reads the assessment from standard input for "-"', async () => {
    const { code, stdout } = await runMain(["explain", "-", "--rules", TINY], {
      stdin: await readFile(join(ROOT, RED_FLAG), "utf8"),
    });
    expect(code).toBe(0);
    expect(stdout).toContain("Status: urgent, halted by rule cauda-equina: Withheld until cauda equina syndrome");
  });

  it("prints markdown, or the explanation's structure as JSON, the same bytes every time", async () => {
    const markdown = await runMain(["explain", ACUTE, "--rules", TINY, "--format", "markdown"]);
    expect(markdown.stdout).toMatch(/^# Explanation of the care plan for assessment acute-1\n/);
    const json = await runMain(["explain", ACUTE, "--rules", TINY, "--format", "json"]);
    const explanation = JSON.parse(json.stdout) as Explanation;
    expect(explanation.rules.map((r) => [r.rule, r.outcome])).toEqual([
      ["cauda-equina", "not-fired"],
      ["acupuncture-acp", "not-fired"],
      ["everyone-education", "fired"],
    ]);
    expect(await runMain(["explain", ACUTE, "--rules", TINY, "--format", "json"])).toEqual(json);
  });

  it("uses the bundled rules/ pack without --rules", async () => {
    // What the pack's rules say is its scenarios' business: here, only that no --rules is --rules rules.
    const bundled = await runMain(["explain", "examples/chronic-high-risk.yaml"]);
    expect({ code: bundled.code, stderr: bundled.stderr }).toEqual({ code: 0, stderr: "" });
    expect(bundled.stdout).toMatch(/\nfired: [a-z-]+, .*\n {2}priority \d+, rules\/[a-z-]+\.yaml:\d+\n {2}- because /);
    expect(await runMain(["explain", "examples/chronic-high-risk.yaml", "--rules", "rules"])).toEqual(bundled);
  });

  it("lists draft rules as not run, and runs them with --include-drafts", async () => {
    const files = packWith({
      "psych.yaml": ruleFile(
        rule("trial", { extra: "status: draft", when: "{ fact: chronicity, operator: equal, value: acute }" }),
        rule("kept"),
      ),
    });
    const dir = await tempFolder(Object.fromEntries(files.map((f) => [f.path, f.text])));
    const plain = await runMain(["explain", ACUTE, "--rules", dir]);
    expect(plain.stdout).toMatch(/NOT RUN \(DRAFT OR RETIRED\)\n\nnot run \(draft\): trial, /);
    const drafts = await runMain(["explain", ACUTE, "--rules", dir, "--include-drafts"]);
    expect(drafts.stdout).toContain("Draft rules ran: trial (a plan for review, not for care)\n");
    expect(drafts.stdout).toContain("fired: trial, ");
    expect(drafts.stdout).not.toContain("NOT RUN");
  });
});

describe("backplan explain: failures exit 2 with nothing on stdout", () => {
  async function failure(argv: string[], stdin?: string): Promise<string> {
    const { code, stdout, stderr } = await runMain(argv, stdin === undefined ? {} : { stdin });
    expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
    return stderr;
  }

  it("a file that cannot be read", async () => {
    expect(await failure(["explain", "no/such.json", "--rules", TINY])).toMatch(/^no\/such\.json: .+\n$/);
  });

  it("an invalid assessment, each problem at its place", async () => {
    expect(await failure(["explain", `${ASSESSMENTS}/out-of-range.json`, "--rules", TINY])).toContain(
      `${ASSESSMENTS}/out-of-range.json: questionnaires.phq9.total`,
    );
    expect(await failure(["explain", "-", "--rules", TINY], "patient: [")).toMatch(/^<stdin>:1:/);
  });

  it("an unknown profile", async () => {
    expect(await failure(["explain", ACUTE, "--rules", TINY, "--profile", "who"])).toMatchInlineSnapshot(`
      "unknown profile "who": the pack "tiny" has nice-ng59, acp-2017
      "
    `);
  });

  it("a --profile holding terminal escapes, printed escaped and cut", async () => {
    const hostile = `\u001b]0;owned\u0007\u001b[2J${"x".repeat(5000)}`;
    const text = await failure(["explain", ACUTE, "--rules", TINY, "--profile", hostile]);
    // eslint-disable-next-line no-control-regex -- the control characters are what must be absent
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(text).toContain('unknown profile "\\u{1b}]0;owned\\u{7}\\u{1b}[2Jxxx');
    expect(text.length).toBeLessThan(2100);
  });

  it("a broken rule folder", async () => {
    expect(await failure(["explain", ACUTE, "--rules", BROKEN])).toContain(`${BROKEN}/`);
  });

  it("a wrong command line", async () => {
    expect(await failure(["explain"])).toMatchInlineSnapshot(`
      "backplan explain: missing FILE: give one assessment file, or - for standard input; run "backplan explain --help"
      "
    `);
    expect(await failure(["explain", ACUTE, RED_FLAG])).toMatchInlineSnapshot(`
      "backplan explain: explain takes one FILE; found 2; run "backplan explain --help"
      "
    `);
    expect(await failure(["explain", ACUTE, "--format", "html"])).toMatchInlineSnapshot(`
      "backplan explain: --format must be json, text or markdown; found "html"; run "backplan explain --help"
      "
    `);
  });
});

describe("backplan explain (built)", () => {
  beforeAll(requireBuilt);

  it("explains an example through dist/cli/bin.js", async () => {
    const run = await backplan(["explain", "examples/missing-phq9.json", "--format", "json"]);
    expect([run.code, run.stderr]).toEqual([0, ""]);
    const explanation = JSON.parse(run.stdout) as Explanation;
    expect(explanation.summary.status).toBe("incomplete");
    expect(explanation.rules.find((r) => r.rule === "depression-moderate-or-worse")).toMatchObject({
      outcome: "undetermined",
      missing: [{ field: "questionnaires.phq9.items", dataGap: true }],
    });
  });
});
