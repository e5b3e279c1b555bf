import { symlink, truncate, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isBackplanError } from "../../src/core/errors.js";
import { readAssessmentFile } from "../../src/node/assessment-file.js";
import { MAX_FILE_BYTES } from "../../src/node/limits.js";
import { tempFolder } from "./temp-dir.js";

async function problems(path: string, name?: string): Promise<string[]> {
  try {
    await readAssessmentFile(path, name);
  } catch (error) {
    if (!isBackplanError(error)) throw error;
    return error.issues.map((issue) =>
      issue.source ? `${issue.source.file}:${issue.source.line}: ${issue.message}` : issue.message,
    );
  }
  throw new Error("expected an AssessmentError");
}

describe("readAssessmentFile", () => {
  it("reads a YAML file and a JSON file", async () => {
    const dir = await tempFolder({ "a.yaml": "patient:\n  age: 40\n", "b.json": '{"patient": {"age": 41}}' });
    expect(await readAssessmentFile(join(dir, "a.yaml"))).toEqual({ patient: { age: 40 } });
    expect(await readAssessmentFile(join(dir, "b.json"))).toEqual({ patient: { age: 41 } });
  });

  it("names the file in syntax errors as the caller calls it", async () => {
    const dir = await tempFolder({ "a.yaml": "patient:\n  age: [40\n" });
    expect(await problems(join(dir, "a.yaml"), "examples/a.yaml")).toMatchInlineSnapshot(`
      [
        "examples/a.yaml:3: invalid YAML: flow sequence in block collection must be sufficiently indented and end with a ]",
      ]
    `);
  });

  it("says a missing file does not exist", async () => {
    const dir = await tempFolder();
    expect(await problems(join(dir, "nope.json"))).toMatchInlineSnapshot(`
      [
        "file does not exist",
      ]
    `);
  });

  it("says a folder is not a file", async () => {
    expect(await problems(await tempFolder())).toMatchInlineSnapshot(`
      [
        "not a file but a folder",
      ]
    `);
  });

  it("refuses a file over 1 MiB without reading it", async () => {
    const dir = await tempFolder({ "big.json": "" });
    await truncate(join(dir, "big.json"), 50 * MAX_FILE_BYTES); // sparse: no 50 MiB written
    expect(await problems(join(dir, "big.json"))).toMatchInlineSnapshot(`
      [
        "file is 52428800 bytes; an assessment may be at most 1 MiB (1048576 bytes)",
      ]
    `);
  });

  it("reads a file of exactly 1 MiB", async () => {
    const dir = await tempFolder();
    const text = `{"id": "${"x".repeat(MAX_FILE_BYTES - 10)}"}`;
    await writeFile(join(dir, "edge.json"), text);
    expect(text.length).toBe(MAX_FILE_BYTES);
    expect(await readAssessmentFile(join(dir, "edge.json"))).toEqual({ id: "x".repeat(MAX_FILE_BYTES - 10) });
  });

  it("follows a symbolic link the user names", async () => {
    const dir = await tempFolder({ "a.yaml": "id: linked\n" });
    await symlink(join(dir, "a.yaml"), join(dir, "link.yaml"));
    expect(await readAssessmentFile(join(dir, "link.yaml"))).toEqual({ id: "linked" });
  });
});
