/**
 * `backplan rulebook` as a user runs it: the built `dist/cli/bin.js` in a child process, on the
 * bundled pack. `npm test` builds first; alone, run `npm run build` before this file.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { tempFolder } from "../../node/temp-dir.js";
import { backplan, requireBuilt } from "../run-built.js";

beforeAll(requireBuilt);

describe("backplan rulebook (built)", () => {
  it("writes the bundled pack's rulebook as HTML and as Markdown, the same for the same pack", async () => {
    const dir = await tempFolder();
    const runs = await Promise.all(
      ["book.html", "book.md"].map((name) => backplan(["rulebook", "--out", join(dir, name)])),
    );
    for (const run of runs) expect([run.code, run.stderr]).toEqual([0, ""]);
    expect(runs[0]?.stdout).toMatch(/^wrote .*book\.html: \d+ rules, \d+ scenario tests\n$/);
    const page = await readFile(join(dir, "book.html"), "utf8");
    expect(page).toContain("<title>Rulebook: backplan-lbp ");
    expect(page).toContain(
      '<p class="sentence">When PHQ-9 total ≥ 10: add “Mental health referral” (urgency: routine)',
    );
    expect(page).toContain('href="https://doi.org/');
    const markdown = await readFile(join(dir, "book.md"), "utf8");
    expect(markdown).toMatch(/^# Rulebook: backplan-lbp /);
    expect(markdown).toContain("| Reviewer (name and role) | Date | Signature | Decision / comments |");
  });

  it("fails with exit 2 and nothing on stdout for an unknown extension", async () => {
    const run = await backplan(["rulebook", "--out", "rulebook.txt"]);
    expect(run).toEqual({
      code: 2,
      stdout: "",
      stderr:
        'backplan rulebook: option "--out" needs a file ending in .html or .md; found "rulebook.txt"; run "backplan rulebook --help"\n',
    });
  });
});
