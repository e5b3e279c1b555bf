import { readFile } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { compileR4Schema, type R4Validate } from "../../../../fhir/r4-schema.js";

async function example(name: string): Promise<{ resourceType: string }> {
  return JSON.parse(await readFile(new URL(`../../../../../examples/fhir/${name}`, import.meta.url), "utf8")) as {
    resourceType: string;
  };
}

let validate: R4Validate;
beforeAll(() => {
  validate = compileR4Schema();
}, 60_000);

describe("examples/fhir/", () => {
  it.each(["patient-bundle.json", "backplan-assessment.questionnaire.json"])(
    "%s is valid against the official FHIR R4 JSON schema",
    async (name) => {
      expect(validate(await example(name))).toEqual([]);
    },
  );

  it("would say so if one were not (the check is not vacuous)", async () => {
    const bogus = { ...(await example("backplan-assessment.questionnaire.json")), bogus: true };
    expect(validate(bogus)).not.toEqual([]);
  });
});
