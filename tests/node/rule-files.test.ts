import { mkdir, realpath, symlink, truncate, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isBackplanError } from "../../src/core/errors.js";
import { MAX_FILE_BYTES, MAX_RULE_FILES } from "../../src/node/limits.js";
import { readRuleFiles } from "../../src/node/rule-files.js";
import { tempFolder } from "./temp-dir.js";

async function problems(dir: string, name?: string): Promise<string[]> {
  try {
    await readRuleFiles(dir, name);
  } catch (error) {
    if (!isBackplanError(error)) throw error;
    expect(error.name).toBe("RulesetError");
    return error.issues.map(
      (issue) => `${issue.source ? `${issue.source.file}: ` : ""}${issue.code}: ${issue.message}`,
    );
  }
  throw new Error("expected a RulesetError");
}

describe("readRuleFiles", () => {
  it("reads *.yaml and *.yml recursively, sorted, with /-separated relative paths", async () => {
    const dir = await tempFolder({
      "pack.yaml": "p",
      "b.yml": "b",
      "tests/z.yaml": "z",
      "tests/deep/a.yaml": "a",
      "a.yaml": "a",
      "README.md": "not a rule",
      "notes.txt": "no",
      ".hidden/x.yaml": "skipped",
      ".editor.yaml": "skipped",
    });
    const files = await readRuleFiles(dir);
    expect(files.map((f) => f.path)).toEqual(["a.yaml", "b.yml", "pack.yaml", "tests/deep/a.yaml", "tests/z.yaml"]);
    expect(files.find((f) => f.path === "tests/z.yaml")?.text).toBe("z");
  });

  it("names a missing folder", async () => {
    const dir = await tempFolder();
    expect(await problems(join(dir, "nope"), "my-rules")).toMatchInlineSnapshot(`
      [
        "rules/folder-missing: rule folder "my-rules" does not exist",
      ]
    `);
  });

  it("names a file given as the folder", async () => {
    const dir = await tempFolder({ "pack.yaml": "x" });
    expect(await problems(join(dir, "pack.yaml"), "pack.yaml")).toMatchInlineSnapshot(`
      [
        "rules/not-a-folder: rule folder "pack.yaml" is a file: give the folder that holds the pack's YAML files",
      ]
    `);
  });

  it("names an empty folder, and one with no YAML", async () => {
    expect(await problems(await tempFolder(), "empty")).toMatchInlineSnapshot(`
      [
        "rules/folder-empty: rule folder "empty" holds no .yaml or .yml files",
      ]
    `);
    expect(await problems(await tempFolder({ "README.md": "# rules" }), "docs")).toMatchInlineSnapshot(`
      [
        "rules/folder-empty: rule folder "docs" holds no .yaml or .yml files",
      ]
    `);
  });

  it("refuses every file over 1 MiB, naming each", async () => {
    const dir = await tempFolder({ "a.yaml": "", "b.yaml": "ok: 1", "c.yaml": "" });
    await truncate(join(dir, "a.yaml"), MAX_FILE_BYTES + 1);
    await truncate(join(dir, "c.yaml"), 3 * MAX_FILE_BYTES);
    expect(await problems(dir)).toMatchInlineSnapshot(`
      [
        "a.yaml: rules/file-too-large: file is 1048577 bytes; a rule file may be at most 1 MiB (1048576 bytes)",
        "c.yaml: rules/file-too-large: file is 3145728 bytes; a rule file may be at most 1 MiB (1048576 bytes)",
      ]
    `);
  });

  it(`refuses a folder with more than ${MAX_RULE_FILES} YAML files`, async () => {
    const files = Object.fromEntries(Array.from({ length: MAX_RULE_FILES + 1 }, (_, i) => [`r${i}.yaml`, ""]));
    expect(await problems(await tempFolder(files), "big")).toMatchInlineSnapshot(`
      [
        "rules/too-many-files: rule folder "big" holds more than 500 YAML files: is it the rule pack's folder?",
      ]
    `);
    const exactly = Object.fromEntries(Array.from({ length: MAX_RULE_FILES }, (_, i) => [`r${i}.yaml`, ""]));
    expect(await readRuleFiles(await tempFolder(exactly))).toHaveLength(MAX_RULE_FILES);
  });

  it("does not follow a symbolic link out of the folder", async () => {
    const outside = await tempFolder({ "secret.yaml": "secret", "more/x.yaml": "x" });
    const dir = await tempFolder({ "pack.yaml": "p" });
    await symlink(join(outside, "secret.yaml"), join(dir, "shared.yaml"));
    await symlink(join(outside, "more"), join(dir, "more"));
    await symlink(join(outside, "secret.yaml"), join(dir, "notes.txt")); // not read anyway: no error
    const real = await realpath(outside); // the messages name the target, and a temp folder may be a link (macOS /var)
    const found = (await problems(dir)).map((p) => p.replace(real, "OUTSIDE"));
    expect(found).toMatchInlineSnapshot(`
      [
        "more: rules/link-outside: symbolic link leads outside the rule folder (to OUTSIDE/more): copy what it points to into the folder instead",
        "shared.yaml: rules/link-outside: symbolic link leads outside the rule folder (to OUTSIDE/secret.yaml): copy what it points to into the folder instead",
      ]
    `);
  });

  it("skips links inside the folder: their targets are read under their own names", async () => {
    const dir = await tempFolder({ "pack.yaml": "p", "rules/a.yaml": "a" });
    await symlink(join(dir, "rules/a.yaml"), join(dir, "alias.yaml"));
    await symlink(join(dir, "rules"), join(dir, "loop"));
    await symlink(dir, join(dir, "rules/up"));
    await symlink(join(dir, "gone.yaml"), join(dir, "dangling.yaml"));
    expect((await readRuleFiles(dir)).map((f) => f.path)).toEqual(["pack.yaml", "rules/a.yaml"]);
  });

  it("reads through a folder that is itself a link", async () => {
    const real = await tempFolder({ "pack.yaml": "p" });
    const holder = await tempFolder();
    await symlink(real, join(holder, "rules"));
    expect((await readRuleFiles(join(holder, "rules"))).map((f) => f.path)).toEqual(["pack.yaml"]);
  });

  it("reads the file contents as UTF-8", async () => {
    const dir = await tempFolder();
    await mkdir(join(dir, "x"));
    await writeFile(join(dir, "x/a.yaml"), "reason: PHQ-9 ≥ 10\n");
    expect(await readRuleFiles(dir)).toEqual([{ path: "x/a.yaml", text: "reason: PHQ-9 ≥ 10\n" }]);
  });
});

describe.skipIf(process.getuid?.() === 0)("readRuleFiles: permissions (not as root, who reads everything)", () => {
  it("reports an unreadable file or subfolder as a problem, not a crash", async () => {
    const { chmod } = await import("node:fs/promises");
    const dir = await tempFolder({ "pack.yaml": "p", "secret.yaml": "s", "locked/a.yaml": "a" });
    await chmod(join(dir, "secret.yaml"), 0o000);
    await chmod(join(dir, "locked"), 0o000);
    try {
      expect(await problems(dir)).toEqual([
        "locked: rules/folder-unreadable: folder cannot be read: permission denied",
        "secret.yaml: rules/file-unreadable: file cannot be read: permission denied",
      ]);
    } finally {
      await chmod(join(dir, "locked"), 0o755);
    }
  });
});
