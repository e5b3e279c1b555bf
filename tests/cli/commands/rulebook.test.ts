import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { smallPackFiles } from "../../authoring/rulebook/small-pack.js";
import { tempFolder } from "../../node/temp-dir.js";
import { BROKEN, ROOT, runMain, TINY } from "../run-main.js";

/** A folder holding the small test pack (with a failing scenario when asked). */
async function smallPackFolder(failing = false): Promise<string> {
  return tempFolder(Object.fromEntries(smallPackFiles({ failing }).map((f) => [f.path, f.text])));
}

describe("backplan rulebook", () => {
  it("writes the HTML rulebook of a folder and says so on stdout", async () => {
    const out = join(await tempFolder(), "book.html");
    const run = await runMain(["rulebook", TINY, "--out", out]);
    expect([run.code, run.stderr]).toEqual([0, ""]);
    expect(run.stdout).toBe(`wrote ${out}: 3 rules, 1 scenario tests\n`);
    const html = await readFile(out, "utf8");
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain("<title>Rulebook: tiny 1.0.0</title>");
    expect(html).toContain('<p class="sentence">When saddle anaesthesia: add “Emergency referral”; halt the plan.</p>');
  });

  it("writes Markdown for .md, the same bytes every time", async () => {
    const dir = await tempFolder();
    const runs = await Promise.all(
      ["a.md", "b.MD"].map((name) => runMain(["rulebook", TINY, "--out", join(dir, name)])),
    );
    expect(runs.map((r) => r.code)).toEqual([0, 0]);
    const [a, b] = await Promise.all(["a.md", "b.MD"].map((name) => readFile(join(dir, name), "utf8")));
    expect(a).toBe(b);
    expect(a).toMatch(/^# Rulebook: tiny 1\.0\.0\n/);
  });

  it("resolves --out against the working folder", async () => {
    const cwd = await tempFolder();
    const run = await runMain(["rulebook", join(ROOT, TINY), "--out", "book.md"], { cwd });
    expect(run.code).toBe(0);
    expect(await readFile(join(cwd, "book.md"), "utf8")).toContain("# Rulebook: tiny");
  });

  it("shows drafts as running with --include-drafts, with a warning in the document", async () => {
    const dir = await smallPackFolder();
    const out = join(dir, "book.md");
    expect((await runMain(["rulebook", dir, "--out", out, "--include-drafts"])).code).toBe(0);
    const markdown = await readFile(out, "utf8");
    expect(markdown).toContain("This rulebook includes 1 draft rule as if they ran (new-idea)");
    expect(markdown).toContain("\n#### A draft (draft)\n"); // under its topic, as it runs
    expect(markdown).toContain("\n### A retired rule (retired)\n"); // among the inactive rules
  });

  it("still writes the rulebook when scenarios fail, and counts them on stderr", async () => {
    const dir = await smallPackFolder(true);
    const run = await runMain(["rulebook", dir, "--out", join(dir, "book.html")]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatchInlineSnapshot(`
      "warning: 1 failed and 0 invalid scenario tests, shown in the rulebook
      "
    `);
  });

  it("prints the pack's errors and writes nothing for an invalid pack", async () => {
    const out = join(await tempFolder(), "book.html");
    const run = await runMain(["rulebook", BROKEN, "--out", out]);
    expect([run.code, run.stdout]).toEqual([2, ""]);
    expect(run.stderr).toMatch(/^tests\/cli\/fixtures\/broken-pack\/\S+:\d+:\d+: error: /);
    await expect(readFile(out, "utf8")).rejects.toThrow();
  });

  it("rejects a bad command line with exit 2 and one line", async () => {
    const runs = await Promise.all([
      runMain(["rulebook", TINY]),
      runMain(["rulebook", TINY, "--out", "book.pdf"]),
      runMain(["rulebook", TINY, TINY, "--out", "book.md"]),
    ]);
    expect(runs.map((r) => [r.code, r.stdout])).toEqual([
      [2, ""],
      [2, ""],
      [2, ""],
    ]);
    expect(runs.map((r) => r.stderr)).toMatchInlineSnapshot(`
      [
        "backplan rulebook: missing "--out FILE": where to write the rulebook (.html or .md); run "backplan rulebook --help"
      ",
        "backplan rulebook: option "--out" needs a file ending in .html or .md; found "book.pdf"; run "backplan rulebook --help"
      ",
        "backplan rulebook: give at most one folder; found 2: tests/cli/fixtures/tiny-pack tests/cli/fixtures/tiny-pack; run "backplan rulebook --help"
      ",
      ]
    `);
  });

  it("says why it cannot write the file", async () => {
    const dir = await tempFolder({ "taken.md/keep": "" });
    const runs = await Promise.all(
      [join(dir, "missing", "book.md"), join(dir, "taken.md")].map((out) => runMain(["rulebook", TINY, "--out", out])),
    );
    expect(runs).toEqual([
      {
        code: 2,
        stdout: "",
        stderr: `backplan rulebook: cannot write "${join(dir, "missing", "book.md")}": its folder does not exist\n`,
      },
      { code: 2, stdout: "", stderr: `backplan rulebook: cannot write "${join(dir, "taken.md")}": it is a folder\n` },
    ]);
  });
});
