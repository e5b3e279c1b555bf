/**
 * `backplan plugin` as built (dist/cli/bin.js): one command serves the page under its
 * Content-Security-Policy on 127.0.0.1, says where, and stops cleanly on Ctrl-C; a missing
 * browser bundle or a bad port is one line and exit 2. Needs `npm run build` (npm test does).
 */
import { execFile, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { bundleBrowser } from "../../src/build/bundle-browser.js";
import { PLUGIN_CSP } from "../../src/cli/commands/plugin.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BIN = join(ROOT, "dist/cli/bin.js");

/** Runs the built CLI to its end: exit code and output. */
function run(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = execFile(process.execPath, [BIN, ...args], { cwd: ROOT }, (_error, stdout, stderr) => {
      done({ code: child.exitCode ?? -1, stdout, stderr });
    });
  });
}

describe("backplan plugin (built)", () => {
  let bundleFile = "";
  beforeAll(async () => {
    if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run "npm run build" first (npm test does)`);
    bundleFile = join(await mkdtemp(join(tmpdir(), "backplan-plugin-cmd-")), "backplan.js");
    await writeFile(bundleFile, (await bundleBrowser()).code);
  }, 60_000);

  it("serves the page under its CSP on 127.0.0.1, and stops on SIGINT with exit 0", async () => {
    const child = spawn(process.execPath, [BIN, "plugin", "--port", "0", "--bundle", bundleFile], { cwd: ROOT });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((done) => child.on("exit", done));
    try {
      await expect.poll(() => stdout, { timeout: 30_000 }).toMatch(/Ctrl-C stops it\n$/);
      const origin = /at (http:\/\/127\.0\.0\.1:\d+)\//.exec(stdout)?.[1];
      expect(stdout).toMatch(
        /^backplan plugin: serving the EHR plugin example at http:\/\/127\.0\.0\.1:\d+\/ \(backplan-lbp /,
      );
      if (origin === undefined) throw new Error(`no URL in ${stdout}`);
      const page = await fetch(`${origin}/`);
      expect(page.status).toBe(200);
      expect(page.headers.get("content-security-policy")).toBe(PLUGIN_CSP);
      expect(await page.text()).toContain('<script type="module" src="plugin.js"></script>');
      const pack = (await (await fetch(`${origin}/pack.json`)).json()) as { name?: string };
      expect(pack.name).toBe("backplan-lbp");
      expect((await fetch(`${origin}/backplan.js`)).status).toBe(200);
    } finally {
      child.kill("SIGINT");
    }
    expect(await exited).toBe(0);
    expect(stderr).toBe("backplan plugin: stopped (SIGINT)\n");
  });

  it("says how to build the bundle when there is none, and refuses a bad port, exit 2", async () => {
    const missing = await run(["plugin", "--port", "0", "--bundle", join(tmpdir(), "no-such-backplan.js")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^backplan plugin: no browser bundle at ".*no-such-backplan\.js" \(ENOENT/);
    const port = await run(["plugin", "--port", "http"]);
    expect([port.code, port.stderr]).toEqual([
      2,
      'backplan plugin: --port must be an integer from 0 to 65535; found "http"; run "backplan plugin --help"\n',
    ]);
  });
});
