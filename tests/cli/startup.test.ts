/**
 * What the built CLI loads to plan: `backplan recommend` loads its own command's modules, not the
 * service's (hono, jose, the serve app) nor the other commands'. A module hook in the child
 * process records every module URL it loads. `npm test` builds first; alone, run `npm run build`.
 */
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
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

async function modulesLoadedBy(args: readonly string[]): Promise<string[]> {
  const dir = await tempFolder({ "hooks.mjs": HOOKS, "register.mjs": REGISTER });
  const log = join(dir, "modules.txt");
  await new Promise<void>((resolve, reject) => {
    execFile(
      process.execPath,
      ["--import", pathToFileURL(join(dir, "register.mjs")).href, join(ROOT, "dist/cli/bin.js"), ...args],
      { cwd: ROOT, timeout: 45_000, env: { ...process.env, BACKPLAN_MODULE_LOG: log } },
      (error, _stdout, stderr) => {
        if (error === null) resolve();
        else reject(new Error(`backplan ${args.join(" ")} failed: ${stderr}`, { cause: error }));
      },
    );
  });
  return (await readFile(log, "utf8")).split("\n").filter((url) => url !== "");
}

describe("backplan recommend, as built", () => {
  it("loads neither the service nor the other commands", async () => {
    const modules = await modulesLoadedBy(["recommend", "examples/chronic-high-risk.yaml"]);
    const project = modules.filter((url) => url.includes("/dist/") && !url.includes("/node_modules/"));
    expect(modules.filter((url) => /\/node_modules\/(hono|@hono|jose|redis|lodash|ajv)\//.test(url))).toEqual([]);
    expect(project.filter((url) => /\/dist\/serve\//.test(url))).toEqual([]);
    expect(project.filter((url) => /\/dist\/cli\/commands\//.test(url)).map((url) => url.split("/").at(-1))).toEqual([
      "index.js",
      "recommend.js",
    ]);
  });
});
