import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { tempFolder } from "../node/temp-dir.js";
import { ROOT } from "./run-main.js";

/** Registers a load hook that appends each module's URL to the file named by BACKPLAN_MODULE_LOG. */
const HOOKS = `
import { appendFileSync } from "node:fs";
export async function load(url, context, next) {
  appendFileSync(process.env.BACKPLAN_MODULE_LOG, url + "\\n");
  return next(url, context);
}
`;
const REGISTER = `
import { register } from "node:module";
register(${JSON.stringify("./hooks.mjs")}, import.meta.url);
`;

/**
 * Runs the built CLI (`dist/cli/bin.js`) with `args` from the repository root, and gives what it
 * printed and the URL of every module it loaded, as a module hook in the child process saw them.
 * `npm test` builds first; alone, run `npm run build`.
 */
export async function runBuiltWithModules(args: readonly string[]): Promise<{ stdout: string; modules: string[] }> {
  const dir = await tempFolder({ "hooks.mjs": HOOKS, "register.mjs": REGISTER });
  const log = join(dir, "modules.txt");
  const stdout = await new Promise<string>((resolve, reject) => {
    execFile(
      process.execPath,
      ["--import", pathToFileURL(join(dir, "register.mjs")).href, join(ROOT, "dist/cli/bin.js"), ...args],
      { cwd: ROOT, timeout: 45_000, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, BACKPLAN_MODULE_LOG: log } },
      (error, out, stderr) => {
        if (error === null) resolve(out);
        else reject(new Error(`backplan ${args.join(" ")} failed: ${stderr}`, { cause: error }));
      },
    );
  });
  const modules = (await readFile(log, "utf8")).split("\n").filter((url) => url !== "");
  return { stdout, modules };
}
