/**
 * What the built CLI loads to plan: `backplan recommend` loads its own command's modules, not the
 * service's (hono, jose, the serve app) nor the other commands'. A module hook in the child
 * process records every module URL it loads. `npm test` builds first; alone, run `npm run build`.
 */
import { describe, expect, it } from "vitest";
import { runBuiltWithModules } from "./recommend-modules.js";

async function modulesLoadedBy(args: readonly string[]): Promise<string[]> {
  return (await runBuiltWithModules(args)).modules;
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
