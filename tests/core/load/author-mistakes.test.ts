/**
 * The eight mistakes of issue 16, each made once as an author would, in three rules of the bundled
 * pack copied as written (tests/fixtures/packs/bundled-excerpt, so a clinical edit cannot move
 * them): the lint output is one problem, in words the author can act on, with one hint that is right.
 */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { formatIssue } from "../../../src/core/errors.js";
import { checkRuleset } from "../../../src/core/load/index.js";
import { readRuleFiles } from "../../../src/node/index.js";

const packFiles = await readRuleFiles(fileURLToPath(new URL("../../fixtures/packs/bundled-excerpt", import.meta.url)));

/** Lint of the pack with `line` (1-based) of `path` rewritten by `edit`; deleted on `null`. */
function lintWith(path: string, line: number, edit: (text: string) => string | null): string[] {
  const files = packFiles.map((file) => {
    if (file.path !== path) return file;
    const lines = file.text.split("\n");
    const edited = edit(lines[line - 1] ?? "");
    lines.splice(line - 1, 1, ...(edited === null ? [] : [edited]));
    return { ...file, text: lines.join("\n") };
  });
  return checkRuleset(files, { today: "2026-12-07" }).issues.flatMap((i) =>
    i.hint === undefined ? [formatIssue(i)] : [formatIssue(i), `  hint: ${i.hint}`],
  );
}

const line = (path: string, needle: string): number =>
  (packFiles
    .find((f) => f.path === path)
    ?.text.split("\n")
    .findIndex((l) => l.includes(needle)) ?? -2) + 1;

describe("the mistakes of issue 16", () => {
  it("a list item indented 6 spaces instead of 8", () => {
    const at = line("impairment.yaml", "- { fact: questionnaires.tsk.total, operator: greaterThan, value: 37 }") + 1;
    expect(lintWith("impairment.yaml", at, (l) => l.slice(2))).toEqual([
      "impairment.yaml:23:7: error: line 23 is indented 6 spaces; the lines around it use 8",
      "  hint: YAML reads what belongs together from the indentation: start the line after 8 spaces",
    ]);
  });
  it("three spaces before priority", () => {
    const at = line("impairment.yaml", "id: fear-avoidance") + 13;
    expect(lintWith("impairment.yaml", at, (l) => l.replace("    priority", "   priority"))).toEqual([
      "impairment.yaml:17:4: error: line 17 is indented 3 spaces; the lines around it use 4",
      "  hint: YAML reads what belongs together from the indentation: start the line after 4 spaces",
    ]);
  });
  it("a tab", () => {
    const at = line("impairment.yaml", "id: fear-avoidance") + 13;
    expect(lintWith("impairment.yaml", at, (l) => l.replace("    priority", "\tpriority"))).toEqual([
      "impairment.yaml:17:1: error: line 17 starts with a tab; YAML indents with spaces only",
      "  hint: replace the tab with spaces, as many as the lines it belongs with use",
    ]);
  });
  it('operator: ">"', () => {
    const at = line("impairment.yaml", "questionnaires.fabq.physicalActivity, operator: greaterThan, value: 14");
    expect(lintWith("impairment.yaml", at, (l) => l.replace("operator: greaterThan", 'operator: ">"'))).toEqual([
      'impairment.yaml:21:71: error: rule "fear-avoidance": "when.all[0].any[0].operator" must be "equal", "notEqual", "lessThan", "lessThanInclusive", "greaterThan", "greaterThanInclusive", "in", "notIn", "contains" or "doesNotContain", found a string (">") (did you mean "greaterThan"?)',
    ]);
  });
  it('value: "15" on a number fact', () => {
    const at = line("impairment.yaml", "questionnaires.fabq.physicalActivity, operator: greaterThan, value: 14");
    expect(lintWith("impairment.yaml", at, (l) => l.replace("value: 14", 'value: "15"'))).toEqual([
      'impairment.yaml:21:91: error: rule "fear-avoidance" compares "questionnaires.fabq.physicalActivity", an integer fact, with a string ("15")',
      "  hint: remove the quotes: 15 is a number",
    ]);
  });
  it("{fabq.physicalActivity} in a reason", () => {
    const at = line("impairment.yaml", "Fear avoidance: FABQ physical activity subscale {questionnaires");
    expect(
      lintWith("impairment.yaml", at, (l) =>
        l.replace("{questionnaires.fabq.physicalActivity}", "{fabq.physicalActivity}"),
      ),
    ).toEqual([
      'impairment.yaml:30:61: error: rule "fear-avoidance": placeholder "{fabq.physicalActivity}" names no known fact (did you mean "questionnaires.fabq.physicalActivity"?)',
    ]);
  });
  it("a forgotten then:", () => {
    const then = line("work.yaml", "id: return-to-work-fear-avoidance") + 10;
    const files = packFiles.map((file) => {
      if (file.path !== "work.yaml") return file;
      const lines = file.text.split("\n");
      expect(lines[then - 1]).toBe("    then:");
      lines.splice(then - 1, 1);
      for (let i = then - 1; i < then + 4; i++) lines[i] = (lines[i] ?? "").slice(2);
      return { ...file, text: lines.join("\n") };
    });
    const shown = checkRuleset(files, { today: "2026-12-07" }).issues.flatMap((i) =>
      i.hint === undefined ? [formatIssue(i)] : [formatIssue(i), `  hint: ${i.hint}`],
    );
    expect(shown).toEqual([
      'work.yaml:14:5: error: rule "return-to-work-fear-avoidance": "add" is not a key here: it belongs under "then"',
      "  hint: put add under then:, indented below it",
    ]);
  });
  it("an unknown component: no follow-on telling the author to delete the one meant", () => {
    const at = line("lifestyle.yaml", "component: sleep-hygiene");
    expect(lintWith("lifestyle.yaml", at, (l) => l.replace("sleep-hygiene", "sleep-hygeine"))).toEqual([
      'lifestyle.yaml:15:22: error: rule "short-sleep" adds unknown component "sleep-hygeine" (did you mean "sleep-hygiene"?)',
    ]);
  });
});
