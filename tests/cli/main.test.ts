import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { ASSESSMENTS, ROOT, runMain } from "./run-main.js";

describe("backplan: program options and dispatch", () => {
  it("--help lists the commands, on stdout", async () => {
    const { code, stdout, stderr } = await runMain(["--help"]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(stdout).toMatchInlineSnapshot(`
      "backplan: explained care plans for low back pain, from YAML clinical rules

      Usage: backplan <command> [options]

      Commands:
        recommend  print the care plan for each assessment file
        explain    explain the care plan for one assessment, rule by rule
        lint       validate and check a rule folder
        test       run a rule folder's scenario tests, with their coverage
        fmt        write a rule folder's files in one canonical layout
        rulebook   write a rule pack as a document for clinical sign-off
        impact     show what an edit to a rule pack changes in plans
        serve      serve CDS Hooks 2.0: patient-view cards and a FHIR CarePlan
        bundle     precompile a rule pack into one pack.json for browsers
        plugin     serve the EHR plugin example page under its Content-Security-Policy

      Options:
        -h, --help     show this help
            --version  print the version
            --debug    show the stack trace of an internal error

      Exit codes:
        0   done
        1   lint found errors, or a scenario test failed
        2   invalid assessment, rules or usage
        70  internal error (a bug in backplan: please report it)

      Run "backplan <command> --help" for a command's options.
      Decision support for clinicians, not a diagnosis.
      "
    `);
  });

  it("-h is --help", async () => {
    expect(await runMain(["-h"])).toEqual(await runMain(["--help"]));
  });

  it("--version prints package.json's version", async () => {
    const { version } = JSON.parse(await readFile(`${ROOT}package.json`, "utf8")) as { version: string };
    expect(await runMain(["--version"])).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
  });

  it.each([
    [[], "no command"],
    [["recomend"], "a misspelt command"],
    [["explode"], "an unknown command"],
    [["--verbose"], "an unknown program option"],
    [["--version=2"], "a value for a flag"],
  ])("%j (%s) is a usage error: one line, exit 2", async (argv) => {
    const { code, stdout, stderr } = await runMain(argv);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.split("\n")).toHaveLength(2);
    expect(stderr).toMatch(/run "backplan --help"\n$/);
  });

  it("words usage errors the same way everywhere", async () => {
    const lines = await Promise.all(
      [
        ["recomend"],
        ["explode"],
        [],
        ["--verbose", "lint"],
        ["recommend", "--frmat", "x", "a.json"],
        ["recommend", "--rules"],
        ["lint", "--help=yes"],
        ["lint", "a", "b"],
        ["recommend"],
      ].map(async (argv) => (await runMain(argv)).stderr),
    );
    expect(lines.join("")).toMatchInlineSnapshot(`
      "backplan: unknown command "recomend" (did you mean "recommend"?); run "backplan --help"
      backplan: unknown command "explode" (commands: recommend, explain, lint, test, fmt, rulebook, impact, serve, bundle, plugin); run "backplan --help"
      backplan: missing command; run "backplan --help"
      backplan: unknown option "--verbose"; run "backplan --help"
      backplan recommend: unknown option "--frmat" (did you mean "--format"?); run "backplan recommend --help"
      backplan recommend: option "--rules" needs a value; run "backplan recommend --help"
      backplan lint: option "--help" takes no value; run "backplan lint --help"
      backplan lint: give at most one folder; found 2: a b; run "backplan lint --help"
      backplan recommend: missing FILE: give one or more assessment files, or - for standard input; run "backplan recommend --help"
      "
    `);
  });

  it("an unexpected failure is one line, exit 70, no stack trace", async () => {
    const { code, stdout, stderr } = await runMain(["recommend", "-"], {
      stdin: new Error("disk on fire\nsecond line"),
    });
    expect({ code, stdout, stderr }).toMatchInlineSnapshot(`
      {
        "code": 70,
        "stderr": "internal error: disk on fire (rerun with --debug)
      ",
        "stdout": "",
      }
    `);
  });

  it("--debug shows the stack trace of an unexpected failure", async () => {
    for (const argv of [
      ["--debug", "recommend", "-"],
      ["recommend", "-", "--debug"],
    ]) {
      const { code, stderr } = await runMain(argv, { stdin: new Error("disk on fire") });
      expect(code).toBe(70);
      expect(stderr).toMatch(/^Error: disk on fire\n {4}at /);
    }
  });

  it("--debug changes nothing for an expected problem", async () => {
    const plain = await runMain(["recommend", `${ASSESSMENTS}/out-of-range.json`]);
    expect(await runMain(["recommend", `${ASSESSMENTS}/out-of-range.json`, "--debug"])).toEqual(plain);
  });
});

describe("backplan <command> --help", () => {
  it.each(["recommend", "lint"])(
    "%s --help prints its help on stdout and exits 0, whatever else is given",
    async (name) => {
      const help = await runMain([name, "--help"]);
      expect(help.code).toBe(0);
      expect(help.stderr).toBe("");
      expect(help.stdout).toContain(`Usage: backplan ${name}`);
      expect(await runMain([name, "-h"])).toEqual(help);
      expect(await runMain([name, "x.json", "--help"])).toEqual(help);
    },
  );

  it("recommend --help", async () => {
    expect((await runMain(["recommend", "--help"])).stdout).toMatchInlineSnapshot(`
      "Usage: backplan recommend FILE… [--rules DIR] [--profile NAME] [--format json|text|markdown] [--include-drafts]

      Reads each assessment (JSON or YAML; "-" reads standard input), runs the rules
      on it and prints its plan. With several files, json prints an array of plans. If
      any file is invalid, no plan is printed.

      Options:
            --rules DIR       rule folder (default: the bundled rules/ pack)
            --profile NAME    guideline profile, e.g. acp-2017 (default: the pack's)
            --format FORMAT   json (default), text or markdown
            --include-drafts  also run draft rules: to try them out, never for care
            --debug           show the stack trace of an internal error
        -h, --help            show this help

      Exit codes:
        0  plan printed
        2  invalid assessment, rules or usage: problems on stderr, nothing on stdout
      "
    `);
  });

  it("lint --help", async () => {
    expect((await runMain(["lint", "--help"])).stdout).toMatchInlineSnapshot(`
      "Usage: backplan lint [DIR] [--today YYYY-MM-DD] [--guards]

      Validates every file of the rule folder DIR (default: the bundled rules/ pack)
      against its schema and checks what refers to what: rule, component, evidence and
      fact names, value types, review dates (a review due before --today is a
      warning). Then what the rules mean, proven from the facts' ranges and values: a
      condition that can never hold, or holds for every value; a rule that can never
      change a plan (it only fires with a halting rule of higher priority); an
      addition a rule of higher priority always withholds; adding and withholding one
      component at one priority; rules of one priority giving one component different
      details (but urgency: the most urgent wins); repeated or equivalent conditions;
      thresholds outside a fact's range or between whole numbers; contraindications,
      checked as conditions are, with ids unique across the pack; unused components
      and evidence, and evidence without a DOI or URL. Prints each problem on one
      line, sorted by file and position, with what to do about it on the next, and a
      count of errors and warnings on stderr; a clean folder prints nothing:

        file:line:col: error|warning: message
          hint: what to do

      With --guards, then prints what guards each component that anything guards: its
      contraindications and the rules that withhold it or its whole category (retired
      rules guard nothing), each where it is written:

        component (Title) is guarded by:
          file:line: contraindication ID (Title)
          file:line: rule ID (withholds all CATEGORY components)

      Options:
            --today YYYY-MM-DD  date to judge reviews due against (default: today)
            --guards            also print what guards each component, and where
            --debug             show the stack trace of an internal error
        -h, --help              show this help

      Exit codes:
        0  no errors (there may be warnings)
        1  errors found
        2  invalid command line
      "
    `);
  });

  it("keeps help within 80 columns, but for the synopsis", async () => {
    for (const argv of [["--help"], ["recommend", "--help"], ["lint", "--help"]]) {
      const long = (await runMain(argv)).stdout
        .split("\n")
        .filter((line) => line.length > 80 && !line.startsWith("Usage:"));
      expect(long).toEqual([]);
    }
  });
});
