import { describe, expect, it } from "vitest";
import type { Issue } from "../../../../src/core/errors.js";
import { readYamlFile } from "../../../../src/core/load/parse/yaml-file.js";
import type { FileKind } from "../../../../src/core/load/pack-layout.js";
import { validateFile } from "../../../../src/core/load/validate/schema-issues.js";
import { rule, ruleFile } from "../../../arbitraries/ruleset.js";

/** Schema issues of one file: code, pointer and line:col, then the message. */
function schemaIssues(text: string, kind: FileKind = "rules", path = "psych.yaml"): string[] {
  const { file } = readYamlFile({ path, text }, kind);
  if (file === undefined) throw new Error("test YAML must parse");
  return validateFile(file).issues.map(
    (i: Issue) => `${i.code} ${i.path} ${i.source?.line}:${i.source?.column} ${i.message}`,
  );
}
const withCondition = (when: string) => schemaIssues(ruleFile(rule("r", { when })));

describe("one issue per problem, from the branch of a oneOf the author meant", () => {
  it("an empty all list", () => {
    expect(withCondition("{ all: [] }")).toEqual([
      'schema/min-items /rules/0/when/all 5:18 rule "r": "when.all" must list at least 1 item, found an empty list',
    ]);
  });

  it("a comparison missing its value", () => {
    expect(withCondition("{ fact: chronicity, operator: equal }")).toEqual([
      'schema/missing-key /rules/0/when 5:11 rule "r": missing "value" in "when"',
    ]);
  });

  it("a misspelt key of a comparison: the typo, not also the missing key", () => {
    expect(withCondition("{ any: [{ fact: chronicity, opertor: equal, value: acute }] }")).toEqual([
      'schema/unknown-key /rules/0/when/any/0/opertor 5:39 rule "r": unknown key "opertor" in "when.any[0]" (did you mean "operator"?)',
    ]);
  });

  it("no branch stands out: the alternatives, once", () => {
    for (const when of [
      "{}",
      "{ foo: 1 }",
      "nonsense",
      "[]",
      "{ all: [{ fact: a, operator: equal, value: 1 }], fact: b }",
    ]) {
      const issues = withCondition(when);
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatch(
        /^schema\/alternatives \/rules\/0\/when 5:11 rule "r": a condition in "when" needs "fact", "operator" and "value", or one of "all", "any" or "not", found /,
      );
    }
  });

  it("nested conditions: the innermost problem only", () => {
    expect(
      withCondition("{ not: { all: [{ any: [{ fact: chronicity, operator: equal, value: { x: 1 } }] }] } }"),
    ).toEqual([
      'schema/alternatives /rules/0/when/not/all/0/any/0/value 5:78 rule "r": a condition value in "when.not.all[0].any[0].value" must be a number, a string or a boolean, or a list of numbers, strings or booleans, found a mapping with "x"',
    ]);
  });

  it("a list value with a bad item: the item", () => {
    expect(withCondition("{ fact: chronicity, operator: in, value: [acute, [chronic]] }")).toEqual([
      'schema/type /rules/0/when/value/1 5:60 rule "r": "when.value[1]" must be a number, a string or a boolean, found a list',
    ]);
  });

  it("a withholding with neither or both of component and category, beside its own missing reason", () => {
    const text = ruleFile(
      rule("r").replace("then:\n", "then:\n  withhold: [{}, { component: a, category: adjunct, reason: y }]\n"),
    );
    expect(schemaIssues(text)).toEqual([
      'schema/alternatives /rules/0/then/withhold/0 7:18 rule "r": a withholding in "then.withhold[0]" needs one of "component" or "category", found an empty mapping',
      'schema/missing-key /rules/0/then/withhold/0 7:18 rule "r": missing "reason" in "then.withhold[0]"',
      'schema/alternatives /rules/0/then/withhold/1 7:22 rule "r": a withholding in "then.withhold[1]" needs only one of "component" or "category", found a mapping with "component", "category", "reason"',
    ]);
  });

  it("every problem of a rule at once", () => {
    const broken = `id: Bad
title: ""
prority: 5
when: { fact: chronicity, operator: equal, value: acute }
then: { add: [{ component: x }] }
evidence: []`;
    expect(schemaIssues(ruleFile(broken, rule("fine")))).toEqual([
      'schema/unknown-key /rules/0/prority 4:5 rule "Bad": unknown key "prority" (did you mean "priority"?)',
      'schema/pattern /rules/0/id 2:9 rule "Bad": "id" must be an id of lowercase letters and digits joined by single hyphens (e.g. "cbt-moderate"), found a string ("Bad")',
      'schema/length /rules/0/title 3:12 rule "Bad": "title" must not be empty',
      'schema/missing-key /rules/0/then/add/0 6:19 rule "Bad": missing "reason" in "then.add[0]"',
      'schema/min-items /rules/0/evidence 7:15 rule "Bad": "evidence" must list at least 1 item, found an empty list',
    ]);
  });
});

describe("every file kind", () => {
  it("the manifest", () => {
    expect(
      schemaIssues("name: Pack\nversion: one\ndefaultProfile: a\nprofiles: [{ id: a }]\n", "manifest", "pack.yaml"),
    ).toEqual([
      'schema/pattern /name 1:7 "name" must be an id of lowercase letters and digits joined by single hyphens (e.g. "cbt-moderate"), found a string ("Pack")',
      'schema/pattern /version 2:10 "version" must be a version like "1.2.0", found a string ("one")',
      'schema/missing-key /profiles/0 4:12 profile "a": missing "title"',
    ]);
  });

  it("the component catalog", () => {
    const text =
      "components:\n  - id: a\n    category: physio\n    title: A\n    description: D\n    patientText: P\n    details: { sessions: many }\n";
    expect(schemaIssues(text, "components", "components.yaml")).toEqual([
      'schema/enum /components/0/category 3:15 component "a": "category" must be "referral", "investigation", "education", "self-management", "physiotherapy", "motor-control", "psychological", "medication", "lifestyle", "adjunct" or "follow-up", found a string ("physio")',
      'schema/type /components/0/details/sessions 7:26 component "a": "details.sessions" must be a whole number, found a string ("many")',
    ]);
  });

  it("the evidence catalog", () => {
    const text =
      "evidence:\n  - { id: a, citation: C, finding: F, certainty: strong, doi: 'https://doi.org/10.1/x' }\n";
    expect(schemaIssues(text, "evidence", "evidence.yaml")).toEqual([
      'schema/pattern /evidence/0/doi 2:63 evidence "a": "doi" must be a DOI like "10.1000/xyz123", without "https://doi.org/", found a string ("https://doi.org/10.1/x")',
      'schema/enum /evidence/0/certainty 2:50 evidence "a": "certainty" must be "high", "moderate", "low", "very-low", "guideline" or "expert-opinion", found a string ("strong")',
    ]);
  });

  it("scenario files", () => {
    const text = "scenarios:\n  - name: s\n    assessment: {}\n    expect: { includes: [a] }\n";
    expect(schemaIssues(text, "scenarios", "tests/a.yaml")).toEqual([
      'schema/unknown-key /scenarios/0/expect/includes 4:15 scenario "s": unknown key "includes" in "expect" (did you mean "include"?)',
    ]);
  });

  it("a file that is not a mapping", () => {
    expect(schemaIssues("- a\n- b\n")).toEqual(["schema/type  1:1 the file must be a mapping, found a list"]);
  });
});
