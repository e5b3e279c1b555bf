/**
 * `backplan fmt` as a user runs it: the built `dist/cli/bin.js` in a child process, on a
 * temporary pack. `npm test` builds first; alone, run `npm run build` before this file.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { tempFolder } from "../../node/temp-dir.js";
import { ROOT } from "../run-main.js";

const BIN = join(ROOT, "dist/cli/bin.js");

function backplan(args: readonly string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [BIN, ...args], { cwd, timeout: 30_000 }, (error, stdout, stderr) => {
      if (error !== null && typeof error.code !== "number")
        reject(new Error(`could not run backplan: ${error.message}`, { cause: error }));
      else resolve({ code: error === null ? 0 : Number(error.code), stdout, stderr });
    });
  });
}

beforeAll(() => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run "npm run build" first (npm test does)`);
});

describe("backplan fmt (built)", () => {
  it("finds an unformatted file with --check (exit 1), formats it, and then passes --check", async () => {
    const messy = "evidence:\n- finding: F\n  certainty: high\n  citation: C\n  id: e\n";
    const dir = await tempFolder({ "pack/evidence.yaml": messy });

    const check = await backplan(["fmt", "--check", "pack"], dir);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain("--- pack/evidence.yaml\n+++ pack/evidence.yaml (formatted)\n@@ ");
    expect(check.stderr).toBe('1 file of 1 not formatted: run "backplan fmt pack" to format it\n');
    expect(await readFile(join(dir, "pack/evidence.yaml"), "utf8")).toBe(messy);

    expect(await backplan(["fmt", "pack"], dir)).toEqual({
      code: 0,
      stdout: "pack/evidence.yaml\n",
      stderr: "formatted 1 file of 1\n",
    });
    expect(await readFile(join(dir, "pack/evidence.yaml"), "utf8")).toBe(
      "evidence:\n  - id: e\n    citation: C\n    finding: F\n    certainty: high\n",
    );
    expect(await backplan(["fmt", "--check", "pack"], dir)).toEqual({ code: 0, stdout: "", stderr: "" });
  });
});
