/**
 * `backplan rulebook --base DIR` on the worked threshold edit (PHQ-9 ≥ 10 raised to ≥ 12 in
 * `depression-moderate-or-worse`, title and reasons to match): the change section lists exactly
 * that rule, before and after, with its figures on the cohort checked against the cohort itself.
 * The edit is made in the bundled-excerpt fixture, which holds the rule as the bundled pack wrote
 * it, so a clinical edit of rules/ cannot break these tests.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generateCohort } from "../../../src/authoring/cohort/index.js";
import type { Assessment } from "../../../src/core/generated/types.js";
import { tempFolder } from "../../node/temp-dir.js";
import { workedEditFolder, WORKED_RULE } from "../../authoring/rulebook/worked-edit.js";
import { ROOT, runMain, TINY } from "../run-main.js";

/** The signed-off pack, as a path from the repository root (runMain's working folder). */
const BASE = "tests/fixtures/packs/bundled-excerpt";
const SIZE = 1500;
const SEED = 11;

/** The PHQ-9 total as the patient's answers give it, worked out here rather than by the engine. */
function phq9Total(assessment: Assessment): number | undefined {
  const phq9 = assessment.questionnaires?.phq9;
  return phq9?.total ?? phq9?.items?.reduce((sum, answer) => sum + answer, 0);
}

/** The text from `<a id="id">` up to `<a id="until">`. */
function between(text: string, id: string, until: string): string {
  const start = text.indexOf(`<a id="${id}"></a>`);
  expect(start).toBeGreaterThan(-1);
  return text.slice(start, text.indexOf(`<a id="${until}"></a>`, start));
}

describe("backplan rulebook --base: the worked threshold edit", async () => {
  const edited = await workedEditFolder(join(ROOT, BASE));
  const out = await tempFolder();
  const [markdownRun, htmlRun] = await Promise.all(
    ["book.md", "book.html"].map((name) =>
      runMain([
        "rulebook",
        edited,
        "--base",
        BASE,
        "--cohort",
        String(SIZE),
        "--seed",
        String(SEED),
        "--out",
        join(out, name),
      ]),
    ),
  );
  const markdown = await readFile(join(out, "book.md"), "utf8");
  const section = between(markdown, "changes", "how-to-read");
  const cohort = generateCohort(SIZE, SEED);
  const totals = cohort.map((a) => phq9Total(a) ?? -1);
  const atLeast = (n: number) => totals.filter((t) => t >= n).length;

  it("writes the book and says how many rules changed", () => {
    for (const run of [markdownRun, htmlRun]) expect(run?.code, run?.stderr).toBe(0);
    expect(markdownRun?.stdout).toBe(
      `wrote ${join(out, "book.md")}: 5 rules, 4 scenario tests, 1 changed since 1.0.0\n`,
    );
  });

  it("lists exactly that rule, with its condition, title and reasons before and after", () => {
    expect(section.match(/^### (Changed|Added|Removed): .*$/gm)).toEqual([
      `### Changed: PHQ-9 ≥ 12 (moderate or worse depression) (\`${WORKED_RULE}\`)`,
    ]);
    const table = section.split("\n").filter((line) => line.startsWith("| ") && !/^\| (Rule|---) /.test(line));
    expect(table.slice(0, 6)).toEqual([
      "| Part | Before (1.0.0) | After |",
      "| Title | PHQ-9 ≥ 10 (moderate or worse depression) | PHQ-9 ≥ 12 (moderate or worse depression) |",
      "| Condition | PHQ-9 total ≥ 10 | PHQ-9 total ≥ 12 |",
      "| Reason for “Mental health referral” | PHQ-9 total ⟨PHQ-9 total⟩ (⟨PHQ-9 severity⟩) ≥ 10: 88% sensitivity and specificity for major depression; assess and treat alongside back pain care | PHQ-9 total ⟨PHQ-9 total⟩ (⟨PHQ-9 severity⟩) ≥ 12: 88% sensitivity and specificity for major depression; assess and treat alongside back pain care |",
      "| Reason for “Psychologically informed physiotherapy” | PHQ-9 total ⟨PHQ-9 total⟩ (⟨PHQ-9 severity⟩) ≥ 10: address low mood and its effect on activity inside the exercise programme | PHQ-9 total ⟨PHQ-9 total⟩ (⟨PHQ-9 severity⟩) ≥ 12: address low mood and its effect on activity inside the exercise programme |",
      "| PHQ-9 ≥ 12 (moderate or worse depression) `depression-moderate-or-worse` | Changed |   |   |   |   |",
    ]);
    expect(section).toMatch(/^## Changes since 1\.0\.0, digest sha256:[0-9a-f]{12}$/m);
  });

  it("gives the rule's figures on the cohort: the plans with a PHQ-9 total of 10 or 11 lose it", () => {
    const lost = totals.filter((t) => t === 10 || t === 11).length;
    expect(lost).toBeGreaterThan(20);
    expect(section).toContain(
      `**On the cohort: fires in ${atLeast(10).toLocaleString("en-US")} → ${atLeast(12).toLocaleString("en-US")} of 1,500 plans; ` +
        `its outcome changes in ${lost} plans.**`,
    );
    // The reasons changed too: every plan holding the rule's components reads differently.
    expect(section).toMatch(
      new RegExp(
        `On a cohort of 1,500 generated assessments \\(seed ${SEED}\\), planned with both packs: \\d+ plans change, ${lost} in what they decide`,
      ),
    );
  });

  it("puts the same section first in the HTML, with a sign-off row to fill in", async () => {
    const html = await readFile(join(out, "book.html"), "utf8");
    expect(html.indexOf('<section id="changes" class="changes">')).toBeLessThan(
      html.indexOf('<section id="how-to-read">'),
    );
    expect(html).toContain(
      '<tr><th>Condition</th><td class="before">PHQ-9 total ≥ <mark>10</mark></td><td class="after">PHQ-9 total ≥ <mark>12</mark></td></tr>',
    );
    expect(html).toContain(
      `<tr><td>PHQ-9 ≥ 12 (moderate or worse depression) <code>${WORKED_RULE}</code></td><td>Changed</td><td></td><td></td><td></td><td></td></tr>`,
    );
  });
});

describe("backplan rulebook --base: the command line", () => {
  it("lists no change against the same pack, and --cohort 0 leaves the figures out", async () => {
    const out = join(await tempFolder(), "book.md");
    const run = await runMain(["rulebook", TINY, "--base", TINY, "--cohort", "0", "--out", out]);
    expect([run.code, run.stderr]).toEqual([0, ""]);
    const markdown = await readFile(out, "utf8");
    expect(between(markdown, "changes", "changes-sign-off")).toContain(
      "(digest sha256:", // the full digest is named in the opening line
    );
    expect(markdown).toContain("): no rule was added, removed or changed.");
    expect(markdown).not.toContain("On a cohort");
  });

  it("rejects --cohort or --seed without --base, and a bad number", async () => {
    const runs = await Promise.all([
      runMain(["rulebook", TINY, "--cohort", "10", "--out", "x.md"]),
      runMain(["rulebook", TINY, "--base", TINY, "--seed", "1.5", "--out", "x.md"]),
    ]);
    expect(runs.map((r) => [r.code, r.stdout])).toEqual([
      [2, ""],
      [2, ""],
    ]);
    expect(runs.map((r) => r.stderr)).toMatchInlineSnapshot(`
      [
        "backplan rulebook: option "--cohort" applies with --base DIR; run "backplan rulebook --help"
      ",
        "backplan rulebook: --seed must be a whole number from 0 to 4294967295; found "1.5"; run "backplan rulebook --help"
      ",
      ]
    `);
  });

  it("prints the pack's errors for an invalid --base", async () => {
    const run = await runMain(["rulebook", TINY, "--base", "tests/cli/fixtures/broken-pack", "--out", "x.md"]);
    expect([run.code, run.stdout]).toEqual([2, ""]);
    expect(run.stderr).toMatch(/^tests\/cli\/fixtures\/broken-pack\/\S+:\d+:\d+: error: /);
  });

  it("rulebook --help", async () => {
    expect((await runMain(["rulebook", "--help"])).stdout).toMatchInlineSnapshot(`
      "Usage: backplan rulebook [DIR] --out FILE [--base DIR] [--cohort N] [--seed S] [--include-drafts]

      Writes the rule pack in DIR (default: the bundled rules/ pack) as one document a
      clinical reviewer can read and sign off: each rule in plain language with its
      reasons, evidence, governance and source line, what its scenario tests showed
      (they are run), the component catalog (each component with its contraindications
      and what guards it) and the evidence catalog, and where the profiles differ.
      FILE ending in .html gives one self-contained, printable page; .md gives
      Markdown. The same pack always gives the same file: it holds no date, only the
      pack's digest. With --base DIR (the signed-off pack), the document opens with
      what changed since it: each rule added, removed or changed, the parts that
      differ (condition, what it does, reasons, evidence, texts, governance) before
      and after, the figures of each on a generated cohort planned with both packs
      (--cohort N assessments, default 10,000, --seed S, default 1, as impact's;
      --cohort 0 leaves the figures out), and a sign-off table with a row per change.

      Options:
            --out FILE        where to write the rulebook: a .html or .md file
            --base DIR        the signed-off pack: open with what changed since it
            --cohort N        with --base: generated cohort size, 0 for none (default 10000)
            --seed S          with --base: the cohort's seed (default 1)
            --include-drafts  also run draft rules: to try them out, never for care
            --debug           show the stack trace of an internal error
        -h, --help            show this help

      Exit codes:
        0  written; failed scenario tests are shown in it and counted on stderr
        2  invalid rules, unwritable FILE or bad command line: problems on stderr
      "
    `);
  });
});
