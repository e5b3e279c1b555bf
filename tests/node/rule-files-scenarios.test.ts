import { truncate } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_FILE_BYTES } from "../../src/node/limits.js";
import { readRuleFiles } from "../../src/node/rule-files.js";
import { tempFolder } from "./temp-dir.js";

describe("readRuleFiles with scenarios: false", () => {
  it("leaves the scenario tests unread, even one too large to read", async () => {
    const dir = await tempFolder({ "pack.yaml": "p", "a.yaml": "a", "tests/z.yaml": "z", "tests/deep/big.yaml": "" });
    await truncate(join(dir, "tests/deep/big.yaml"), MAX_FILE_BYTES + 1);
    const files = await readRuleFiles(dir, dir, { scenarios: false });
    expect(files).toEqual([
      { path: "a.yaml", text: "a" },
      { path: "pack.yaml", text: "p" },
    ]);
    await expect(readRuleFiles(dir)).rejects.toThrow(/tests\/deep\/big\.yaml/);
  });
});
