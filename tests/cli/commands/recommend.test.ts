import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { validatePlan } from "../../../src/core/generated/validators.js";
import type { Plan } from "../../../src/core/index.js";
import { tempFolder } from "../../node/temp-dir.js";
import { ASSESSMENTS, BROKEN, ROOT, TINY, runMain } from "../run-main.js";

const ACUTE = `${ASSESSMENTS}/acute.json`;
const RED_FLAG = `${ASSESSMENTS}/red-flag.yaml`;

function plansOf(stdout: string): Plan[] {
  const parsed: unknown = JSON.parse(stdout);
  const plans = (Array.isArray(parsed) ? parsed : [parsed]) as Plan[];
  for (const plan of plans) expect(validatePlan(plan), JSON.stringify(validatePlan.errors)).toBe(true);
  return plans;
}

describe("backplan recommend: plans", () => {
  it("prints one JSON plan for one file, nothing on stderr", async () => {
    const { code, stdout, stderr } = await runMain(["recommend", ACUTE, "--rules", TINY]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    const [plan] = plansOf(stdout);
    expect(stdout.startsWith("{")).toBe(true);
    expect(stdout.endsWith("}\n")).toBe(true);
    expect(plan?.assessmentId).toBe("acute-1");
    expect(plan?.components.map((c) => c.id)).toEqual(["education-reassurance"]);
  });

  it("prints a JSON array for several files, in the order given", async () => {
    const { code, stdout } = await runMain(["recommend", RED_FLAG, ACUTE, "--rules", TINY]);
    expect(code).toBe(0);
    expect(plansOf(stdout).map((p) => [p.assessmentId, p.status])).toEqual([
      ["red-flag-1", "urgent"],
      ["acute-1", "complete"],
    ]);
  });

  it("prints the same bytes every time", async () => {
    const first = await runMain(["recommend", RED_FLAG, ACUTE, "--rules", TINY]);
    expect(await runMain(["recommend", RED_FLAG, ACUTE, "--rules", TINY])).toEqual(first);
  });

  it('reads standard input for "-", as JSON or YAML', async () => {
    const yaml = await runMain(["recommend", "-", "--rules", TINY], {
      stdin: await readFile(`${ROOT}${RED_FLAG}`, "utf8"),
    });
    expect(yaml.code).toBe(0);
    expect(plansOf(yaml.stdout)[0]?.assessmentId).toBe("red-flag-1");
    const mixed = await runMain(["recommend", ACUTE, "-", "--rules", TINY], {
      stdin: '{"patient": {"age": 30}, "pain": {"durationWeeks": 1}}',
    });
    expect(plansOf(mixed.stdout)).toHaveLength(2);
  });

  it("uses the bundled rules/ pack without --rules", async () => {
    const { code, stdout } = await runMain(["recommend", ACUTE]);
    const pack = await readFile(`${ROOT}rules/pack.yaml`, "utf8");
    expect(code).toBe(0);
    expect(pack).toContain(`name: ${plansOf(stdout)[0]?.ruleset.name}`);
  });

  it("makes the plan under --profile, and under the pack's default without it", async () => {
    const nice = plansOf((await runMain(["recommend", ACUTE, "--rules", TINY])).stdout)[0];
    const acp = plansOf((await runMain(["recommend", ACUTE, "--rules", TINY, "--profile", "acp-2017"])).stdout)[0];
    expect([nice?.profile, acp?.profile]).toEqual(["nice-ng59", "acp-2017"]);
    expect(acp?.components.map((c) => c.id)).toContain("acupuncture");
    expect(nice?.components.map((c) => c.id)).not.toContain("acupuncture");
  });

  it("renders --format text and markdown, several plans one after another", async () => {
    const text = await runMain(["recommend", ACUTE, "--rules", TINY, "--format", "text"]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^Care plan for assessment acute-1 /);
    const markdown = await runMain(["recommend", RED_FLAG, ACUTE, "--rules", TINY, "--format", "markdown"]);
    expect(markdown.code).toBe(0);
    expect(markdown.stdout.split("\n---\n")).toHaveLength(2);
    expect(markdown.stdout).toContain("red-flag-1");
    expect(markdown.stdout).toContain("acute-1");
  });

  it("resolves paths against the working folder and shows them as typed", async () => {
    const { code, stderr } = await runMain(["recommend", "assessments/out-of-range.json", "--rules", "tiny-pack"], {
      cwd: `${ROOT}tests/cli/fixtures`,
    });
    expect(code).toBe(2);
    expect(stderr).toMatchInlineSnapshot(`
      "assessments/out-of-range.json: questionnaires.phq9.total: 30 is out of range 0–27
      "
    `);
  });
});

describe("backplan recommend: problems", () => {
  it("prints every problem of every file, each on one line after the file's name, and no plan at all", async () => {
    const files = [
      "out-of-range.json",
      "unknown-key.yaml",
      "proto.json",
      "malformed.yaml",
      "alias-bomb.yaml",
      "missing.json",
    ];
    const { code, stdout, stderr } = await runMain([
      "recommend",
      ACUTE,
      ...files.map((f) => `${ASSESSMENTS}/${f}`),
      "--rules",
      TINY,
    ]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatchInlineSnapshot(`
      "tests/cli/fixtures/assessments/out-of-range.json: questionnaires.phq9.total: 30 is out of range 0–27
      tests/cli/fixtures/assessments/unknown-key.yaml: phq-9: unknown field (did you mean "questionnaires.phq9"?)
      tests/cli/fixtures/assessments/unknown-key.yaml: pain.intensty: unknown field (did you mean "intensity"?)
      tests/cli/fixtures/assessments/proto.json: __proto__: "__proto__" is not allowed as a key (it could alter object prototypes)
      tests/cli/fixtures/assessments/malformed.yaml:5:1: error: invalid YAML: flow sequence in block collection must be sufficiently indented and end with a ]
      tests/cli/fixtures/assessments/alias-bomb.yaml: YAML aliases expand too far (more than 10 copies); an assessment needs none
      tests/cli/fixtures/assessments/missing.json: file does not exist
      "
    `);
  });

  it("names standard input <stdin>", async () => {
    const { code, stderr } = await runMain(["recommend", "-", "--rules", TINY], {
      stdin: "patient: {age: 12}\npain: {durationWeeks: 1}\n",
    });
    expect(code).toBe(2);
    expect(stderr).toMatchInlineSnapshot(`
      "<stdin>: patient.age: 12 is out of range 16–120
      "
    `);
  });

  it("refuses an assessment over 1 MiB on stdin", async () => {
    const { code, stdout, stderr } = await runMain(["recommend", "-", "--rules", TINY], {
      stdin: `id: ${"x".repeat(1024 * 1024)}\n`,
    });
    expect({ code, stdout, stderr }).toMatchInlineSnapshot(`
      {
        "code": 2,
        "stderr": "<stdin>: file is 1048581 bytes; an assessment may be at most 1 MiB (1048576 bytes)
      ",
        "stdout": "",
      }
    `);
  });

  it("prints the rule pack's errors, not its warnings, and no plan", async () => {
    const { code, stdout, stderr } = await runMain(["recommend", ACUTE, "--rules", BROKEN]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatchInlineSnapshot(`
      "tests/cli/fixtures/broken-pack/rules.yaml:7:19: error: rule "misspelt-fact" uses unknown fact "phq9.totl" (did you mean "phq9.total"?)
      tests/cli/fixtures/broken-pack/rules.yaml:22:22: error: rule "unknown-component" adds unknown component "massage-therapy"
      tests/cli/fixtures/broken-pack/rules.yaml:24:16: error: rule "unknown-component" cites unknown evidence "missing-source"
      tests/cli/fixtures/broken-pack/syntax.yaml:3:12: error: line 3 opens "[" and never closes it
        hint: end the line with "]"
      "
    `);
  });

  it("says a rule folder is missing or empty", async () => {
    const empty = await tempFolder();
    const missing = await runMain(["recommend", ACUTE, "--rules", "no-such-rules"]);
    const none = await runMain(["recommend", ACUTE, "--rules", empty]);
    expect([missing.code, none.code]).toEqual([2, 2]);
    expect(missing.stderr).toMatchInlineSnapshot(`
      "error: rule folder "no-such-rules" does not exist
      "
    `);
    expect(none.stderr.replace(empty, "EMPTY")).toMatchInlineSnapshot(`
      "error: rule folder "EMPTY" holds no .yaml or .yml files
      "
    `);
  });

  it("names the profiles a pack has when --profile is not one of them", async () => {
    const { code, stdout, stderr } = await runMain(["recommend", ACUTE, "--rules", TINY, "--profile", "nice-2016"]);
    expect({ code, stdout, stderr }).toMatchInlineSnapshot(`
      {
        "code": 2,
        "stderr": "unknown profile "nice-2016": the pack "tiny" has nice-ng59, acp-2017
      ",
        "stdout": "",
      }
    `);
  });

  it.each([
    [["--format", "html"], "an unknown format"],
    [["-", "-"], "stdin twice"],
    [["--format"], "a format without a value"],
    [["--rules="], "an empty rule folder name"],
  ])("refuses %j (%s) as a usage error", async (args) => {
    const { code, stdout, stderr } = await runMain(["recommend", ACUTE, ...args]);
    expect([code, stdout]).toEqual([2, ""]);
    expect(stderr).toMatch(/^backplan recommend: .*; run "backplan recommend --help"\n$/);
  });
});
