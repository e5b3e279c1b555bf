import { fileURLToPath } from "node:url";
import { main } from "../../src/cli/main.js";
import type { Io } from "../../src/cli/io.js";

/** The repository root: the working folder of every run, so paths read as a user types them. */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const FIXTURES = "tests/cli/fixtures";
export const TINY = `${FIXTURES}/tiny-pack`;
export const BROKEN = `${FIXTURES}/broken-pack`;
export const ASSESSMENTS = `${FIXTURES}/assessments`;

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `main` with a fake io that records what it writes.
 * @example const { code, stderr } = await runMain(["lint", TINY]);
 */
export async function runMain(
  argv: readonly string[],
  options: { stdin?: string | Error; cwd?: string } = {},
): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const io: Io = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    readStdin: () => {
      if (options.stdin instanceof Error) return Promise.reject(options.stdin);
      return Promise.resolve(options.stdin ?? "");
    },
    cwd: options.cwd ?? ROOT,
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}
