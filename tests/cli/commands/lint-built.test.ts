/**
 * `backplan lint` end to end through the built bin (`npm test` builds first; alone, run
 * `npm run build` before this file): a broken pack's findings and hints, as a user sees them.
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { ROOT } from "../run-main.js";

const PACK = "tests/fixtures/broken-packs/shadowed-by-halt";

it("prints each finding with its hint, the count on stderr, and exits 1 on an error", async () => {
  const run = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve, reject) => {
    execFile(
      process.execPath,
      [join(ROOT, "dist/cli/bin.js"), "lint", PACK],
      { cwd: ROOT, timeout: 45_000 },
      (error, stdout, stderr) => {
        if (error !== null && typeof error.code !== "number") reject(new Error(error.message, { cause: error }));
        else resolve({ code: error === null ? 0 : Number(error.code), stdout, stderr });
      },
    );
  });
  expect(run).toEqual({
    code: 1,
    stdout: readFileSync(join(ROOT, PACK, "expected.txt"), "utf8"),
    stderr: "1 error, 0 warnings\n",
  });
  expect(run.stdout).toContain("\n  hint: give ");
});
