/**
 * `componentGuards`: what keeps each component out of a plan, and where it is written, read from
 * the files as lint reads them.
 */
import { describe, expect, it } from "vitest";
import { componentGuards } from "../../../src/authoring/index.js";
import { packWith, ruleFile } from "../../arbitraries/ruleset.js";
import { guardedFiles } from "../../fixtures/guarded-pack.js";

describe("componentGuards", () => {
  it("lists each guarded component's contraindications and withholding rules, with their places", () => {
    expect(componentGuards(guardedFiles)).toMatchInlineSnapshot(`
      [
        {
          "category": "education",
          "component": "education-reassurance",
          "contraindications": [
            {
              "id": "reassurance-before-screen",
              "source": {
                "column": 13,
                "file": "components.yaml",
                "line": 38,
              },
              "title": "Serious pathology not yet excluded",
            },
          ],
          "rules": [],
          "title": "Education and reassurance",
        },
        {
          "category": "adjunct",
          "component": "spinal-manipulation",
          "contraindications": [
            {
              "id": "manipulation-osteoporosis",
              "source": {
                "column": 13,
                "file": "components.yaml",
                "line": 55,
              },
              "title": "Osteoporosis",
            },
            {
              "id": "manipulation-under-referral",
              "source": {
                "column": 13,
                "file": "components.yaml",
                "line": 60,
              },
              "title": "A referral in the plan",
            },
          ],
          "rules": [
            {
              "draft": false,
              "id": "fever",
              "reach": "category",
              "source": {
                "column": 9,
                "file": "rules.yaml",
                "line": 32,
              },
            },
            {
              "draft": false,
              "id": "manipulation-declined",
              "reach": "component",
              "source": {
                "column": 9,
                "file": "rules.yaml",
                "line": 47,
              },
            },
          ],
          "title": "Spinal manipulation",
        },
      ]
    `);
  });

  it("marks drafts, leaves retired rules out, and leaves out components nothing guards", () => {
    const withhold = (id: string, status: string) => `id: ${id}
title: Rule ${id}
status: ${status}
priority: 100
when: { fact: chronicity, operator: equal, value: acute }
then:
  withhold:
    - { component: education-reassurance, reason: "not now" }
evidence: [nice-ng59]`;
    const guards = componentGuards(
      packWith({ "psych.yaml": ruleFile(withhold("drafted", "draft"), withhold("gone", "retired")) }),
    );
    expect(guards.map((g) => [g.component, g.rules.map((r) => [r.id, r.draft])])).toEqual([
      ["education-reassurance", [["drafted", true]]],
    ]);
  });

  it("still shows what it can of a pack with errors: a rule file that does not parse guards nothing", () => {
    const files = guardedFiles.map((f) => (f.path === "rules.yaml" ? { ...f, text: "rules: [\n" } : f));
    expect(componentGuards(files).map((g) => [g.component, g.contraindications.length, g.rules.length])).toEqual([
      ["education-reassurance", 1, 0],
      ["spinal-manipulation", 2, 0],
    ]);
  });
});
