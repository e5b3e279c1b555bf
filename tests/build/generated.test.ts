import { fileURLToPath } from "node:url";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);

describe("generated validators and types", () => {
  it("match schemas/ (fails when a schema changed without `npm run generate`)", async () => {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", "src/build/generate.ts", "--check"], {
      cwd: fileURLToPath(new URL("../../", import.meta.url)),
    });
    expect(stderr).toBe("");
    expect(stdout).toBe("");
  });
});
