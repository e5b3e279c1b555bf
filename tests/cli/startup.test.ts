/**
 * What the built CLI loads to plan: `backplan recommend` runs from the CLI bundle
 * (`dist/cli-bundle/`, src/build/bundle-cli.ts), loading its own command's chunk, neither the
 * service (hono, jose, the serve app) nor the other commands, nor the rule checker an unedited
 * bundled pack does not need. A module hook in the child process records every module URL it
 * loads. `npm test` builds first; alone, run `npm run build`.
 */
import { describe, expect, it } from "vitest";
import { runBuiltWithModules } from "./recommend-modules.js";

async function modulesLoadedBy(args: readonly string[]): Promise<string[]> {
  return (await runBuiltWithModules(args)).modules;
}

/** The module's path from the repository's dist/, or its URL when it is not in dist/. */
function inDist(url: string): string {
  return /\/dist\/(.*)$/.exec(url)?.[1] ?? url;
}

describe("backplan recommend, as built", () => {
  it("loads the bundle's start and recommend chunk: neither the service, nor the other commands, nor the checker", async () => {
    const modules = (await modulesLoadedBy(["recommend", "examples/chronic-high-risk.yaml"])).filter(
      (url) => !url.startsWith("node:"),
    );
    expect(modules.filter((url) => url.includes("/node_modules/"))).toEqual([]);
    const project = modules.map(inDist);
    expect(project.filter((path) => !path.startsWith("cli-bundle/"))).toEqual(["cli/bin.js", "cli/internal-error.js"]);
    const chunks = project.filter((path) => path.startsWith("cli-bundle/"));
    expect(chunks).toContain("cli-bundle/start.js");
    expect(chunks.filter((path) => /^cli-bundle\/[a-z-]+-\w+\.js$/.test(path) && !path.includes("/chunk-"))).toEqual([
      expect.stringMatching(/^cli-bundle\/recommend-\w+\.js$/),
    ]);
  });
});
