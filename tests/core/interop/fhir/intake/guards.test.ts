import { describe, expect, it } from "vitest";
import { bundleToAssessment } from "../../../../../src/core/interop/fhir/intake/index.js";
import { limits } from "../../../../../src/core/interop/fhir/intake/limits.js";
import { bundleOf, patient } from "./fixtures.js";

function issuesOf(bundle: unknown, options?: { assessedOn?: string }): unknown {
  const result = bundleToAssessment(bundle, options);
  return result.ok ? "ok" : result.issues;
}

describe("untrusted input", () => {
  it("rejects what is not a Bundle", () => {
    expect([null, [], "Bundle", { resourceType: "Patient" }, new Map()].map((input) => issuesOf(input)))
      .toMatchInlineSnapshot(`
      [
        [
          {
            "code": "fhir/not-a-bundle",
            "message": "expected a FHIR Bundle (an object with resourceType "Bundle"), found null",
            "path": "",
            "severity": "error",
          },
        ],
        [
          {
            "code": "fhir/not-a-bundle",
            "message": "expected a FHIR Bundle (an object with resourceType "Bundle"), found a list",
            "path": "",
            "severity": "error",
          },
        ],
        [
          {
            "code": "fhir/not-a-bundle",
            "message": "expected a FHIR Bundle (an object with resourceType "Bundle"), found a string",
            "path": "",
            "severity": "error",
          },
        ],
        [
          {
            "code": "fhir/not-a-bundle",
            "message": "expected a FHIR Bundle (an object with resourceType "Bundle"), found resourceType "Patient"",
            "path": "",
            "severity": "error",
          },
        ],
        [
          {
            "code": "fhir/not-a-bundle",
            "message": "expected a FHIR Bundle (an object with resourceType "Bundle"), found a non-plain object",
            "path": "",
            "severity": "error",
          },
        ],
      ]
    `);
  });

  it("rejects non-plain data anywhere in the Bundle", () => {
    const bundle = { ...bundleOf(), entry: [{ resource: { ...patient(), birthDate: new Date(0) } }] };
    expect(issuesOf(bundle)).toMatchInlineSnapshot(`
      [
        {
          "code": "fhir/not-plain-data",
          "message": "expected plain data (an object or a list), found a Date",
          "params": {
            "kind": "a Date",
          },
          "path": "/entry/0/resource/birthDate",
          "severity": "error",
        },
      ]
    `);
  });

  it("rejects prototype keys anywhere in the Bundle", () => {
    const bundle: unknown = JSON.parse(
      '{"resourceType":"Bundle","type":"collection","entry":[{"resource":{"resourceType":"Patient","__proto__":{"polluted":true}}}]}',
    );
    expect(issuesOf(bundle)).toMatchInlineSnapshot(`
      [
        {
          "code": "fhir/forbidden-key",
          "message": ""__proto__" is not allowed as a key (it could alter object prototypes)",
          "params": {
            "key": "__proto__",
          },
          "path": "/entry/0/resource/__proto__",
          "severity": "error",
        },
      ]
    `);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("bounds the number of entries and of nested objects", () => {
    const many = {
      resourceType: "Bundle",
      type: "collection",
      entry: Array.from({ length: limits.entries + 1 }, () => ({})),
    };
    expect(issuesOf(many)).toMatchInlineSnapshot(`
      [
        {
          "code": "fhir/too-large",
          "message": "Bundle.entry: 5001 exceeds the limit of 5000",
          "path": "/entry",
          "severity": "error",
        },
      ]
    `);
    const deep = {
      resourceType: "Bundle",
      type: "collection",
      extension: Array.from({ length: limits.nodes }, () => ({})),
    };
    expect(issuesOf(deep)).toMatchInlineSnapshot(`
      [
        {
          "code": "fhir/too-large",
          "message": "objects and lists: 200002 exceeds the limit of 200000",
          "path": "",
          "severity": "error",
        },
      ]
    `);
  });

  it("bounds the nesting depth, so nested items cannot exhaust the stack", () => {
    let item: Record<string, unknown> = { linkId: "leaf", answer: [{ valueInteger: 1 }] };
    for (let level = 0; level < 10_000; level++) item = { linkId: `level-${String(level)}`, item: [item] };
    const bundle = {
      resourceType: "Bundle",
      type: "collection",
      entry: [{ resource: { resourceType: "QuestionnaireResponse", item: [item] } }],
    };
    expect(issuesOf(bundle)).toMatchInlineSnapshot(`
      [
        {
          "code": "fhir/too-large",
          "message": "nesting depth: 101 exceeds the limit of 100",
          "path": "",
          "severity": "error",
        },
      ]
    `);
  });

  it("rejects an assessment date that is not YYYY-MM-DD", () => {
    expect(issuesOf(bundleOf(), { assessedOn: "23/11/2026" })).toMatchInlineSnapshot(`
      [
        {
          "code": "fhir/bad-option",
          "message": "options.assessedOn: expected a date YYYY-MM-DD, found "23/11/2026"",
          "path": "",
          "severity": "error",
        },
      ]
    `);
    for (const notADay of ["2026-13-01", "2026-02-30"])
      expect(issuesOf(bundleOf(), { assessedOn: notADay })).toEqual([
        expect.objectContaining({ code: "fhir/bad-option" }),
      ]);
  });
});

describe("untrusted options and exotic objects", () => {
  const throwingOptions = {
    get assessedOn(): string {
      throw new Error("no date for you");
    },
  };
  it.each([
    ["null", null],
    ["a string", "2026-11-23"],
    ["a number", 7],
    ["a list", []],
    ["a Map", new Map([["assessedOn", "2026-11-23"]])],
    ["a getter that throws", throwingOptions],
  ])("reports options that are %s as a bad option, never throws", (_case, options) => {
    const result = bundleToAssessment(bundleOf(), options as unknown as { assessedOn?: string });
    expect(!result.ok && result.issues.map((issue) => issue.code)).toEqual(["fhir/bad-option"]);
  });

  it("pins the bad options messages, and a non-string assessedOn's", () => {
    expect(issuesOf(bundleOf(), throwingOptions)).toMatchInlineSnapshot(`
      [
        {
          "code": "fhir/bad-option",
          "message": "options: expected an object (or nothing), found an object that throws when read (a getter or a Proxy)",
          "path": "",
          "severity": "error",
        },
      ]
    `);
    expect(issuesOf(bundleOf(), null as unknown as { assessedOn?: string })).toMatchInlineSnapshot(`
      [
        {
          "code": "fhir/bad-option",
          "message": "options: expected an object (or nothing), found null",
          "path": "",
          "severity": "error",
        },
      ]
    `);
    expect(issuesOf(bundleOf(), { assessedOn: 20261123 } as unknown as { assessedOn?: string })).toMatchInlineSnapshot(`
      [
        {
          "code": "fhir/bad-option",
          "message": "options.assessedOn: expected a date YYYY-MM-DD, found a number",
          "path": "",
          "severity": "error",
        },
      ]
    `);
  });

  it("reports a Bundle it cannot read (a getter that throws, a Proxy whose traps throw) as not plain data", () => {
    const throwingGetter = {
      resourceType: "Bundle",
      get entry(): unknown {
        throw new Error("no entries for you");
      },
    };
    const trap = (): never => {
      throw new Error("trapped");
    };
    const proxies = [
      new Proxy({ resourceType: "Bundle" }, { ownKeys: trap }),
      new Proxy({ resourceType: "Bundle" }, { get: trap }),
      new Proxy({ resourceType: "Bundle" }, { getPrototypeOf: trap }),
      { resourceType: "Bundle", entry: [new Proxy({}, { ownKeys: trap })] },
    ];
    for (const input of [throwingGetter, ...proxies]) {
      expect(() => bundleToAssessment(input)).not.toThrow();
      const result = bundleToAssessment(input);
      expect(!result.ok && result.issues.map((issue) => issue.code)).toEqual(["fhir/not-plain-data"]);
    }
    expect(issuesOf(throwingGetter)).toMatchInlineSnapshot(`
      [
        {
          "code": "fhir/not-plain-data",
          "message": "expected plain data (JSON), found an object that throws when read (a getter or a Proxy)",
          "path": "",
          "severity": "error",
        },
      ]
    `);
  });
});

describe("objects JSON cannot hold", () => {
  it("rejects a cycle, which the readers (they recurse) would never finish", () => {
    const item: Record<string, unknown> = { linkId: "a", answer: [{ valueInteger: 1 }] };
    item["item"] = [item];
    const bundle = {
      resourceType: "Bundle",
      entry: [{ resource: { resourceType: "QuestionnaireResponse", questionnaire: "#q", item: [item] } }],
    };
    expect(issuesOf(bundle)).toMatchInlineSnapshot(`
      [
        {
          "code": "fhir/not-plain-data",
          "message": "expected plain data (JSON), found an object inside itself (a cycle)",
          "path": "/entry/0/resource/item/0/item/0",
          "severity": "error",
        },
      ]
    `);
  });

  it("rejects a cycle inside an object shared by two places", () => {
    const item: Record<string, unknown> = { linkId: "a", type: "group" };
    item["item"] = [item];
    const bundle = {
      ...bundleOf(),
      entry: [
        ...(bundleOf().entry ?? []),
        {
          resource: {
            resourceType: "Questionnaire",
            id: "q",
            url: "http://example.org/q",
            status: "active",
            item: [item, item],
          },
        },
      ],
    };
    const result = bundleToAssessment(bundle);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((issue) => [issue.code, issue.message])).toEqual([
      ["fhir/not-plain-data", "expected plain data (JSON), found an object inside itself (a cycle)"],
    ]);
  });

  it("reads an object shared by two places, as a Bundle built in code may reuse a coding", () => {
    const coding = { system: "http://loinc.org", code: "72514-3" };
    const pain = { resourceType: "Observation", id: "pain", status: "final", valueInteger: 6 };
    const bundle = {
      ...bundleOf(),
      entry: [
        ...(bundleOf().entry ?? []),
        { resource: { ...pain, code: { coding: [coding, coding] } } },
        { resource: { ...pain, id: "pain-again", code: { coding: [coding] } } },
      ],
    };
    const result = bundleToAssessment(bundle);
    expect(result.ok && result.value.assessment.pain.intensity).toBe(6);
  });
});
