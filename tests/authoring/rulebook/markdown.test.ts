import { describe, expect, it } from "vitest";
import { buildRulebook, renderRulebookMarkdown } from "../../../src/authoring/rulebook/index.js";
import { codeSpan, escapeMarkdown } from "../../../src/authoring/rulebook/markdown-text.js";
import { smallPack, smallPackFiles } from "./small-pack.js";

const markdown = renderRulebookMarkdown(
  buildRulebook(smallPack({ failing: true }), { files: smallPackFiles({ failing: true }) }),
);

/** The lines from `<a id="id">` up to the next anchor. */
function block(text: string, id: string): string {
  const start = text.indexOf(`<a id="${id}"></a>`);
  const end = text.indexOf("<a id=", start + 1);
  return text.slice(start, end === -1 ? undefined : end).trimEnd();
}

/** Each run of consecutive lines starting with `|`: the document's tables, row by row. */
function tablesOf(text: string): string[][] {
  const tables: string[][] = [];
  let current: string[] = [];
  for (const line of [...text.split("\n"), ""]) {
    if (line.startsWith("|")) current.push(line);
    else if (current.length > 0) {
      tables.push(current);
      current = [];
    }
  }
  return tables;
}

/** The cell separators of a table row: pipes not escaped with a backslash. */
function separators(row: string): number {
  return row.match(/(?<!\\)\|/g)?.length ?? 0;
}

describe("escapeMarkdown", () => {
  it("escapes what could start markup, list markers at the start, and folds whitespace", () => {
    expect(
      [
        "a | b",
        "<script>alert(1)</script>",
        "*x* _y_ `z` [l](u) #h &amp; ~s~ !",
        "1) first\nsecond",
        "- item",
        "1.0.0",
      ].map(escapeMarkdown),
    ).toMatchInlineSnapshot(`
      [
        "a \\| b",
        "\\<script\\>alert(1)\\</script\\>",
        "\\*x\\* \\_y\\_ \\\`z\\\` \\[l\\](u) \\#h \\&amp; \\~s\\~ \\!",
        "1\\) first second",
        "\\- item",
        "1.0.0",
      ]
    `);
  });

  it("fences a code span longer than any backtick run inside it", () => {
    expect(codeSpan("a`b")).toBe("``a`b``");
    expect(codeSpan("`x")).toBe("`` `x ``");
  });
});

describe("renderRulebookMarkdown", () => {
  it("states each rule as a sentence, then what it rests on and what its tests showed", () => {
    expect(block(markdown, "rule-exercise-persistent")).toMatchInlineSnapshot(`
      "<a id="rule-exercise-persistent"></a>

      #### Persistent pain

      **When pain duration ≥ 6 weeks and age ≥ 18 years: add “Exercise \\| programme”.**

      Priority: 500 · Status: active · Owner: not recorded · Reviewed: not recorded · Review due: not recorded · Source: \`exercise.yaml:3\` · Id: \`exercise-persistent\`

      *Author's note:* Pipes \\| and \\*stars\\* in a note.

      **Adds**

      - [Exercise \\| programme](#component-exercise): ⟨pain duration⟩ weeks at age ⟨age⟩

      **Evidence**

      - Smith A. A trial \\| with a pipe. J Test 2020;1:1. [doi:10.1002/(SICI)1097-4571](https://doi.org/10.1002/%28SICI%291097-4571) ([trial-2020](#evidence-trial-2020)). Certainty: moderate. Caveat: Small trial (verify).

      **Tests:** Fired in 2 of 3 scenarios. Comparisons seen both true and false: 1 of 2; numeric thresholds tested on both sides: 1 of 2.

      - persistent pain gets exercise (\`tests/basic.yaml:3\`, passed)
      - fever halts (\`tests/basic.yaml:6\`, passed)
      - Untested: age \\< 18 years: never true in a scenario; no scenario at the boundary value 17 or 18"
    `);
  });

  it("escapes every text from the pack: no raw HTML but its own anchors", () => {
    expect(markdown).toContain("#### \\<script\\>alert(1)\\</script\\> emergency");
    expect(markdown.replace(/<a id="[a-z0-9-]+"><\/a>/g, "")).not.toMatch(/(?<!\\)</);
  });

  it("writes GFM tables whose rows all have the header's cells, pipes in text escaped", () => {
    const tables = tablesOf(markdown);
    expect(tables.length).toBeGreaterThanOrEqual(4);
    for (const rows of tables) {
      const table = rows.join("\n");
      expect(rows[1], table).toMatch(/^\|( --- \|)+$/);
      for (const row of rows) expect(separators(row), row).toBe(separators(rows[0] ?? ""));
    }
    expect(markdown).toContain("| 3 | a \\| failing \\<scenario\\> | tests/basic.yaml:9 | failed |");
  });

  it("links only to anchors it defines", () => {
    const anchors = new Set([...markdown.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1]));
    const targets = [...markdown.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]);
    expect(targets.length).toBeGreaterThan(10);
    expect(targets.filter((t) => !anchors.has(t))).toEqual([]);
  });

  it("lists inactive rules apart and warns when drafts are shown as running", () => {
    expect(block(markdown, "rule-old-rule").split("\n").slice(0, 5).join("\n")).toMatchInlineSnapshot(`
      "<a id="rule-old-rule"></a>

      ### A retired rule (retired)

      **When age \\> 90 years: withhold “Exercise \\| programme”.**"
    `);
    const drafts = renderRulebookMarkdown(buildRulebook(smallPack({ includeDrafts: true })));
    expect(drafts).toContain(
      "> **This rulebook includes 1 draft rule as if they ran (new-idea): for review, not for care.**",
    );
  });

  it("is byte-identical for the same pack in another file order", () => {
    const again = renderRulebookMarkdown(
      buildRulebook(smallPack({ failing: true, reversed: true }), {
        files: smallPackFiles({ failing: true, reversed: true }),
      }),
    );
    expect(again).toBe(markdown);
  });
});
