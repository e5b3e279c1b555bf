/**
 * Every issue a bad pack yields carries its parameters as plain JSON data, and its message (and
 * hint) rendered again from those parameters alone is the one it carries: the message is a view
 * of the data, so an editor, a card or JSON output can word it its own way.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkRuleset } from "../../../src/core/load/index.js";
import * as messages from "../../../src/core/load/messages.js";
import { readRuleFiles } from "../../../src/node/rule-files.js";
import { expectRenderedFromParams } from "./rendered-from-params.js";

const FIXTURES = join(import.meta.dirname, "../../fixtures");
const packs = [
  ...readdirSync(join(FIXTURES, "broken-packs")).map((name) => join(FIXTURES, "broken-packs", name)),
  join(FIXTURES, "packs/broken"),
];

describe("issue parameters", () => {
  it.each(packs)("every issue of %s carries plain params its message is rendered from", async (dir) => {
    const { issues } = checkRuleset(await readRuleFiles(dir), { today: "2026-01-01" });
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) expectRenderedFromParams(issue);
  });

  it("a problem's message changes with its params: the message is rendered, not stored", () => {
    const [issue] = checkRuleset([], {}).issues;
    expect(issue?.params).toEqual({});
    const missing = messages.missingFile;
    expect(missing.message({ path: "pack.yaml", holds: "its name" })).toBe(
      "missing pack.yaml: a rule pack needs it for its name",
    );
    expect(missing.message({ path: "evidence.yaml", holds: "sources" })).toBe(
      "missing evidence.yaml: a rule pack needs it for sources",
    );
  });
});
