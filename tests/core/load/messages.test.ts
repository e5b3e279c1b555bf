/**
 * Every message template of src/core/load/messages.ts, pinned through the full
 * `file:line:col: severity: message` formatting, each triggered by a real pack. The last test
 * fails when a template has no case here.
 */
import { describe, expect, it } from "vitest";
import { formatIssue } from "../../../src/core/errors.js";
import { checkRuleset } from "../../../src/core/load/index.js";
import { issue } from "../../../src/core/load/issue.js";
import * as messages from "../../../src/core/load/messages.js";
import type { CompileOptions, RuleFileText } from "../../../src/core/load/types.js";
import { COMPONENTS, EVIDENCE, RULES, packWith, rule, ruleFile } from "../../arbitraries/ruleset.js";
import { expectRenderedFromParams } from "./rendered-from-params.js";

const covered = new Set<string>();

/**
 * The formatted issues with `code`, each followed by its hint as lint prints it, noting the code as
 * covered; each issue's message must be rendered from its params alone.
 */
function lines(files: readonly RuleFileText[], code: string, options: CompileOptions = {}): string[] {
  const found = checkRuleset(files, options).issues.filter((i) => i.code === code);
  if (found.length > 0) covered.add(code);
  found.forEach(expectRenderedFromParams);
  return found.flatMap((i) => (i.hint === undefined ? [formatIssue(i)] : [formatIssue(i), `  hint: ${i.hint}`]));
}

const withRule = (...rules: string[]) => packWith({ "psych.yaml": ruleFile(...rules) });
const withCondition = (when: string) => withRule(rule("r", { when }));

describe("pack messages", () => {
  it("no files", () => {
    expect(lines([], "pack/no-files")).toMatchInlineSnapshot(`
      [
        "no rule files found: a rule pack needs pack.yaml, components.yaml, evidence.yaml and rule files (*.yaml)",
      ]
    `);
  });
  it("missing file", () => {
    expect(lines(packWith({ "evidence.yaml": undefined }), "pack/missing-file")).toMatchInlineSnapshot(`
      [
        "missing evidence.yaml: a rule pack needs it for the catalog of sources rules cite",
      ]
    `);
  });
  it("duplicate path", () => {
    const files = packWith({});
    expect(lines([...files, { path: "psych.yaml", text: "rules: []\n" }], "pack/duplicate-path"))
      .toMatchInlineSnapshot(`
      [
        "psych.yaml is given 2 times: each file of a pack needs a path of its own",
      ]
    `);
  });
  it("NUL in a path", () => {
    expect(lines(packWith({ "a\0b.yaml": "rules: []\n" }), "pack/nul-in-path")).toMatchInlineSnapshot(`
      [
        "the path "a\\u0000b.yaml" holds a NUL character: expected a file path",
      ]
    `);
  });
  it("too many files", () => {
    const files = Array.from({ length: 501 }, (_, i) => ({ path: `r${i}.yaml`, text: "" }));
    expect(lines(files, "pack/too-many-files")).toMatchInlineSnapshot(`
      [
        "the pack has 501 files, more than the limit of 500: nothing was read",
      ]
    `);
  });
  it("pack too large", () => {
    const text = "#".repeat(1024 * 1024);
    const files = Array.from({ length: 11 }, (_, i) => ({ path: `r${i}.yaml`, text }));
    expect(lines(files, "pack/too-large")).toMatchInlineSnapshot(`
      [
        "the pack holds 11534336 bytes, more than the limit of 10485760 (10 MiB): nothing was read",
      ]
    `);
  });
  it("file too large", () => {
    expect(lines(packWith({ "psych.yaml": "#".repeat(1024 * 1024 + 1) }), "pack/file-too-large"))
      .toMatchInlineSnapshot(`
      [
        "psych.yaml:1:1: error: the file holds 1048577 bytes, more than the limit of 1048576 (1 MiB): it was not read",
      ]
    `);
  });
});

describe("YAML messages", () => {
  // One message per slip, in plain words (the corpus is tests/core/load/parse/yaml-slips.test.ts).
  const slip = (from: string, to: string, code: string) =>
    lines(packWith({ "psych.yaml": RULES.replace(from, to) }), code);
  it("syntax, in the parser's words where no plain words fit", () => {
    expect(slip("title: Moderate depression", "title: &a &b Moderate depression", "yaml/syntax"))
      .toMatchInlineSnapshot(`
      [
        "psych.yaml:4:15: error: a node can have at most one anchor",
      ]
    `);
  });
  it("an unknown escape in double quotes", () => {
    expect(slip('"PHQ-9 total {phq9.total}"', '"PHQ-9 total\\q {phq9.total}"', "yaml/escape")).toMatchInlineSnapshot(`
      [
        "psych.yaml:12:31: error: line 12: a backslash (\\) inside double quotes starts an escape, and this one is not known",
        "  hint: write the text in single quotes ('…'), where a backslash is just a backslash, or write it twice (\\\\)",
      ]
    `);
  });
  it("a value starting with a reserved character", () => {
    expect(slip("title: Moderate depression", "title: @home", "yaml/reserved-character")).toMatchInlineSnapshot(`
      [
        "psych.yaml:4:12: error: line 4: "@home" starts with a character YAML reserves, so it cannot be written without quotes",
        "  hint: put it in quotes: title: "@home"",
      ]
    `);
  });
  it("an operator written as a symbol, unquoted", () => {
    expect(slip("operator: greaterThanInclusive", "operator: >=", "yaml/operator-symbol")).toMatchInlineSnapshot(`
      [
        "psych.yaml:8:41: error: line 8: operator >= is written as a symbol; operators are written as names (did you mean greaterThanInclusive?)",
        "  hint: write operator: greaterThanInclusive",
      ]
    `);
  });
  it("several documents", () => {
    expect(lines(packWith({ "psych.yaml": `${RULES}---\nrules: []\n` }), "yaml/several-documents"))
      .toMatchInlineSnapshot(`
      [
        "psych.yaml:23:1: error: line 23 starts a second YAML document ("---"); a pack file holds one",
        "  hint: remove the "---" line, or move what follows it to a file of its own",
      ]
    `);
  });
  it("a tab", () => {
    expect(slip("    priority: 500", "\tpriority: 500", "yaml/tab")).toMatchInlineSnapshot(`
      [
        "psych.yaml:5:1: error: line 5 starts with a tab; YAML indents with spaces only",
        "  hint: replace the tab with spaces, as many as the lines it belongs with use",
      ]
    `);
  });
  it("indentation", () => {
    expect(slip("    priority: 500", "   priority: 500", "yaml/indentation")).toMatchInlineSnapshot(`
      [
        "psych.yaml:5:4: error: line 5 is indented 3 spaces; the lines around it use 4",
        "  hint: YAML reads what belongs together from the indentation: start the line after 4 spaces",
      ]
    `);
  });
  it("a missing colon", () => {
    expect(slip("    priority: 500", "    priority 500", "yaml/missing-colon")).toMatchInlineSnapshot(`
      [
        "psych.yaml:5:13: error: line 5: "priority" needs a colon after it",
        "  hint: write priority: 500",
      ]
    `);
  });
  it("a missing space after a colon", () => {
    expect(slip("    priority: 500", "    priority:500", "yaml/missing-space")).toMatchInlineSnapshot(`
      [
        "psych.yaml:5:13: error: line 5 needs a space after the colon",
        "  hint: write priority: 500",
      ]
    `);
  });
  it("a colon in unquoted text", () => {
    expect(slip("title: Moderate depression", "title: Depression: moderate", "yaml/needs-quotes"))
      .toMatchInlineSnapshot(`
      [
        "psych.yaml:4:12: error: line 4: the text after "title:" holds a colon and a space, which YAML reads as the start of another key",
        "  hint: put the text in quotes: title: "Depression: moderate"",
      ]
    `);
  });
  it("an unclosed quote", () => {
    expect(slip('"PHQ-9 total {phq9.total}"', '"PHQ-9 total {phq9.total}', "yaml/unclosed-quote"))
      .toMatchInlineSnapshot(`
      [
        "psych.yaml:12:19: error: line 12 opens a quote (") that is never closed",
        "  hint: end the text with " too",
      ]
    `);
  });
  it("text after a closing quote", () => {
    expect(slip('"PHQ-9 total {phq9.total}"', '"PHQ-9 total" {phq9.total}', "yaml/text-after-quote"))
      .toMatchInlineSnapshot(`
      [
        "psych.yaml:12:31: error: line 12 has more text after the closing quote (")",
        "  hint: put the whole text inside one pair of quotes",
      ]
    `);
  });
  it("a missing comma", () => {
    expect(slip("phq9.total, operator", "phq9.total operator", "yaml/missing-comma")).toMatchInlineSnapshot(`
      [
        "psych.yaml:8:29: error: line 8: a comma is missing before "operator:"",
        "  hint: separate the entries between "{" and "}" with commas, as in { fact: …, operator: …, value: … }",
      ]
    `);
  });
  it("an unclosed bracket", () => {
    expect(slip("[kroenke-2001]", "[kroenke-2001", "yaml/unclosed-bracket")).toMatchInlineSnapshot(`
      [
        "psych.yaml:13:15: error: line 13 opens "[" and never closes it",
        "  hint: end the line with "]"",
      ]
    `);
  });
  it("a bracket that closes nothing", () => {
    expect(slip("[kroenke-2001]", "[kroenke-2001]]", "yaml/unopened-bracket")).toMatchInlineSnapshot(`
      [
        "psych.yaml:13:29: error: line 13 ends with "]" that closes nothing",
        "  hint: remove the "]", or add the bracket it closes",
      ]
    `);
  });
  it("a stray dash", () => {
    expect(slip("    priority: 500", "    - priority: 500", "yaml/stray-dash")).toMatchInlineSnapshot(`
      [
        "psych.yaml:5:5: error: line 5 starts with "-", which makes "priority" a new list item, but it belongs with the keys above it",
        "  hint: remove the "-"",
      ]
    `);
    expect(slip("    priority: 500", "    -\n    priority: 500", "yaml/stray-dash")).toMatchInlineSnapshot(`
      [
        "psych.yaml:5:5: error: line 5 holds a "-" with nothing after it: a list item that is empty",
        "  hint: remove the "-"",
      ]
    `);
  });
  it("NUL character", () => {
    expect(lines(packWith({ "psych.yaml": "rules:\n  - id: a\0\n" }), "yaml/nul")).toMatchInlineSnapshot(`
      [
        "psych.yaml:2:10: error: the file holds a NUL character (U+0000), which YAML does not allow: expected text",
      ]
    `);
  });
  it("warning", () => {
    expect(
      lines(
        packWith({ "psych.yaml": ruleFile(rule("r").replace("title: Rule r", "title: !shout Rule r")) }),
        "yaml/warning",
      ),
    ).toMatchInlineSnapshot(`
      [
        "psych.yaml:3:12: warning: unresolved tag: !shout",
      ]
    `);
  });
  it("duplicate key", () => {
    expect(lines(packWith({ "psych.yaml": "rules:\n  - id: a\n    id: b\n" }), "yaml/duplicate-key"))
      .toMatchInlineSnapshot(`
      [
        "psych.yaml:3:5: error: duplicate key "id": it is already set on line 2, and keys must be unique within a mapping",
      ]
    `);
  });
  it("forbidden key", () => {
    expect(
      lines(packWith({ "psych.yaml": "rules:\n  - then: { __proto__: { polluted: true } }\n" }), "yaml/forbidden-key"),
    ).toMatchInlineSnapshot(`
      [
        "psych.yaml:2:13: error: key "__proto__" in "rules[0].then" is not allowed: it names a JavaScript object internal, never rule data",
      ]
    `);
  });
  it("complex key", () => {
    expect(lines(packWith({ "psych.yaml": "? [a, b]\n: 1\n" }), "yaml/complex-key")).toMatchInlineSnapshot(`
      [
        "psych.yaml:1:3: error: a key must be plain text, found a mapping or a list used as a key",
      ]
    `);
  });
  it("unresolved alias", () => {
    expect(lines(packWith({ "psych.yaml": "rules: *shared\n" }), "yaml/unresolved-alias")).toMatchInlineSnapshot(`
      [
        "psych.yaml:1:8: error: alias "*shared" refers to no anchor: expected "&shared" earlier in the file",
      ]
    `);
  });
  it("alias limit", () => {
    let bomb = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
    for (let i = 1; i < 10; i++)
      bomb += `a${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(", ")}]\n`;
    expect(lines(packWith({ "psych.yaml": bomb }), "yaml/alias-limit")).toMatchInlineSnapshot(`
      [
        "psych.yaml:5:10: error: alias "*a3" expands the file past 10000 nodes: nested aliases like this are a "billion laughs" attack, so the file was rejected",
      ]
    `);
  });
  it("too deep", () => {
    expect(lines(packWith({ "psych.yaml": `rules: ${"[".repeat(101)}${"]".repeat(101)}\n` }), "yaml/too-deep"))
      .toMatchInlineSnapshot(`
      [
        "psych.yaml:1:108: error: the file nests deeper than 100 levels here: expected a shallower structure",
      ]
    `);
  });
});

describe("schema messages", () => {
  it("a known key at the wrong level: where it belongs, once", () => {
    const noThen = rule("r").replace("then:\n  add:", "add:");
    expect(lines(withRule(noThen), "schema/misplaced-key")).toMatchInlineSnapshot(`
      [
        "psych.yaml:6:5: error: rule "r": "add" is not a key here: it belongs under "then"",
        "  hint: put add under then:, indented below it",
      ]
    `);
    const evidenceInThen = rule("r")
      .replace("evidence: [nice-ng59]", "")
      .replace("then:\n", "then:\n  evidence: [nice-ng59]\n");
    expect(lines(withRule(evidenceInThen), "schema/misplaced-key")).toMatchInlineSnapshot(`
      [
        "psych.yaml:7:7: error: rule "r": "evidence" in "then" is not a key here: it belongs one level out, beside "then"",
        "  hint: move evidence out of then:, indented like then itself",
      ]
    `);
  });
  it("a number or boolean in quotes", () => {
    expect(lines(withCondition('{ fact: phq9.total, operator: greaterThan, value: "15" }'), "rules/value-type"))
      .toMatchInlineSnapshot(`
        [
          "psych.yaml:5:61: error: rule "r" compares "phq9.total", an integer fact, with a string ("15")",
          "  hint: remove the quotes: 15 is a number",
        ]
      `);
  });
  it("an operator written as a symbol, quoted", () => {
    expect(lines(withCondition('{ fact: phq9.total, operator: ">=", value: 15 }'), "schema/enum"))
      .toMatchInlineSnapshot(`
      [
        "psych.yaml:5:41: error: rule "r": "when.operator" must be "equal", "notEqual", "lessThan", "lessThanInclusive", "greaterThan", "greaterThanInclusive", "in", "notIn", "contains" or "doesNotContain", found a string (">=") (did you mean "greaterThanInclusive"?)",
      ]
    `);
  });
  it("a threshold in the text that is not the condition's", () => {
    const drifted = rule("r", { when: "{ fact: phq9.total, operator: greaterThan, value: 15 }" }).replace(
      "title: Rule r",
      "title: PHQ-9 > 14",
    );
    expect(lines(withRule(drifted), "rules/threshold-text")).toMatchInlineSnapshot(`
      [
        "psych.yaml:3:18: warning: rule "r": its title says "> 14", but its condition tests phq9.total > 15",
        "  hint: correct whichever is out of date, the text or the value; if they differ on purpose, list the text's comparison in the rule's intentionalThresholds",
      ]
    `);
  });
  it("a placeholder fact written without its prefix", () => {
    const shortened = rule("r").replace("because {chronicity}", "because {fabq.physicalActivity}");
    expect(lines(withRule(shortened), "rules/template-fact")).toMatchInlineSnapshot(`
      [
        "psych.yaml:8:64: error: rule "r": placeholder "{fabq.physicalActivity}" names no known fact (did you mean "questionnaires.fabq.physicalActivity"?)",
      ]
    `);
  });
  it("unknown key, with and without a suggestion", () => {
    const typo = rule("cbt-moderate").replace("priority:", "prority:");
    const stray = rule("other", { extra: "notes: x" });
    expect(lines(withRule(typo, stray), "schema/unknown-key")).toMatchInlineSnapshot(`
      [
        "psych.yaml:4:5: error: rule "cbt-moderate": unknown key "prority" (did you mean "priority"?)",
        "psych.yaml:18:5: error: rule "other": unknown key "notes": expected "id", "title", "description", "status", "owner", "reviewedBy", "reviewedOn", "reviewDue", "priority", "when", "then", "evidence" or "intentionalThresholds"",
      ]
    `);
  });
  it("missing key", () => {
    expect(lines(withCondition("{ fact: chronicity, operator: equal }"), "schema/missing-key")).toMatchInlineSnapshot(`
      [
        "psych.yaml:5:11: error: rule "r": missing "value" in "when"",
      ]
    `);
  });
  it("type", () => {
    expect(lines(withRule(rule("r").replace("priority: 100", "priority: high")), "schema/type")).toMatchInlineSnapshot(`
      [
        "psych.yaml:4:15: error: rule "r": "priority" must be a whole number, found a string ("high")",
      ]
    `);
    expect(lines(packWith({ "evidence.yaml": "" }), "schema/type")).toMatchInlineSnapshot(`
      [
        "evidence.yaml:1:1: error: the file must be a mapping, found nothing",
      ]
    `);
  });
  it("enum", () => {
    const text = ruleFile(rule("r").replace("then:\n", "then:\n  withhold: [{ category: adjnct, reason: not now }]\n"));
    expect(lines(packWith({ "psych.yaml": text }), "schema/enum")).toMatchInlineSnapshot(`
      [
        "psych.yaml:7:30: error: rule "r": "then.withhold[0].category" must be "referral", "investigation", "education", "self-management", "physiotherapy", "motor-control", "psychological", "medication", "lifestyle", "adjunct" or "follow-up", found a string ("adjnct") (did you mean "adjunct"?)",
      ]
    `);
  });
  it("pattern", () => {
    expect(lines(withRule(rule("CBT_moderate")), "schema/pattern")).toMatchInlineSnapshot(`
      [
        "psych.yaml:2:9: error: rule "CBT_moderate": "id" must be an id of lowercase letters and digits joined by single hyphens (e.g. "cbt-moderate"), found a string ("CBT_moderate")",
      ]
    `);
  });
  it("min items", () => {
    expect(lines(withCondition("{ all: [] }"), "schema/min-items")).toMatchInlineSnapshot(`
      [
        "psych.yaml:5:18: error: rule "r": "when.all" must list at least 1 item, found an empty list",
      ]
    `);
  });
  it("length", () => {
    expect(lines(withRule(rule("r").replace("title: Rule r", "title: ''")), "schema/length")).toMatchInlineSnapshot(`
      [
        "psych.yaml:3:12: error: rule "r": "title" must not be empty",
      ]
    `);
    expect(lines(withRule(rule("a".repeat(81))), "schema/length")).toMatchInlineSnapshot(`
      [
        "psych.yaml:2:9: error: rule "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…": "id" must be at most 80 characters long, found 81",
      ]
    `);
  });
  it("range", () => {
    expect(lines(withRule(rule("r", { priority: 5000 }), rule("s", { priority: -1 })), "schema/range"))
      .toMatchInlineSnapshot(`
      [
        "psych.yaml:4:15: error: rule "r": "priority" must be at most 1000, found the number 5000",
        "psych.yaml:12:15: error: rule "s": "priority" must be at least 0, found the number -1",
      ]
    `);
  });
  it("duplicate item", () => {
    expect(
      lines(
        withRule(rule("r").replace("evidence: [nice-ng59]", "evidence: [nice-ng59, nice-ng59]")),
        "schema/duplicate-item",
      ),
    ).toMatchInlineSnapshot(`
      [
        "psych.yaml:9:27: error: rule "r": "evidence" lists "nice-ng59" twice (items 1 and 2): expected each once",
      ]
    `);
  });
  it("empty mapping", () => {
    expect(lines(withRule(rule("r").replace(/then:\n {2}add:\n.*\n/, "then: {}\n")), "schema/empty-mapping"))
      .toMatchInlineSnapshot(`
      [
        "psych.yaml:6:11: error: rule "r": "then" needs at least one of "add", "withhold" or "halt", found an empty mapping",
      ]
    `);
  });
  it("alternatives: condition, withholding, value", () => {
    expect(lines(withCondition("{}"), "schema/alternatives")).toMatchInlineSnapshot(`
      [
        "psych.yaml:5:11: error: rule "r": a condition in "when" needs "fact", "operator" and "value", or one of "all", "any" or "not", found an empty mapping",
      ]
    `);
    const withholdings = rule("r").replace(
      "then:\n",
      "then:\n  withhold: [{ reason: x }, { component: massage, category: adjunct, reason: y }]\n",
    );
    expect(lines(withRule(withholdings), "schema/alternatives")).toMatchInlineSnapshot(`
      [
        "psych.yaml:7:18: error: rule "r": a withholding in "then.withhold[0]" needs one of "component" or "category", found a mapping with "reason"",
        "psych.yaml:7:33: error: rule "r": a withholding in "then.withhold[1]" needs only one of "component" or "category", found a mapping with "component", "category", "reason"",
      ]
    `);
    expect(lines(withCondition("{ fact: chronicity, operator: equal, value: { a: 1 } }"), "schema/alternatives"))
      .toMatchInlineSnapshot(`
      [
        "psych.yaml:5:55: error: rule "r": a condition value in "when.value" must be a number, a string or a boolean, or a list of numbers, strings or booleans, found a mapping with "a"",
      ]
    `);
  });
  it("fallback, for a keyword without a template", () => {
    const context = {
      owner: 'rule "r"',
      field: "when",
      found: "the number 1",
      keys: [],
      detail: 'must pass "if" schema',
    };
    const found = issue(
      messages.schemaFallback,
      { path: "/rules/0/when", source: { file: "psych.yaml", line: 5, column: 11 } },
      context,
    );
    covered.add(found.code);
    expect(formatIssue(found)).toMatchInlineSnapshot(
      `"psych.yaml:5:11: error: rule "r": "when" must pass "if" schema"`,
    );
  });
  it("items set aside with no problem named (unreachable but by a bug: its safety net)", () => {
    const found = issue(messages.itemsUnchecked, { path: "" });
    covered.add(found.code);
    expect(formatIssue(found)).toMatchInlineSnapshot(
      `"some items failed their schema but no problem could be named for them: nothing was compiled (an internal error of backplan: please report it with the pack)"`,
    );
  });
});

describe("reference and duplicate messages", () => {
  it("duplicate ids of each kind", () => {
    expect(lines(withRule(rule("r"), rule("r")), "rules/duplicate-id")).toMatchInlineSnapshot(`
      [
        "psych.yaml:10:9: error: rule id "r" is already used at psych.yaml:2:9: expected each id once in the pack",
      ]
    `);
    const components = packWith({}).find((f) => f.path === "components.yaml")?.text ?? "";
    const repeated = `${components}  - id: education-reassurance\n    category: education\n    title: T\n    description: D\n    patientText: P\n    details: {}\n`;
    expect(lines(packWith({ "components.yaml": repeated }), "components/duplicate-id")).toMatchInlineSnapshot(`
      [
        "components.yaml:15:9: error: component id "education-reassurance" is already used at components.yaml:9:9: expected each id once in the pack",
      ]
    `);
    const evidence = `evidence:\n  - { id: nice-ng59, citation: C, finding: F, certainty: guideline }\n  - { id: nice-ng59, citation: C, finding: F, certainty: guideline }\n  - { id: kroenke-2001, citation: C, finding: F, certainty: high }\n`;
    expect(lines(packWith({ "evidence.yaml": evidence }), "evidence/duplicate-id")).toMatchInlineSnapshot(`
      [
        "evidence.yaml:3:11: error: evidence id "nice-ng59" is already used at evidence.yaml:2:11: expected each id once in the pack",
      ]
    `);
    const manifest =
      "name: p\nversion: 1.0.0\ndefaultProfile: a\nprofiles:\n  - { id: a, title: A }\n  - { id: a, title: B }\n";
    expect(lines(packWith({ "pack.yaml": manifest }), "pack/duplicate-profile")).toMatchInlineSnapshot(`
      [
        "pack.yaml:6:11: error: profile id "a" is already used at pack.yaml:5:11: expected each id once in the pack",
      ]
    `);
  });
  it("unknown default profile", () => {
    const manifest =
      "name: p\nversion: 1.0.0\ndefaultProfile: nice-ng95\nprofiles:\n  - { id: nice-ng59, title: N }\n  - { id: acp-2017, title: A }\n";
    expect(lines(packWith({ "pack.yaml": manifest }), "pack/unknown-profile")).toMatchInlineSnapshot(`
      [
        "pack.yaml:3:17: error: defaultProfile "nice-ng95" is not a profile of this pack: expected "nice-ng59" or "acp-2017" (did you mean "nice-ng59"?)",
      ]
    `);
  });
  it("unknown component: added, withheld, compared", () => {
    const added = rule("r").replace("component: education-reassurance", "component: education-reasurance");
    const withheld = rule("s").replace(
      "then:\n",
      "then:\n  withhold: [{ component: mental-health-referal, reason: not now }]\n",
    );
    const compared = rule("t", { when: "{ fact: plan.components, operator: contains, value: education-reasurance }" });
    expect(lines(withRule(added, withheld, compared), "rules/unknown-component")).toMatchInlineSnapshot(`
      [
        "psych.yaml:8:24: error: rule "r" adds unknown component "education-reasurance" (did you mean "education-reassurance"?)",
        "psych.yaml:15:31: error: rule "s" withholds unknown component "mental-health-referal" (did you mean "mental-health-referral"?)",
        "psych.yaml:22:63: error: rule "t" compares "plan.components" with unknown component "education-reasurance" (did you mean "education-reassurance"?)",
      ]
    `);
  });
  it("unknown evidence", () => {
    expect(
      lines(withRule(rule("r").replace("evidence: [nice-ng59]", "evidence: [nice-ng95]")), "rules/unknown-evidence"),
    ).toMatchInlineSnapshot(`
      [
        "psych.yaml:9:16: error: rule "r" cites unknown evidence "nice-ng95" (did you mean "nice-ng59"?)",
      ]
    `);
  });
  it("unknown fact", () => {
    expect(lines(withCondition("{ fact: phq9.totl, operator: greaterThan, value: 9 }"), "rules/unknown-fact"))
      .toMatchInlineSnapshot(`
      [
        "psych.yaml:5:19: error: rule "r" uses unknown fact "phq9.totl" (did you mean "phq9.total"?)",
      ]
    `);
  });
  it("unknown placeholder fact", () => {
    expect(lines(withRule(rule("r").replace("because {chronicity}", "because {chronicty}")), "rules/template-fact"))
      .toMatchInlineSnapshot(`
      [
        "psych.yaml:8:64: error: rule "r": placeholder "{chronicty}" names no known fact (did you mean "chronicity"?)",
      ]
    `);
  });
});

describe("condition value messages", () => {
  it("operator type", () => {
    expect(lines(withCondition("{ fact: chronicity, operator: greaterThan, value: 3 }"), "rules/operator-type"))
      .toMatchInlineSnapshot(`
      [
        "psych.yaml:5:41: error: rule "r": operator "greaterThan" does not apply to "chronicity", a string fact ("acute", "subacute" or "chronic"): expected "equal", "notEqual", "in" or "notIn"",
      ]
    `);
  });
  it("value shape", () => {
    expect(lines(withCondition("{ fact: phq9.total, operator: in, value: 3 }"), "rules/value-shape"))
      .toMatchInlineSnapshot(`
      [
        "psych.yaml:5:52: error: rule "r": operator "in" compares with a list of values, found the number 3",
      ]
    `);
    expect(lines(withCondition("{ fact: phq9.total, operator: equal, value: [3] }"), "rules/value-shape"))
      .toMatchInlineSnapshot(`
      [
        "psych.yaml:5:55: error: rule "r": operator "equal" compares with a single value, found a list",
      ]
    `);
  });
  it("value type", () => {
    expect(lines(withCondition("{ fact: chronicity, operator: equal, value: 12 }"), "rules/value-type"))
      .toMatchInlineSnapshot(`
      [
        "psych.yaml:5:55: error: rule "r" compares "chronicity", a string fact ("acute", "subacute" or "chronic"), with the number 12",
      ]
    `);
  });
  it("value not in the fact's enum", () => {
    expect(lines(withCondition("{ fact: chronicity, operator: equal, value: chronc }"), "rules/value-enum"))
      .toMatchInlineSnapshot(`
      [
        "psych.yaml:5:55: error: rule "r" compares "chronicity" with "chronc", which is not one of its values: expected "acute", "subacute" or "chronic" (did you mean "chronic"?)",
      ]
    `);
  });
  it("unknown profile and category, compared", () => {
    expect(lines(withCondition("{ fact: profile, operator: equal, value: acp-2018 }"), "rules/unknown-profile"))
      .toMatchInlineSnapshot(`
      [
        "psych.yaml:5:52: error: rule "r" compares "profile" with unknown profile "acp-2018" (did you mean "acp-2017"?)",
      ]
    `);
    expect(
      lines(withCondition("{ fact: plan.categories, operator: contains, value: referal }"), "rules/unknown-category"),
    ).toMatchInlineSnapshot(`
      [
        "psych.yaml:5:63: error: rule "r" compares "plan.categories" with unknown category "referal" (did you mean "referral"?)",
      ]
    `);
  });
  it("a list item no value can equal (a warning)", () => {
    expect(lines(withCondition("{ fact: phq9.total, operator: in, value: [5, 30] }"), "rules/value-range"))
      .toMatchInlineSnapshot(`
      [
        "psych.yaml:5:56: warning: rule "r" lists 30 for "phq9.total", which is a whole number from 0 to 27: that item can never match",
        "  hint: correct the item or remove it from the list",
      ]
    `);
  });
});

describe("condition logic messages", () => {
  const PHQ = (operator: string, value: string) => `{ fact: phq9.total, operator: ${operator}, value: ${value} }`;
  it("never holds", () => {
    expect(lines(withCondition(`{ not: ${PHQ("greaterThanInclusive", "0")} }`), "rules/never-holds"))
      .toMatchInlineSnapshot(`
      [
        "psych.yaml:5:18: error: rule "r": "not phq9.total ≥ 0" can never hold: phq9.total is a whole number from 0 to 27",
        "  hint: correct the value or the operator (a value on another scale, < for >), or remove the comparison",
      ]
    `);
    expect(lines(withCondition("{ fact: chronicity, operator: in, value: [] }"), "rules/never-holds"))
      .toMatchInlineSnapshot(`
      [
        "psych.yaml:5:11: error: rule "r": "chronicity is one of []" can never hold: chronicity is "acute", "subacute" or "chronic"",
        "  hint: correct the value or the operator (a value on another scale, < for >), or remove the comparison",
      ]
    `);
  });
  it("always holds", () => {
    const fever = "{ fact: redFlags.fever, operator: equal, value: true }";
    expect(lines(withCondition(`{ all: [${PHQ("lessThan", "30")}, ${fever}] }`), "rules/always-holds"))
      .toMatchInlineSnapshot(`
      [
        "psych.yaml:5:19: warning: rule "r": "phq9.total < 30" holds whatever the value of phq9.total: it only tests that it is recorded",
        "  hint: check the thresholds against the values phq9.total can take; if the rule is meant for everyone with it recorded, keep it and say so in its description",
      ]
    `);
    expect(
      lines(
        withCondition(
          `{ all: [${fever}, { any: [${PHQ("lessThan", "10")}, { fact: gad7.total, operator: lessThan, value: 5 }, ${PHQ("greaterThan", "9")}] }] }`,
        ),
        "rules/always-holds",
      ),
    ).toMatchInlineSnapshot(`
      [
        "psych.yaml:5:75: warning: rule "r": "any of 3 conditions" holds whatever the value of phq9.total and gad7.total: it only tests that they are recorded",
        "  hint: check the thresholds against the values phq9.total and gad7.total can take; if the rule is meant for everyone with them recorded, keep it and say so in its description",
      ]
    `);
  });
  it("contradiction", () => {
    const when = `{ all: [${PHQ("greaterThanInclusive", "10")}, { fact: chronicity, operator: equal, value: acute }, ${PHQ("lessThan", "5")}] }`;
    expect(lines(withCondition(when), "rules/contradiction")).toMatchInlineSnapshot(`
      [
        "psych.yaml:5:137: error: rule "r": "phq9.total < 5" can never hold together with "phq9.total ≥ 10" (line 5), and all of them must hold",
        "  hint: one of these thresholds or values is probably wrong; if either one is enough, put them in an "any"",
      ]
    `);
    const several = `{ all: [${PHQ("greaterThan", "5")},\n  ${PHQ("lessThan", "20")},\n  ${PHQ("in", "[1, 25]")}] }`;
    expect(lines(withCondition(several), "rules/contradiction")).toMatchInlineSnapshot(`
      [
        "psych.yaml:7:7: error: rule "r": "phq9.total is one of [1, 25]" can never hold together with "phq9.total > 5" (line 5) and "phq9.total < 20" (line 6), and all of them must hold",
        "  hint: one of these thresholds or values is probably wrong; if either one is enough, put them in an "any"",
      ]
    `);
  });
  it("duplicate condition", () => {
    expect(
      lines(
        withCondition(`{ any: [${PHQ("greaterThanInclusive", "10")}, ${PHQ("greaterThan", "9")}] }`),
        "rules/duplicate-condition",
      ),
    ).toMatchInlineSnapshot(`
      [
        "psych.yaml:5:84: warning: rule "r": "phq9.total > 9" says again what "phq9.total ≥ 10" (line 5) says, in the same "any": it adds nothing",
        "  hint: remove one of them, or correct the one that was meant to test something else",
      ]
    `);
  });
  it("fractional threshold", () => {
    expect(lines(withCondition(PHQ("greaterThan", "9.5")), "rules/fractional-threshold")).toMatchInlineSnapshot(`
      [
        "psych.yaml:5:11: warning: rule "r": "phq9.total > 9.5" compares a whole-number fact with a fraction: it means "phq9.total ≥ 10"",
        "  hint: write the threshold that applies: { fact: phq9.total, operator: greaterThanInclusive, value: 10 }",
      ]
    `);
  });
  it("malformed placeholder", () => {
    const text = rule("r").replace("because {chronicity}", "PHQ-9 {phq9.total is {}");
    expect(lines(withRule(text), "rules/template-syntax")).toMatchInlineSnapshot(`
      [
        "psych.yaml:8:62: error: rule "r": "{phq9.total" is not a placeholder: expected a fact name between "{" and "}", like "{phq9.total}"",
        "  hint: the plan would show it as written: correct the fact name or the braces, or remove them",
        "psych.yaml:8:77: error: rule "r": "{}" is not a placeholder: expected a fact name between "{" and "}", like "{phq9.total}"",
        "  hint: the plan would show it as written: correct the fact name or the braces, or remove them",
      ]
    `);
  });
});

describe("messages about rules together", () => {
  const FEVER = "{ fact: redFlags.fever, operator: equal, value: true }";
  const withhold = (id: string, priority: number, entry: string, when = FEVER) =>
    rule(id, { priority, when }).replace(/then:\n {2}add:\n.*\n/, `then:\n  withhold: [${entry}]\n`);
  it("shadowed by a halt", () => {
    const halt = rule("emergency", { priority: 1000, when: FEVER }).replace(
      "then:\n",
      "then:\n  halt: { reason: emergency }\n",
    );
    expect(lines(withRule(halt, rule("fever-education", { priority: 500, when: FEVER })), "rules/shadowed-by-halt"))
      .toMatchInlineSnapshot(`
      [
        "psych.yaml:11:9: error: rule "fever-education" (priority 500) can never change a plan: whenever it fires, "emergency" (priority 1000, psych.yaml:2:9) fires too and halts the plan, which withholds everything added below priority 1000",
        "  hint: give "fever-education" priority 1000 if it belongs with the halt (a halt keeps what its own priority adds), narrow its condition, or retire it",
      ]
    `);
  });
  it("always withheld", () => {
    const urgent = withhold("urgent", 900, "{ category: education, reason: not now }");
    expect(lines(withRule(urgent, rule("below", { priority: 500, when: FEVER })), "rules/always-withheld"))
      .toMatchInlineSnapshot(`
      [
        "psych.yaml:15:24: warning: rule "below" adds "education-reassurance", but whenever it fires "urgent" (priority 900, psych.yaml:2:9) withholds it (category "education"): the addition never reaches a plan",
        "  hint: remove the addition, or narrow the condition of "urgent" if "education-reassurance" should be offered here",
      ]
    `);
  });
  it("add and withhold at one priority, by two rules or one", () => {
    const other = withhold(
      "no-education",
      100,
      "{ component: education-reassurance, reason: no }",
      "{ fact: phq9.total, operator: greaterThan, value: 20 }",
    );
    expect(lines(withRule(other, rule("education")), "rules/add-withhold-conflict")).toMatchInlineSnapshot(`
      [
        "psych.yaml:15:24: warning: rule "education" adds "education-reassurance" and "no-education" (priority 100, psych.yaml:2:9) withholds it at the same priority; lint cannot show they never fire together, and if both do, withholding wins",
        "  hint: if "education-reassurance" should be offered when both fire, make their conditions exclude each other; if withholding should win, say so by giving "no-education" a higher priority (withholding wins whatever the priorities)",
      ]
    `);
    const itself = rule("both").replace("then:\n", "then:\n  withhold: [{ category: education, reason: no }]\n");
    expect(lines(withRule(itself), "rules/add-withhold-conflict")).toMatchInlineSnapshot(`
      [
        "psych.yaml:9:24: warning: rule "both" adds "education-reassurance" and withholds it (category "education") itself: withholding wins, so the addition never reaches a plan",
        "  hint: remove the addition or the withholding",
      ]
    `);
  });
  it("equivalent conditions", () => {
    expect(
      lines(
        withRule(rule("a"), rule("b", { when: "{ fact: chronicity, operator: in, value: [acute] }" })),
        "rules/equivalent-conditions",
      ),
    ).toMatchInlineSnapshot(`
      [
        "psych.yaml:10:9: warning: rule "b" fires exactly when "a" (priority 100, psych.yaml:2:9) does: their conditions are equivalent, at the same priority",
        "  hint: merge it into "a", or correct the condition that was meant to differ",
      ]
    `);
  });
});

describe("scenario messages", () => {
  const scenario = (profile: string, expect: string) =>
    packWith({
      "tests/basic.yaml": `scenarios:\n  - name: low mood\n    profile: ${profile}\n    assessment: {}\n    expect: ${expect}\n`,
    });
  it("unknown profile", () => {
    expect(lines(scenario("acp-2018", "{ status: complete }"), "scenarios/unknown-profile")).toMatchInlineSnapshot(`
      [
        "tests/basic.yaml:3:14: error: scenario "low mood" is made under unknown profile "acp-2018" (did you mean "acp-2017"?)",
      ]
    `);
  });
  it("unknown component, rule and field", () => {
    const files = scenario(
      "acp-2017",
      "{ exclude: [educaton-reassurance], notFired: [depresion-referral], dataGaps: [questionnaires.phq9.totl] }",
    );
    expect(lines(files, "scenarios/unknown-component")).toMatchInlineSnapshot(`
      [
        "tests/basic.yaml:5:25: error: scenario "low mood" names unknown component "educaton-reassurance" in "exclude" (did you mean "education-reassurance"?)",
      ]
    `);
    expect(lines(files, "scenarios/unknown-rule")).toMatchInlineSnapshot(`
      [
        "tests/basic.yaml:5:59: error: scenario "low mood" names unknown rule "depresion-referral" in "notFired" (did you mean "depression-referral"?)",
      ]
    `);
    expect(lines(files, "scenarios/unknown-field")).toMatchInlineSnapshot(`
      [
        "tests/basic.yaml:5:91: error: scenario "low mood" names unknown assessment field "questionnaires.phq9.totl" in "dataGaps" (did you mean "questionnaires.phq9.total"?)",
      ]
    `);
  });
  it("invalid assessment, once per value however many scenarios share it", () => {
    const files = packWith({
      "tests/basic.yaml": [
        "scenarios:",
        "  - name: low mood",
        "    assessment: &base { patient: { age: 40 }, pain: { durationWeeks: 3 }, questionnaires: { phq9: { total: 30 } } }",
        "    expect: { status: complete }",
        "  - name: low mood again",
        "    assessment: *base",
        "    expect: { status: complete }",
        "",
      ].join("\n"),
    });
    expect(lines(files, "scenarios/invalid-assessment")).toMatchInlineSnapshot(`
      [
        "tests/basic.yaml:3:108: warning: scenario "low mood" (and 1 more sharing this value): its assessment is invalid: questionnaires.phq9.total: 30 is out of range 0–27",
        "  hint: backplan test reports this scenario as invalid, and runs no plan for it, until the assessment is fixed",
      ]
    `);
  });
});

describe("governance messages", () => {
  const reviewed = (extra: string) => withRule(rule("r", { extra }));
  it("a date that is not a day", () => {
    expect(lines(reviewed("reviewDue: 2027-02-30"), "governance/not-a-date")).toMatchInlineSnapshot(`
      [
        "psych.yaml:10:16: error: rule "r" has reviewDue 2027-02-30, which is not a day of the calendar: expected a real date, YYYY-MM-DD",
      ]
    `);
  });
  it("a review after today", () => {
    const files = reviewed("reviewedBy: Dr A\nreviewedOn: 2026-12-01");
    expect(lines(files, "governance/reviewed-in-future", { today: "2026-11-23" })).toMatchInlineSnapshot(`
      [
        "psych.yaml:11:17: warning: rule "r" says it was reviewed on 2026-12-01, after today (2026-11-23): expected the date of a review that took place",
      ]
    `);
  });
  it("due before reviewed", () => {
    const files = reviewed("reviewedBy: Dr A\nreviewedOn: 2026-06-01\nreviewDue: 2026-06-01");
    expect(lines(files, "governance/review-due-before-review")).toMatchInlineSnapshot(`
      [
        "psych.yaml:12:16: error: rule "r" is due for review on 2026-06-01, not after its last review on 2026-06-01: expected reviewDue later than reviewedOn",
      ]
    `);
  });
  it("overdue", () => {
    const files = reviewed("reviewDue: 2026-11-22");
    expect(lines(files, "governance/review-overdue", { today: "2026-11-23" })).toMatchInlineSnapshot(`
      [
        "psych.yaml:10:16: warning: rule "r" was due for review on 2026-11-22 and today is 2026-11-23: expected a review (then update reviewedBy, reviewedOn and reviewDue)",
      ]
    `);
  });
  it("a reviewer without a date", () => {
    expect(lines(reviewed("reviewedBy: Dr A"), "governance/reviewer-without-date")).toMatchInlineSnapshot(`
      [
        "psych.yaml:10:17: warning: rule "r" has reviewedBy but no reviewedOn: a review is recorded by who and when, expected both",
      ]
    `);
    expect(lines(reviewed("reviewedOn: 2026-01-05"), "governance/reviewer-without-date")).toMatchInlineSnapshot(`
      [
        "psych.yaml:10:17: warning: rule "r" has reviewedOn but no reviewedBy: a review is recorded by who and when, expected both",
      ]
    `);
  });
});

describe("warnings", () => {
  it("unused component and evidence", () => {
    const files = withRule(rule("r"));
    expect(lines(files, "components/unused")).toMatchInlineSnapshot(`
      [
        "components.yaml:3:9: warning: component "mental-health-referral" is never added or withheld by any rule: expected a rule to add it (or to answer a request for it), or remove it",
        "  hint: add it in a rule's "then.add", or delete it from components.yaml",
      ]
    `);
    expect(lines(files, "evidence/unused")).toMatchInlineSnapshot(`
      [
        "evidence.yaml:8:9: warning: evidence "kroenke-2001" is never cited by any rule: expected a rule to cite it, or remove it",
        "  hint: cite it in the "evidence" list of the rules it supports, or delete it from evidence.yaml",
      ]
    `);
    const retired = withRule(
      rule("r"),
      rule("old", { extra: "status: retired" }).replace("education-reassurance", "mental-health-referral"),
    );
    expect(lines(retired, "components/unused")).toMatchInlineSnapshot(`
      [
        "components.yaml:3:9: warning: component "mental-health-referral" is added only by retired rule "old", which never runs: it can never reach a plan",
        "  hint: add it in a rule's "then.add", or delete it from components.yaml",
      ]
    `);
  });
  it("evidence without a link", () => {
    const unlinked = EVIDENCE.replace("    url: https://www.nice.org.uk/guidance/ng59\n", "");
    expect(lines(packWith({ "evidence.yaml": unlinked }), "evidence/no-link")).toMatchInlineSnapshot(`
      [
        "evidence.yaml:3:9: warning: evidence "nice-ng59" has neither a doi nor a url: a reviewer cannot open the source",
        "  hint: add "doi: 10.…" (without "https://doi.org/") or "url: https://…"",
      ]
    `);
  });
});

describe("contraindications and competing details", () => {
  it("a contraindication id used twice", () => {
    const guard = (id: string) => `      - id: ${id}
        title: Osteoporosis
        when: { fact: redFlags.osteoporosis, operator: equal, value: true }
        reason: Fracture risk
        evidence: [nice-ng59]
`;
    const components = COMPONENTS.replace(
      "    details: { sessions: 1 }\n",
      `    details: { sessions: 1 }\n    contraindications:\n${guard("guard")}${guard("guard")}`,
    );
    expect(lines(packWith({ "components.yaml": components }), "components/duplicate-contraindication"))
      .toMatchInlineSnapshot(`
        [
          "components.yaml:21:13: error: duplicate contraindication id "guard": first defined at components.yaml:16:13; plans name it as contraindication:guard, so it must be unique across the pack",
        ]
      `);
  });
  it("rules of one priority giving one component different details", () => {
    const detailed = (id: string, sessions: number) =>
      rule(id, { priority: 300 }).replace(
        'reason: "because {chronicity}" }',
        `reason: "because {chronicity}", details: { sessions: ${sessions} } }`,
      );
    expect(lines(withRule(detailed("a", 1), detailed("b", 2)), "rules/conflicting-details")).toMatchInlineSnapshot(`
      [
        "psych.yaml:16:100: error: rule "b" gives education-reassurance sessions 2 where rule "a" (line 2), of the same priority, gives 1: which wins would depend on rule ids",
        "  hint: give the rules different priorities (the higher one's details win), or the same value; only a referral's urgency may differ (the most urgent wins)",
      ]
    `);
  });
});

// Runs last (tests in a file run in order): every template in messages.ts has a case above.
it("covers every message template", () => {
  const templates = Object.values(messages).flatMap((value): unknown[] =>
    "code" in value ? [value] : Object.values(value),
  );
  const codes = new Set(templates.map((t) => (t as { code: string }).code));
  expect([...codes].filter((code) => !covered.has(code)).sort()).toEqual([]);
});
