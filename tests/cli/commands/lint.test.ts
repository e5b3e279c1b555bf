import { appendFile, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempFolder } from "../../node/temp-dir.js";
import { BROKEN, ROOT, TINY, runMain } from "../run-main.js";

const GUARDED = "tests/fixtures/packs/guarded";

const CORPUS = "tests/fixtures/broken-packs";

describe("backplan lint", () => {
  it("exits 0 on a clean pack and prints nothing", async () => {
    expect(await runMain(["lint", TINY])).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("lints the bundled rules/ pack without a folder: no errors", async () => {
    const { code, stdout, stderr } = await runMain(["lint"]);
    expect(code).toBe(0);
    expect(stdout).not.toContain(": error: ");
    expect(stderr).toMatch(/^(0 errors, \d+ warnings?\n)?$/);
  });

  it("prints a finding's hint on the next line, indented", async () => {
    const { code, stdout } = await runMain(["lint", `${CORPUS}/contradiction`]);
    expect(code).toBe(1);
    expect(stdout).toMatchInlineSnapshot(`
      "tests/fixtures/broken-packs/contradiction/rules.yaml:9:11: error: rule "depression-referral": "phq9.total < 5" can never hold together with "phq9.total ≥ 10" (line 8), and all of them must hold
        hint: one of these thresholds or values is probably wrong; if either one is enough, put them in an "any"
      "
    `);
  });

  it("prints every error and warning as file:line:col, sorted, and exits 1", async () => {
    const { code, stdout, stderr } = await runMain(["lint", BROKEN]);
    expect(code).toBe(1);
    expect(stdout).toMatchInlineSnapshot(`
      "tests/cli/fixtures/broken-pack/rules.yaml:7:19: error: rule "misspelt-fact" uses unknown fact "phq9.totl" (did you mean "phq9.total"?)
      tests/cli/fixtures/broken-pack/rules.yaml:22:22: error: rule "unknown-component" adds unknown component "massage-therapy"
      tests/cli/fixtures/broken-pack/rules.yaml:24:16: error: rule "unknown-component" cites unknown evidence "missing-source"
      tests/cli/fixtures/broken-pack/syntax.yaml:3:12: error: line 3 opens "[" and never closes it
        hint: end the line with "]"
      "
    `);
    expect(stderr).toMatchInlineSnapshot(`
      "4 errors, 0 warnings
      "
    `);
  });

  it("exits 0 when there are warnings only", async () => {
    const files = ["pack.yaml", "components.yaml", "evidence.yaml", "rules.yaml"];
    const dir = await tempFolder(
      Object.fromEntries(
        await Promise.all(
          files.map(async (f): Promise<[string, string]> => [f, await readFile(join(ROOT, TINY, f), "utf8")]),
        ),
      ),
    );
    const unused =
      "  - id: massage\n    category: adjunct\n    title: Massage\n    description: Massage.\n    patientText: Massage.\n    details: { sessions: 6 }\n";
    await appendFile(join(dir, "components.yaml"), unused);
    const { code, stdout, stderr } = await runMain(["lint", dir]);
    expect(stdout.replace(dir, "PACK")).toMatchInlineSnapshot(`
      "PACK/components.yaml:24:9: warning: component "massage" is never added or withheld by any rule: expected a rule to add it (or to answer a request for it), or remove it
        hint: add it in a rule's "then.add", or delete it from components.yaml
      "
    `);
    expect([code, stderr]).toEqual([0, "0 errors, 1 warning\n"]);
  });

  it("says a folder is missing or empty, and exits 1", async () => {
    const empty = await tempFolder();
    expect(await runMain(["lint", "no-such-rules"])).toMatchInlineSnapshot(`
      {
        "code": 1,
        "stderr": "1 error, 0 warnings
      ",
        "stdout": "error: rule folder "no-such-rules" does not exist
      ",
      }
    `);
    const none = await runMain(["lint", empty]);
    expect({ ...none, stdout: none.stdout.replace(empty, "EMPTY") }).toMatchInlineSnapshot(`
      {
        "code": 1,
        "stderr": "1 error, 0 warnings
      ",
        "stdout": "error: rule folder "EMPTY" holds no .yaml or .yml files
      ",
      }
    `);
  });

  it("--guards: after the findings, what guards each component, each guard at file:line", async () => {
    const { code, stdout, stderr } = await runMain(["lint", GUARDED, "--guards"]);
    expect([code, stderr]).toEqual([0, ""]);
    expect(stdout).toMatchInlineSnapshot(`
      "education-reassurance (Education and reassurance) is guarded by:
        tests/fixtures/packs/guarded/components.yaml:38: contraindication reassurance-before-screen (Serious pathology not yet excluded)
      spinal-manipulation (Spinal manipulation) is guarded by:
        tests/fixtures/packs/guarded/components.yaml:55: contraindication manipulation-osteoporosis (Osteoporosis)
        tests/fixtures/packs/guarded/components.yaml:60: contraindication manipulation-under-referral (A referral in the plan)
        tests/fixtures/packs/guarded/rules.yaml:32: rule fever (withholds all adjunct components)
        tests/fixtures/packs/guarded/rules.yaml:47: rule manipulation-declined
      "
    `);
    const without = await runMain(["lint", GUARDED]);
    expect(without).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("--guards on a pack with errors: the findings, a blank line, then what the readable files guard", async () => {
    const files = ["pack.yaml", "components.yaml", "evidence.yaml", "rules.yaml"];
    const dir = await tempFolder({
      ...Object.fromEntries(
        await Promise.all(
          files.map(async (f): Promise<[string, string]> => [f, await readFile(join(ROOT, GUARDED, f), "utf8")]),
        ),
      ),
      "broken.yaml": "rules: [\n",
    });
    const { code, stdout } = await runMain(["lint", dir, "--guards"]);
    expect(code).toBe(1);
    const [findings = "", guards = ""] = stdout.split("\n\n");
    expect(findings).toMatch(/broken\.yaml:1:8: error: /);
    expect(guards.replaceAll(dir, "PACK").split("\n").slice(0, 3)).toEqual([
      "education-reassurance (Education and reassurance) is guarded by:",
      "  PACK/components.yaml:38: contraindication reassurance-before-screen (Serious pathology not yet excluded)",
      "spinal-manipulation (Spinal manipulation) is guarded by:",
    ]);
  });

  it("--guards on a pack nothing guards says so", async () => {
    expect((await runMain(["lint", TINY, "--guards"])).stdout).toBe(
      "no component is guarded: no contraindications, and no rule withholds anything\n",
    );
  });
});
