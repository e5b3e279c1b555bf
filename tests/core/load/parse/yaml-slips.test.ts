/**
 * A corpus of YAML slips an author makes, each on a copy of a real rule file (./slips/, frozen
 * so the line numbers stay put): every slip gives exactly one issue, at the line the author got
 * wrong, in words the author can act on.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatIssue } from "../../../../src/core/errors.js";
import { readYamlFile } from "../../../../src/core/load/parse/yaml-file.js";

const fixture = (name: string): string => readFileSync(new URL(`./slips/${name}`, import.meta.url), "utf8");

interface Slip {
  readonly name: string;
  readonly file: "impairment.yaml" | "safety.yaml" | "work.yaml";
  /** 1-based line of the copy that the slip rewrites. */
  readonly line: number;
  /** What the author wrote there instead (several lines, or none to delete it). */
  readonly to: string | readonly string[];
  /** The line as lint prints it, and its hint. */
  readonly expected: readonly string[];
}

/** The copy of `file` with the slip made. */
function slipped({ file, line, to }: Slip): string {
  const lines = fixture(file).split("\n");
  lines.splice(line - 1, 1, ...(typeof to === "string" ? [to] : to));
  return lines.join("\n");
}

const indentBy = (file: Slip["file"], line: number, delta: number): string => {
  const text = fixture(file).split("\n")[line - 1] ?? "";
  return delta < 0 ? text.slice(-delta) : `${" ".repeat(delta)}${text}`;
};
const edit = (file: Slip["file"], line: number, from: string | RegExp, to: string): string =>
  (fixture(file).split("\n")[line - 1] ?? "").replace(from, to);

export const SLIPS: readonly Slip[] = [
  // Indentation
  {
    name: "a list item of 'all' at 6 spaces instead of 8",
    file: "impairment.yaml",
    line: 83,
    to: indentBy("impairment.yaml", 83, -2),
    expected: [
      "rules/impairment.yaml:83:7: error: line 83 is indented 6 spaces; the lines around it use 8",
      "  hint: YAML reads what belongs together from the indentation: start the line after 8 spaces",
    ],
  },
  {
    name: "a condition at 10 spaces instead of 12",
    file: "impairment.yaml",
    line: 84,
    to: indentBy("impairment.yaml", 84, -2),
    expected: [
      "rules/impairment.yaml:84:11: error: line 84 is indented 10 spaces; the lines around it use 12",
      "  hint: YAML reads what belongs together from the indentation: start the line after 12 spaces",
    ],
  },
  {
    name: "a condition at 13 spaces instead of 12",
    file: "impairment.yaml",
    line: 85,
    to: indentBy("impairment.yaml", 85, 1),
    expected: [
      "rules/impairment.yaml:85:14: error: line 85 is indented 13 spaces; the lines around it use 12",
      "  hint: YAML reads what belongs together from the indentation: start the line after 12 spaces",
    ],
  },
  {
    name: "a condition at 14 spaces instead of 12",
    file: "safety.yaml",
    line: 85,
    to: indentBy("safety.yaml", 85, 2),
    expected: [
      "rules/safety.yaml:85:15: error: line 85 is indented 14 spaces; the lines around it use 12",
      "  hint: YAML reads what belongs together from the indentation: start the line after 12 spaces",
    ],
  },
  {
    name: "a condition at 9 spaces instead of 8",
    file: "safety.yaml",
    line: 28,
    to: indentBy("safety.yaml", 28, 1),
    expected: [
      "rules/safety.yaml:28:10: error: line 28 is indented 9 spaces; the lines around it use 8",
      "  hint: YAML reads what belongs together from the indentation: start the line after 8 spaces",
    ],
  },
  {
    name: "a condition at 7 spaces instead of 8",
    file: "work.yaml",
    line: 20,
    to: indentBy("work.yaml", 20, -1),
    expected: [
      "rules/work.yaml:20:8: error: line 20 is indented 7 spaces; the lines around it use 8",
      "  hint: YAML reads what belongs together from the indentation: start the line after 8 spaces",
    ],
  },
  {
    name: "three spaces before priority",
    file: "impairment.yaml",
    line: 77,
    to: indentBy("impairment.yaml", 77, -1),
    expected: [
      "rules/impairment.yaml:77:4: error: line 77 is indented 3 spaces; the lines around it use 4",
      "  hint: YAML reads what belongs together from the indentation: start the line after 4 spaces",
    ],
  },
  {
    name: "five spaces before priority",
    file: "impairment.yaml",
    line: 77,
    to: indentBy("impairment.yaml", 77, 1),
    expected: [
      "rules/impairment.yaml:77:6: error: line 77 is indented 5 spaces; the lines around it use 4",
      "  hint: YAML reads what belongs together from the indentation: start the line after 4 spaces",
    ],
  },
  {
    name: "six spaces before status",
    file: "work.yaml",
    line: 13,
    to: indentBy("work.yaml", 13, 2),
    expected: [
      "rules/work.yaml:13:7: error: line 13 is indented 6 spaces; the lines around it use 4",
      "  hint: YAML reads what belongs together from the indentation: start the line after 4 spaces",
    ],
  },
  {
    name: "a nested key ('reason') one space in",
    file: "work.yaml",
    line: 24,
    to: indentBy("work.yaml", 24, 1),
    expected: [
      "rules/work.yaml:24:12: error: line 24 is indented 11 spaces; the lines around it use 10",
      "  hint: YAML reads what belongs together from the indentation: start the line after 10 spaces",
    ],
  },
  {
    name: "a nested key ('reason') two spaces short",
    file: "work.yaml",
    line: 24,
    to: indentBy("work.yaml", 24, -2),
    expected: [
      "rules/work.yaml:24:9: error: line 24 is indented 8 spaces; the lines around it use 10",
      "  hint: YAML reads what belongs together from the indentation: start the line after 10 spaces",
    ],
  },
  {
    name: "a nested key ('details') three spaces short",
    file: "work.yaml",
    line: 45,
    to: indentBy("work.yaml", 45, -3),
    expected: [
      "rules/work.yaml:45:8: error: line 45 is indented 7 spaces; the lines around it use 10",
      "  hint: YAML reads what belongs together from the indentation: start the line after 10 spaces",
    ],
  },
  {
    name: "'halt' one space in",
    file: "safety.yaml",
    line: 40,
    to: indentBy("safety.yaml", 40, 1),
    expected: [
      "rules/safety.yaml:40:8: error: line 40 is indented 7 spaces; the lines around it use 6",
      "  hint: YAML reads what belongs together from the indentation: start the line after 6 spaces",
    ],
  },
  {
    name: "a rule's '- id' at 3 spaces",
    file: "work.yaml",
    line: 29,
    to: indentBy("work.yaml", 29, 1),
    expected: [
      "rules/work.yaml:29:4: error: line 29 is indented 3 spaces; the lines around it use 2",
      "  hint: YAML reads what belongs together from the indentation: start the line after 2 spaces",
    ],
  },
  {
    name: "a rule's '- id' at 1 space",
    file: "work.yaml",
    line: 29,
    to: indentBy("work.yaml", 29, -1),
    expected: [
      "rules/work.yaml:29:2: error: line 29 is indented 1 space; the lines around it use 2",
      "  hint: YAML reads what belongs together from the indentation: start the line after 2 spaces",
    ],
  },
  {
    name: "'- component' two spaces too far in",
    file: "safety.yaml",
    line: 33,
    to: indentBy("safety.yaml", 33, 2),
    expected: [
      "rules/safety.yaml:33:11: error: line 33 is indented 10 spaces; the lines around it use 8",
      "  hint: YAML reads what belongs together from the indentation: start the line after 8 spaces",
    ],
  },
  {
    name: "'- component' at the level of 'add'",
    file: "safety.yaml",
    line: 88,
    to: indentBy("safety.yaml", 88, -2),
    expected: [
      "rules/safety.yaml:88:7: error: line 88 is indented 6 spaces; the lines around it use 8",
      "  hint: YAML reads what belongs together from the indentation: start the line after 8 spaces",
    ],
  },
  {
    name: "'progression' one space short",
    file: "impairment.yaml",
    line: 36,
    to: indentBy("impairment.yaml", 36, -1),
    expected: [
      "rules/impairment.yaml:36:12: error: line 36 is indented 11 spaces; the lines around it use 12",
      "  hint: YAML reads what belongs together from the indentation: start the line after 12 spaces",
    ],
  },
  // Tabs
  {
    name: "a tab before priority",
    file: "impairment.yaml",
    line: 77,
    to: "\tpriority: 500",
    expected: [
      "rules/impairment.yaml:77:1: error: line 77 starts with a tab; YAML indents with spaces only",
      "  hint: replace the tab with spaces, as many as the lines it belongs with use",
    ],
  },
  {
    name: "a tab after spaces before a condition",
    file: "safety.yaml",
    line: 29,
    to: "      \t- { fact: redFlags.bilateralLegSymptoms, operator: equal, value: true }",
    expected: [
      "rules/safety.yaml:29:7: error: line 29 has a tab in its indentation; YAML indents with spaces only",
      "  hint: replace the tab with spaces, as many as the lines it belongs with use",
    ],
  },
  {
    name: "a tab before a rule's '- id'",
    file: "work.yaml",
    line: 29,
    to: "\t- id: return-to-work-off-work",
    expected: [
      "rules/work.yaml:29:1: error: line 29 starts with a tab; YAML indents with spaces only",
      "  hint: replace the tab with spaces, as many as the lines it belongs with use",
    ],
  },
  // Colons
  {
    name: "a missing colon after priority",
    file: "impairment.yaml",
    line: 77,
    to: "    priority 500",
    expected: [
      'rules/impairment.yaml:77:13: error: line 77: "priority" needs a colon after it',
      "  hint: write priority: 500",
    ],
  },
  {
    name: "a missing colon after 'when'",
    file: "work.yaml",
    line: 35,
    to: "    when",
    expected: ['rules/work.yaml:35:9: error: line 35: "when" needs a colon after it', "  hint: write when:"],
  },
  {
    name: "a missing colon after 'component'",
    file: "work.yaml",
    line: 41,
    to: "        - component return-to-work",
    expected: [
      'rules/work.yaml:41:20: error: line 41: "component" needs a colon after it',
      "  hint: write component: return-to-work",
    ],
  },
  {
    name: "no space after the colon of priority",
    file: "safety.yaml",
    line: 24,
    to: "    priority:1000",
    expected: ["rules/safety.yaml:24:13: error: line 24 needs a space after the colon", "  hint: write priority: 1000"],
  },
  {
    name: "no space after the colon of status",
    file: "work.yaml",
    line: 31,
    to: "    status:active",
    expected: ["rules/work.yaml:31:11: error: line 31 needs a space after the colon", "  hint: write status: active"],
  },
  {
    name: "a colon inside a title",
    file: "work.yaml",
    line: 30,
    to: "    title: Return to work: after 4 weeks or more off work",
    expected: [
      'rules/work.yaml:30:12: error: line 30: the text after "title:" holds a colon and a space, which YAML reads as the start of another key',
      '  hint: put the text in quotes: title: "Return to work: after 4 weeks or more off work"',
    ],
  },
  {
    name: "a colon inside a note",
    file: "work.yaml",
    line: 46,
    to: edit("work.yaml", 46, "now; a fit note", "now: a fit note"),
    expected: [
      'rules/work.yaml:46:20: error: line 46: the text after "notes:" holds a colon and a space, which YAML reads as the start of another key',
      '  hint: put the text in quotes: notes: "Agree a return date and the first duties now: a fit note can say \\"may be fit for work\\" with adjustments"',
    ],
  },
  // Quotes
  {
    name: "an unclosed double quote",
    file: "safety.yaml",
    line: 20,
    to: '    title: "Suspected cauda equina syndrome or cord compression',
    expected: [
      'rules/safety.yaml:20:12: error: line 20 opens a quote (") that is never closed',
      '  hint: end the text with " too',
    ],
  },
  {
    name: "an unclosed single quote",
    file: "work.yaml",
    line: 12,
    to: "    title: 'Return-to-work support for elevated work fear-avoidance (FABQ-W > 29)",
    expected: [
      "rules/work.yaml:12:12: error: line 12 opens a quote (') that is never closed",
      "  hint: end the text with ' too",
    ],
  },
  {
    name: "a quote closed too early",
    file: "work.yaml",
    line: 30,
    to: '    title: "Return-to-work" support after 4 weeks',
    expected: [
      'rules/work.yaml:30:27: error: line 30 has more text after the closing quote (")',
      "  hint: put the whole text inside one pair of quotes",
    ],
  },
  // Dashes
  {
    name: "a stray '-' before priority",
    file: "impairment.yaml",
    line: 77,
    to: "    - priority: 500",
    expected: [
      'rules/impairment.yaml:77:5: error: line 77 starts with "-", which makes "priority" a new list item, but it belongs with the keys above it',
      '  hint: remove the "-"',
    ],
  },
  {
    name: "a '-' alone on a line",
    file: "work.yaml",
    line: 34,
    to: ["    -", "    priority: 500"],
    expected: [
      'rules/work.yaml:34:5: error: line 34 holds a "-" with nothing after it: a list item that is empty',
      '  hint: remove the "-"',
    ],
  },
  {
    name: "a stray '-' before 'then'",
    file: "safety.yaml",
    line: 31,
    to: "    - then:",
    expected: [
      'rules/safety.yaml:31:5: error: line 31 starts with "-", which makes "then" a new list item, but it belongs with the keys above it',
      '  hint: remove the "-"',
    ],
  },
  // Brackets
  {
    name: "an unclosed '['",
    file: "impairment.yaml",
    line: 98,
    to: "    evidence: [george-2008, waddell-1993, vlaeyen-1995, george-2021",
    expected: [
      'rules/impairment.yaml:98:15: error: line 98 opens "[" and never closes it',
      '  hint: end the line with "]"',
    ],
  },
  {
    name: "an unclosed '{'",
    file: "safety.yaml",
    line: 27,
    to: "        - { fact: redFlags.saddleAnaesthesia, operator: equal, value: true",
    expected: [
      'rules/safety.yaml:27:11: error: line 27 opens "{" and never closes it',
      '  hint: end the line with "}"',
    ],
  },
  {
    name: "an extra ']'",
    file: "work.yaml",
    line: 27,
    to: "    evidence: [george-2008, nice-ng59-return-to-work]]",
    expected: [
      'rules/work.yaml:27:54: error: line 27 ends with "]" that closes nothing',
      '  hint: remove the "]", or add the bracket it closes',
    ],
  },
  {
    name: "a missing comma in a condition",
    file: "work.yaml",
    line: 20,
    to: "        - { fact: questionnaires.fabq.work operator: greaterThan, value: 29 }",
    expected: [
      'rules/work.yaml:20:43: error: line 20: a comma is missing before "operator:"',
      '  hint: separate the entries between "{" and "}" with commas, as in { fact: …, operator: …, value: … }',
    ],
  },
  // Duplicated key
  {
    name: "priority written twice",
    file: "impairment.yaml",
    line: 77,
    to: ["    priority: 500", "    priority: 400"],
    expected: [
      'rules/impairment.yaml:78:5: error: duplicate key "priority": it is already set on line 77, and keys must be unique within a mapping',
    ],
  },
];

function issuesOf(slip: Slip) {
  return readYamlFile({ path: `rules/${slip.file}`, text: slipped(slip) }, "rules").issues;
}

describe("YAML slips", () => {
  it("has at least 30 slips, each changing its copy", () => {
    expect(SLIPS.length).toBeGreaterThanOrEqual(30);
    for (const slip of SLIPS) expect(slipped(slip), slip.name).not.toBe(fixture(slip.file));
  });
  it.each(SLIPS)("$name", (slip) => {
    const issues = issuesOf(slip);
    const shown = issues.flatMap((i) =>
      i.hint === undefined ? [formatIssue(i)] : [formatIssue(i), `  hint: ${i.hint}`],
    );
    expect(issues).toHaveLength(1);
    expect(shown).toEqual(slip.expected);
  });
});
