/**
 * The corpus of broken packs (tests/fixtures/broken-packs/<name>/): one small pack per kind of
 * finding, each linted as a user would, printing exactly the lines of its expected.txt and no
 * others, and exiting 1 exactly when one of them is an error.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkRuleFolder } from "../../../src/node/index.js";
import { ROOT, runMain } from "../run-main.js";

const CORPUS = "tests/fixtures/broken-packs";
const packs = readdirSync(join(ROOT, CORPUS)).sort();

describe.concurrent.each(packs)("broken pack %s", (name) => {
  it("prints exactly its expected findings", async () => {
    const expected = readFileSync(join(ROOT, CORPUS, name, "expected.txt"), "utf8");
    const { code, stdout } = await runMain(["lint", `${CORPUS}/${name}`]);
    expect(stdout).toBe(expected);
    expect(code).toBe(expected.includes(": error: ") ? 1 : 0);
  });
});

it("holds a pack for every kind of finding the semantic checks add", async () => {
  const codes = new Set<string>();
  for (const name of packs) {
    const { issues } = await checkRuleFolder(join(ROOT, CORPUS, name), name);
    for (const { code } of issues) codes.add(code);
  }
  expect(
    [
      "rules/contradiction",
      "rules/never-holds",
      "rules/always-holds",
      "rules/duplicate-condition",
      "rules/fractional-threshold",
      "rules/value-range",
      "rules/value-enum",
      "rules/shadowed-by-halt",
      "rules/always-withheld",
      "rules/add-withhold-conflict",
      "rules/equivalent-conditions",
      "rules/template-syntax",
      "components/unused",
      "evidence/unused",
      "evidence/no-link",
    ].filter((code) => !codes.has(code)),
  ).toEqual([]);
});
