import { expect, it } from "vitest";
import { fileKindOf } from "../../../src/core/load/pack-layout.js";

it("tells each file's kind from its path", () => {
  const kinds = Object.fromEntries(
    [
      "pack.yaml",
      "components.yaml",
      "evidence.yaml",
      "tests/red-flags.yaml",
      "tests/deep/a.yml",
      "psych.yaml",
      "rules/psych.yml",
      "sub/pack.yaml",
      "tests.yaml",
      "README.md",
      "pack.yaml.bak",
    ].map((path) => [path, fileKindOf(path)]),
  );
  expect(kinds).toEqual({
    "pack.yaml": "manifest",
    "components.yaml": "components",
    "evidence.yaml": "evidence",
    "tests/red-flags.yaml": "scenarios",
    "tests/deep/a.yml": "scenarios",
    "psych.yaml": "rules",
    "rules/psych.yml": "rules",
    "sub/pack.yaml": "rules",
    "tests.yaml": "rules",
    "README.md": undefined,
    "pack.yaml.bak": undefined,
  });
});
