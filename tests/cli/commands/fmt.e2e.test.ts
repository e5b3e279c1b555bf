/**
 * `backplan fmt` as a user runs it: the built `dist/cli/bin.js` in a child process, on a
 * temporary pack. `npm test` builds first; alone, run `npm run build` before this file.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { tempFolder } from "../../node/temp-dir.js";
import { backplan, requireBuilt } from "../run-built.js";

beforeAll(requireBuilt);

describe("backplan fmt (built)", () => {
  it("finds an unformatted file with --check (exit 1), formats it, and then passes --check", async () => {
    const messy = "evidence:\n- finding: F\n  certainty: high\n  citation: C\n  id: e\n";
    const dir = await tempFolder({ "pack/evidence.yaml": messy });

    const check = await backplan(["fmt", "--check", "pack"], { cwd: dir });
    expect(check.code).toBe(1);
    expect(check.stdout).toContain("--- pack/evidence.yaml\n+++ pack/evidence.yaml (formatted)\n@@ ");
    expect(check.stderr).toBe('1 file of 1 not formatted: run "backplan fmt pack" to format it\n');
    expect(await readFile(join(dir, "pack/evidence.yaml"), "utf8")).toBe(messy);

    expect(await backplan(["fmt", "pack"], { cwd: dir })).toEqual({
      code: 0,
      stdout: "pack/evidence.yaml\n",
      stderr: "formatted 1 file of 1\n",
    });
    expect(await readFile(join(dir, "pack/evidence.yaml"), "utf8")).toBe(
      "evidence:\n  - id: e\n    citation: C\n    finding: F\n    certainty: high\n",
    );
    expect(await backplan(["fmt", "--check", "pack"], { cwd: dir })).toEqual({ code: 0, stdout: "", stderr: "" });
  });
});
