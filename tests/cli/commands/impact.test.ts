import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateCohort } from "../../../src/authoring/cohort/index.js";
import type { ImpactReport } from "../../../src/authoring/impact/index.js";
import { tempFolder } from "../../node/temp-dir.js";
import { BROKEN, FIXTURES, ROOT, runMain } from "../run-main.js";

const PASS = `${FIXTURES}/scenarios-pass`;
const TIMING = /^impact: [\d,]+ assessments planned with both packs in \d+\.\d\d s\n$/;

/** A copy of the pack in `dir` (relative to the repository), with each named file's text edited. */
async function copyOf(dir: string, edits: Readonly<Record<string, (text: string) => string>> = {}): Promise<string> {
  const files: Record<string, string> = {};
  const walk = async (sub: string): Promise<void> => {
    for (const entry of await readdir(join(ROOT, dir, sub), { withFileTypes: true })) {
      const path = sub === "" ? entry.name : `${sub}/${entry.name}`;
      if (entry.isDirectory()) await walk(path);
      else files[path] = await readFile(join(ROOT, dir, path), "utf8");
    }
  };
  await walk("");
  for (const [path, edit] of Object.entries(edits)) {
    const text = files[path];
    if (text === undefined) throw new Error(`no ${path} in ${dir}`);
    const edited = edit(text);
    if (edited === text) throw new Error(`the edit of ${path} changed nothing`);
    files[path] = edited;
  }
  return tempFolder(files);
}

const raiseDepression = {
  "rules.yaml": (t: string) =>
    t.replace("operator: greaterThanInclusive, value: 10 }", "operator: greaterThanInclusive, value: 12 }"),
};
const hideDigests = (text: string) => text.replace(/sha256:\w+/g, "sha256:…").replace(/\/tmp\/backplan-\w+/g, "<copy>");

describe("backplan impact", () => {
  it("finds no change between a pack and itself, and prints the time on stderr", async () => {
    const { code, stdout, stderr } = await runMain(["impact", "--base", PASS, "--head", PASS, "--cohort", "200"]);
    expect(code).toBe(0);
    expect(stderr).toMatch(TIMING);
    expect(stderr).toContain("impact: 203 assessments");
    expect(hideDigests(stdout)).toMatchInlineSnapshot(`
      "impact of tests/cli/fixtures/scenarios-pass → tests/cli/fixtures/scenarios-pass
        base  tests/cli/fixtures/scenarios-pass  scenarios 1.0.0  sha256:…  4 rules
        head  tests/cli/fixtures/scenarios-pass  scenarios 1.0.0  sha256:…  4 rules
        no rule or catalog component differs
        profile: nice-ng59 (the packs' default)

      scenario tests: no plan changed (of 3)

      cohort (200 generated, seed 1): no plan changed (of 200)
      "
    `);
  });

  it("reports what a threshold edit changes; --fail-on-change exits 1", async () => {
    const edited = await copyOf(PASS, raiseDepression);
    const run = await runMain(["impact", "--base", PASS, "--head", edited, "--cohort", "400", "--seed", "3"]);
    expect(run.code).toBe(0);
    expect(hideDigests(run.stdout)).toMatchInlineSnapshot(`
      "impact of tests/cli/fixtures/scenarios-pass → <copy>
        base  tests/cli/fixtures/scenarios-pass  scenarios 1.0.0  sha256:…  4 rules
        head  <copy>               scenarios 1.0.0  sha256:…  4 rules
        rules modified: depression
        profile: nice-ng59 (the packs' default)

      scenario tests: no plan changed (of 3)

      cohort (400 generated, seed 3): 7 of 400 plans changed (1.8%)
        urgency
          routine → none  7
            #93 phq9.total=10
            #120 phq9.total=10
            #299 phq9.total=11
        components removed
          mental-health-referral  7
            #93 phq9.total=10
            #120 phq9.total=10
            #299 phq9.total=11
        rule outcomes
          depression: fired → not-fired  7
            #93 phq9.total=10
            #120 phq9.total=10
            #299 phq9.total=11
      "
    `);
    const failing = await runMain(["impact", "--base", PASS, "--head", edited, "--cohort", "50", "--fail-on-change"]);
    expect(failing.code).toBe(1);
    const unchanged = await runMain(["impact", "--base", PASS, "--head", PASS, "--cohort", "50", "--fail-on-change"]);
    expect(unchanged.code).toBe(0);
  });

  it("prints a stable JSON report with --format json", async () => {
    const edited = await copyOf(PASS, raiseDepression);
    const args = ["impact", "--base", PASS, "--head", edited, "--cohort", "300", "--format", "json", "--examples", "1"];
    const [first, second] = [await runMain(args), await runMain(args)];
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(second.stdout);
    const report = JSON.parse(first.stdout) as ImpactReport;
    expect(Object.keys(report)).toEqual(["base", "head", "profile", "edits", "scenarios", "cohort"]);
    expect(report.base).toMatchObject({ label: PASS, name: "scenarios", rules: 4 });
    expect(report.cohort.source).toEqual({ kind: "generated", size: 300, seed: 1 });
    expect(report.edits.rules.modified).toEqual(["depression"]);
    expect(report.cohort.componentsRemoved.map((t) => [t.component, t.examples.length])).toEqual([
      ["mental-health-referral", 1],
    ]);
    expect(report.scenarios).toMatchObject({ assessments: 3, changed: 0 });
  });

  it("reads a cohort from a file: JSON lines, a JSON array or a YAML list", async () => {
    const people = generateCohort(3, 1);
    const dir = await tempFolder({
      "visits.jsonl": people.map((p) => JSON.stringify(p)).join("\n") + "\n",
      "visits.json": JSON.stringify(people),
      "visits.yaml":
        "- { patient: { age: 40 }, pain: { durationWeeks: 2 }, questionnaires: { phq9: { total: 11 } } }\n",
    });
    const edited = await copyOf(PASS, raiseDepression);
    for (const file of ["visits.jsonl", "visits.json"]) {
      const run = await runMain(["impact", "--base", PASS, "--head", PASS, "--cohort", join(dir, file)]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain(`cohort (3 from ${join(dir, file)}): no plan changed (of 3)`);
    }
    const yaml = await runMain(["impact", "--base", join(ROOT, PASS), "--head", edited, "--cohort", "visits.yaml"], {
      cwd: dir,
    });
    expect(yaml.stdout).toContain("cohort (1 from visits.yaml): 1 of 1 plans changed (100.0%)");
  });

  it("refuses a cohort file unless every assessment in it is valid, naming each problem", async () => {
    const good = JSON.stringify({ patient: { age: 40 }, pain: { durationWeeks: 2 } });
    const dir = await tempFolder({
      "visits.jsonl": `${good}\n\n{"patient":{"age":4},"pain":{"durationWeeks":2}}\n{"patient":{"age":40}}\n`,
      "visits.json": `[${good}, {"patient":{"age":40},"pain":{"durationWeeks":2},"phq9":{}}]`,
      "broken.jsonl": `${good}\n{"patient":\n`,
      "object.json": good,
    });
    const run = (file: string) => runMain(["impact", "--base", join(ROOT, PASS), "--cohort", file], { cwd: dir });
    const lines = async (file: string) => {
      const { code, stdout, stderr } = await run(file);
      expect([code, stdout]).toEqual([2, ""]);
      return stderr;
    };
    expect(await lines("visits.jsonl")).toMatchInlineSnapshot(`
      "visits.jsonl:3: patient.age: 4 is out of range 16–120
      visits.jsonl:4: pain: required field is missing
      visits.jsonl: 2 of 3 assessments are invalid; the impact needs every one valid
      "
    `);
    expect(await lines("visits.json")).toMatchInlineSnapshot(`
      "visits.json: assessment 2: phq9: unknown field (did you mean "questionnaires.phq9"?)
      visits.json: 1 of 2 assessments are invalid; the impact needs every one valid
      "
    `);
    expect(await lines("broken.jsonl")).toMatchInlineSnapshot(`
      "broken.jsonl:2:12: error: invalid JSON: unexpected end of JSON input
      "
    `);
    expect(await lines("object.json")).toMatchInlineSnapshot(`
      "object.json: expected a list of assessments (a JSON array, JSON lines or a YAML list)
      "
    `);
    expect(await lines("missing.jsonl")).toMatchInlineSnapshot(`
      "missing.jsonl: file does not exist
      "
    `);
  });

  it("still reports when an edit breaks the head's scenario tests, and says so", async () => {
    const removed = await copyOf(PASS, {
      "rules.yaml": (t) => t.replace(/ {2}- id: depression\n[\s\S]*?evidence: \[nice-ng59\]\n\n/, ""),
    });
    const { code, stdout, stderr } = await runMain(["impact", "--base", PASS, "--head", removed, "--cohort", "100"]);
    expect(code).toBe(0);
    expect(stderr.replace(/\/tmp\/backplan-\w+/g, "<copy>").split("\n")[0]).toMatchInlineSnapshot(
      `"<copy>: its scenario tests do not load (1 error; run "backplan lint <copy>"): the impact leaves their assessments out"`,
    );
    expect(stdout).toContain("rules removed: depression");
    expect(stdout).toContain("scenario tests: 2 of 3 plans changed");
  });

  it("runs the head's draft rules with --include-drafts, the base's never", async () => {
    const drafted = await copyOf(PASS, {
      "rules.yaml": (t) => t.replace("  - id: depression\n", "  - id: depression\n    status: draft\n"),
    });
    const without = await runMain(["impact", "--base", drafted, "--head", drafted, "--cohort", "100"]);
    expect(without.stdout).toContain("no rule or catalog component differs");
    const run = await runMain(["impact", "--base", drafted, "--head", drafted, "--cohort", "100", "--include-drafts"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("rules added: depression");
    expect(run.stdout).toMatch(/components added\n {4}mental-health-referral {2}\d+/);
  });

  it("exits 2 with the errors of a pack that does not compile, and nothing on stdout", async () => {
    const { code, stdout, stderr } = await runMain(["impact", "--base", BROKEN, "--head", PASS, "--cohort", "10"]);
    expect([code, stdout]).toEqual([2, ""]);
    expect(stderr).toMatch(/^tests\/cli\/fixtures\/broken-pack\/\S+:\d+:\d+: error: /);
  });

  it("exits 2 for a profile a pack lacks", async () => {
    expect(await runMain(["impact", "--base", PASS, "--head", PASS, "--profile", "acp"])).toMatchInlineSnapshot(`
      {
        "code": 2,
        "stderr": "unknown profile "acp": the pack in tests/cli/fixtures/scenarios-pass has nice-ng59, acp-2017
      ",
        "stdout": "",
      }
    `);
  });

  it("exits 2 for a bad command line, saying what was wrong", async () => {
    const usage = async (...args: string[]) => {
      const { code, stdout, stderr } = await runMain(["impact", ...args]);
      expect([code, stdout]).toEqual([2, ""]);
      return stderr;
    };
    expect(await usage()).toMatchInlineSnapshot(`
      "backplan impact: missing --base DIR: the rule folder before the edit; run "backplan impact --help"
      "
    `);
    expect(await usage("--base", PASS, "extra")).toMatchInlineSnapshot(`
      "backplan impact: unexpected argument "extra"; run "backplan impact --help"
      "
    `);
    expect(await usage("--base", PASS, "--format", "xml")).toMatchInlineSnapshot(`
      "backplan impact: --format must be text or json; found "xml"; run "backplan impact --help"
      "
    `);
    expect(await usage("--base", PASS, "--cohort", "2000000")).toMatchInlineSnapshot(`
      "backplan impact: --cohort must be a whole number from 0 to 1000000; found "2000000"; run "backplan impact --help"
      "
    `);
    expect(await usage("--base", PASS, "--examples", "1.5")).toMatchInlineSnapshot(`
      "backplan impact: --examples must be a whole number from 0 to 100; found "1.5"; run "backplan impact --help"
      "
    `);
    expect(await usage("--base", PASS, "--seed", "99999999999")).toMatchInlineSnapshot(`
      "backplan impact: --seed must be a whole number from 0 to 4294967295; found "99999999999"; run "backplan impact --help"
      "
    `);
    expect(await usage("--base", PASS, "--cohort", "visits.json", "--seed", "2")).toMatchInlineSnapshot(`
      "backplan impact: --seed applies to a generated cohort (--cohort N); run "backplan impact --help"
      "
    `);
    expect(await usage("--base", PASS, "--workers", "65")).toMatchInlineSnapshot(`
      "backplan impact: --workers must be a whole number from 0 to 64; found "65"; run "backplan impact --help"
      "
    `);
    expect(await usage("--base", PASS, "--workers", "x")).toMatchInlineSnapshot(`
      "backplan impact: --workers must be a whole number from 0 to 64; found "x"; run "backplan impact --help"
      "
    `);
  });
});
