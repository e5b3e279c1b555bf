import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileRuleset, createEngine } from "../../../src/core/index.js";
import { rulesetFromJson } from "../../../src/core/load/pack-json/index.js";
import { readRuleFiles } from "../../../src/node/index.js";
import { tempFolder } from "../../node/temp-dir.js";
import { BROKEN, ROOT, runMain, TINY } from "../run-main.js";

describe("backplan bundle", () => {
  it("writes a pack.json that loads into the folder's ruleset, digest included", async () => {
    const out = join(await tempFolder(), "pack.json");
    const run = await runMain(["bundle", TINY, "--out", out]);
    expect([run.code, run.stderr]).toEqual([0, ""]);
    const yaml = compileRuleset(await readRuleFiles(join(ROOT, TINY), TINY));
    expect(run.stdout).toBe(`wrote ${out}: tiny 1.0.0 (${yaml.digest.slice(0, 19)}…), 3 rules\n`);
    const loaded = rulesetFromJson(JSON.parse(await readFile(out, "utf8")));
    if (!loaded.ok) throw new Error(loaded.issues.map((i) => i.message).join("\n"));
    expect(loaded.value.digest).toBe(yaml.digest);
    const assessment = { patient: { age: 40 }, pain: { durationWeeks: 2 } };
    expect(createEngine(loaded.value).recommend(assessment)).toEqual(createEngine(yaml).recommend(assessment));
  });

  it("bundles the bundled pack when no folder is given, the same bytes every time", async () => {
    const dir = await tempFolder();
    const runs = await Promise.all(["a.json", "b.json"].map((name) => runMain(["bundle", "--out", join(dir, name)])));
    expect(runs.map((r) => r.code)).toEqual([0, 0]);
    const [a, b] = await Promise.all(["a.json", "b.json"].map((name) => readFile(join(dir, name), "utf8")));
    expect(a).toBe(b);
    expect(JSON.parse(a ?? "")).toMatchObject({ format: 1, name: "backplan-lbp", includeDrafts: false });
  });

  it("refuses an invalid pack with its problems on stderr, and writes nothing", async () => {
    const out = join(await tempFolder(), "pack.json");
    const run = await runMain(["bundle", BROKEN, "--out", out]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/error/);
    await expect(readFile(out, "utf8")).rejects.toThrow(/ENOENT/);
  });

  it("needs --out, and at most one folder", async () => {
    const none = await runMain(["bundle", TINY]);
    expect([none.code, none.stderr]).toMatchInlineSnapshot(`
      [
        2,
        "backplan bundle: missing "--out FILE": where to write the pack (e.g. pack.json); run "backplan bundle --help"
      ",
      ]
    `);
    const two = await runMain(["bundle", TINY, TINY, "--out", "x.json"]);
    expect(two.code).toBe(2);
  });

  it("says why it cannot write", async () => {
    const run = await runMain(["bundle", TINY, "--out", join(await tempFolder(), "no", "pack.json")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^backplan bundle: cannot write ".*pack\.json": ENOENT/);
  });
});
