/**
 * The built command in a child process (`node dist/cli/bin.js`), as a user runs it: the end-to-end
 * files' one way to run it, where `runMain` (run-main.ts) runs `main` in this process. `npm test`
 * builds first; alone, run `npm run build` before a file that uses it.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { ROOT, type Run } from "./run-main.js";

const BIN = join(ROOT, "dist/cli/bin.js");

/**
 * Fails with what to do when the CLI is not built: for a file's `beforeAll`, so a missing build
 * reads as one message rather than every run failing on its own.
 */
export function requireBuilt(): void {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run "npm run build" first (npm test does)`);
}

/**
 * Runs the built CLI with `args` in `cwd` (the repository root unless given, so paths read as a
 * user types them), feeding `stdin` (nothing unless given). A non-zero exit is a result, not an
 * error; only a child that could not run or was killed rejects.
 * @example const { code, stdout } = await backplan(["lint", "rules"]);
 */
export function backplan(args: readonly string[], options: { cwd?: string; stdin?: string } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [BIN, ...args],
      // The slowest run (impact on a 3,000-assessment cohort) takes seconds alone and much longer
      // on a loaded machine; the test's own 60 s limit is the one that should speak first.
      { cwd: options.cwd ?? ROOT, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error !== null && typeof error.code !== "number")
          reject(new Error(`could not run backplan: ${error.message}`, { cause: error }));
        else resolve({ code: error === null ? 0 : Number(error.code), stdout, stderr });
      },
    );
    child.stdin?.end(options.stdin ?? "");
  });
}
