import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatRuleFile } from "../../../src/authoring/format/index.js";
import { compileRuleset } from "../../../src/core/load/index.js";
import { readRuleFiles } from "../../../src/node/index.js";
import { minimalPack } from "../../arbitraries/ruleset.js";
import { packDecisions, parsedData } from "../../authoring/format/format-helpers.js";
import { tempFolder } from "../../node/temp-dir.js";
import { ROOT, runMain } from "../run-main.js";

const MESSY_RULES = `# yaml-language-server: $schema=../schemas/rules.schema.json
rules:
- title: Education for everyone
  id: education-for-all
  when:
    fact: chronicity
    operator: in
    value: [acute, subacute, chronic]
  priority: 100
  then:
    add:
    - reason: Everyone is told about the favourable course
      component: education-reassurance
  evidence:
  - nice-ng59
`;

/** A temporary folder holding `pack/`: the minimal pack, formatted, with `files` swapped in. */
async function packFolder(files: Readonly<Record<string, string>> = {}): Promise<string> {
  const formatted = minimalPack().map(({ path, text }) => {
    const result = formatRuleFile(path, text);
    if (!result.ok) throw new Error(`minimal pack file ${path} does not format`);
    return [`pack/${path}`, result.value] as const;
  });
  const swapped = Object.entries(files).map(([path, text]) => [`pack/${path}`, text] as const);
  return tempFolder(Object.fromEntries([...formatted, ...swapped]));
}

describe("backplan fmt --check", () => {
  it("shows each file that is not formatted with a short diff, writes nothing, and exits 1", async () => {
    const dir = await packFolder({ "psych.yaml": MESSY_RULES });
    const run = await runMain(["fmt", "--check", "pack"], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatchInlineSnapshot(`
      "--- pack/psych.yaml
      +++ pack/psych.yaml (formatted)
      @@ -1,15 +1,11 @@
       # yaml-language-server: $schema=../schemas/rules.schema.json
       rules:
      -- title: Education for everyone
      -  id: education-for-all
      -  when:
      -    fact: chronicity
      -    operator: in
      -    value: [acute, subacute, chronic]
      -  priority: 100
      -  then:
      -    add:
      -    - reason: Everyone is told about the favourable course
      -      component: education-reassurance
      -  evidence:
      -  - nice-ng59
      +  - id: education-for-all
      +    title: Education for everyone
      +    priority: 100
      +    when: { fact: chronicity, operator: in, value: [acute, subacute, chronic] }
      +    then:
      +      add:
      +        - component: education-reassurance
      +          reason: Everyone is told about the favourable course
      +    evidence: [nice-ng59]
      "
    `);
    expect(run.stderr).toMatchInlineSnapshot(`
      "1 file of 5 not formatted: run "backplan fmt pack" to format it
      "
    `);
    expect(await readFile(join(dir, "pack/psych.yaml"), "utf8")).toBe(MESSY_RULES);
  });

  it("prints nothing and exits 0 on a formatted folder", async () => {
    const dir = await packFolder();
    expect(await runMain(["fmt", "--check", "pack"], { cwd: dir })).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  // Passes once the lead has run `backplan fmt` on rules/ (the bundled pack is formatted by hand until then).
  it("passes on the bundled rules/ pack", async () => {
    const run = await runMain(["fmt", "--check"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
  });
});

describe("backplan fmt", () => {
  it("rewrites the files that change, lists them, and leaves them formatted", async () => {
    const dir = await packFolder({ "psych.yaml": MESSY_RULES });
    const run = await runMain(["fmt", "pack"], { cwd: dir });
    expect(run).toMatchInlineSnapshot(`
      {
        "code": 0,
        "stderr": "formatted 1 file of 5
      ",
        "stdout": "pack/psych.yaml
      ",
      }
    `);
    expect(await readFile(join(dir, "pack/psych.yaml"), "utf8")).toMatchInlineSnapshot(`
      "# yaml-language-server: $schema=../schemas/rules.schema.json
      rules:
        - id: education-for-all
          title: Education for everyone
          priority: 100
          when: { fact: chronicity, operator: in, value: [acute, subacute, chronic] }
          then:
            add:
              - component: education-reassurance
                reason: Everyone is told about the favourable course
          evidence: [nice-ng59]
      "
    `);
    expect(await runMain(["fmt", "pack"], { cwd: dir })).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("formats a copy of the bundled pack without changing what any file says or what the pack decides", async () => {
    const before = await readRuleFiles(join(ROOT, "rules"));
    const dir = await tempFolder(Object.fromEntries(before.map((file) => [`rules/${file.path}`, file.text])));
    expect((await runMain(["fmt", "rules"], { cwd: dir })).code).toBe(0);
    const after = await readRuleFiles(join(dir, "rules"));
    expect(after.map((file) => file.path)).toEqual(before.map((file) => file.path));
    after.forEach((file, i) => {
      expect(parsedData(file.text), file.path).toEqual(parsedData(before[i]?.text ?? ""));
    });
    expect(packDecisions(compileRuleset(after))).toEqual(packDecisions(compileRuleset(before)));
  });

  it("reports a file that does not parse at file:line:col, writes nothing, and exits 2", async () => {
    const dir = await packFolder({ "psych.yaml": MESSY_RULES, "broken.yaml": "rules:\n  - id: a\n   title: b\n" });
    const run = await runMain(["fmt", "pack"], { cwd: dir });
    expect(run).toMatchInlineSnapshot(`
      {
        "code": 2,
        "stderr": "pack/broken.yaml:3:4: error: line 3 is indented 3 spaces; the lines around it use 4
        hint: YAML reads what belongs together from the indentation: start the line after 4 spaces
      1 file could not be formatted: nothing was written
      ",
        "stdout": "",
      }
    `);
    expect(await readFile(join(dir, "pack/psych.yaml"), "utf8")).toBe(MESSY_RULES);
  });

  it("reports a folder it cannot read, and a bad command line, with exit 2", async () => {
    const dir = await tempFolder();
    expect(await runMain(["fmt", "missing"], { cwd: dir })).toMatchInlineSnapshot(`
      {
        "code": 2,
        "stderr": "error: rule folder "missing" does not exist
      ",
        "stdout": "",
      }
    `);
    expect(await runMain(["fmt", "a", "b"], { cwd: dir })).toMatchInlineSnapshot(`
      {
        "code": 2,
        "stderr": "backplan fmt: give at most one folder; found 2: a b; run "backplan fmt --help"
      ",
        "stdout": "",
      }
    `);
  });

  it("keeps the comments, scalars and modeline of a file it rewrites", async () => {
    const text = `# yaml-language-server: $schema=../schemas/evidence.schema.json
# Sources.
evidence:
  # guideline
  - finding: >-
      Self-management
      and exercise.
    certainty: guideline # graded
    citation: "NICE NG59"
    id: nice-ng59
`;
    const dir = await packFolder({ "evidence.yaml": text });
    expect((await runMain(["fmt", "pack"], { cwd: dir })).code).toBe(0);
    expect(await readFile(join(dir, "pack/evidence.yaml"), "utf8")).toMatchInlineSnapshot(`
      "# yaml-language-server: $schema=../schemas/evidence.schema.json
      # Sources.
      evidence:
        # guideline
        - id: nice-ng59
          citation: "NICE NG59"
          finding: >-
            Self-management
            and exercise.
          certainty: guideline # graded
      "
    `);
  });
});
