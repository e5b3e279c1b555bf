/**
 * The generated validators report their errors through `reportError` and embed their schemas
 * without annotations (src/build/error-reports.ts, schema-annotations.ts): what they accept and
 * every error they report, message included, must stay exactly what ajv's own code gives.
 */
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { BY_KEY_INLINE, conditionByKey } from "../../src/build/condition-by-key.js";
import { reportedErrors } from "../../src/build/error-reports.js";
import { withoutAnnotations } from "../../src/build/schema-annotations.js";
import { compileRuleset } from "../../src/core/index.js";
import { packToJson } from "../../src/core/load/pack-json/index.js";
import { validateAssessment } from "../../src/core/generated/validators/assessment.js";
import { validateBundle } from "../../src/core/generated/validators/bundle.js";
import type { ValidateFunction } from "../../src/core/generated/validate-function.js";
import { readRuleFiles } from "../../src/node/index.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const schemaDir = `${root}schemas/`;

/**
 * ajv compiling the schemas as they are written, with generate.ts's options: the reference.
 * `byKey`: with rules.schema.json's conditions read by key, as pack.json's validator reads them.
 */
function ajvOwn(byKey = false): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    strict: true,
    strictRequired: false,
    allowUnionTypes: true,
    inlineRefs: byKey ? BY_KEY_INLINE : true,
  });
  for (const file of readdirSync(schemaDir).filter((f) => f.endsWith(".schema.json"))) {
    const schema = JSON.parse(readFileSync(schemaDir + file, "utf8")) as Record<string, unknown>;
    ajv.addSchema(byKey && file === "rules.schema.json" ? conditionByKey(schema) : schema);
  }
  return ajv;
}

/** A seeded generator of wrong documents: keys dropped or added, values swapped for wrong ones, items repeated. */
function mutations(seed: number): (value: unknown) => unknown {
  let state = seed;
  const random = () => (state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const wrong = [1.5, -3, "x", "", true, null, [], {}, [1, 1], ["a", "a"], 1e9, "zz-zz", { all: [] }, { fact: 1 }];
  const pick = () => wrong[Math.floor(random() * wrong.length)];
  const mutate = (value: unknown): unknown => {
    if (Array.isArray(value)) {
      const list = value.map((item: unknown) => (random() < 0.15 ? mutate(item) : item));
      if (random() < 0.05) list.push(list[0]);
      if (random() < 0.05) list.push(pick());
      if (random() < 0.03) list.length = 0;
      return list;
    }
    if (typeof value === "object" && value !== null) {
      const object: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) {
        const r = random();
        if (r < 0.03) continue;
        object[key] = r < 0.06 ? pick() : r < 0.3 ? mutate(item) : item;
      }
      if (random() < 0.03) object[`extra${String(Math.floor(random() * 3))}`] = 1;
      return object;
    }
    return random() < 0.3 ? pick() : value;
  };
  return mutate;
}

/** `written`: the validator of the schemas as written, when `reference` reads them otherwise but must agree. */
function sameVerdicts(
  generated: ValidateFunction,
  reference: ValidateFunction,
  document: unknown,
  count: number,
  written = reference,
): number {
  const mutate = mutations(7);
  let wrong = 0;
  for (let i = 0; i < count; i++) {
    const mutated = mutate(structuredClone(document));
    const verdict = generated(mutated);
    expect(verdict).toBe(reference(mutated));
    expect(generated.errors ?? null).toEqual(reference.errors ?? null);
    expect(verdict).toBe(written(mutated));
    if (!verdict) wrong++;
  }
  return wrong;
}

describe("the generated validators", () => {
  const ajv = ajvOwn();
  const reference = (name: string) =>
    ajv.getSchema(`https://backplan.dev/schemas/${name}.schema.json`) as ValidateFunction;

  it("report what ajv's own code reports for the same wrong assessments, message for message", () => {
    const assessment = JSON.parse(readFileSync(`${root}examples/acute-low-risk.json`, "utf8")) as unknown;
    expect(sameVerdicts(validateAssessment, reference("assessment"), assessment, 1500)).toBeGreaterThan(1000);
  });

  it("and for the same wrong pack.json files, reading conditions by key, with the verdicts of the schemas as written", async () => {
    const excerpt = await readRuleFiles(`${root}tests/fixtures/packs/bundled-excerpt`);
    const pack = packToJson(compileRuleset(excerpt));
    const byKey = ajvOwn(true).getSchema("https://backplan.dev/schemas/bundle.schema.json") as ValidateFunction;
    expect(sameVerdicts(validateBundle, byKey, pack, 800, reference("bundle"))).toBeGreaterThan(500);
  });
});

describe("reportedErrors", () => {
  const inline = (message: string) =>
    `const err0 = {instancePath:instancePath+"/age",schemaPath:"#/maximum",keyword:"maximum",params:{comparison: "<=", limit: 120},message:${message}};` +
    "if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;";

  it("turns an inline report into a reportError call when that gives the same error", () => {
    expect(reportedErrors(inline('"must be <= 120"'))).toEqual({
      code: 'vErrors = runtime.reportError(vErrors, instancePath+"/age", "#/maximum", "maximum", {comparison: "<=", limit: 120});errors++;',
      rewritten: 1,
    });
  });

  it("writes a report at a fixed path whose schema path is that path's properties as a reportPropertyError call", () => {
    const report = (path: string, schemaPath: string) =>
      `const err0 = {instancePath:${path},schemaPath:"${schemaPath}",keyword:"maximum",params:{comparison: "<=", limit: 120},message:"must be <= 120"};` +
      "if(vErrors === null){vErrors = [err0];}else {vErrors.push(err0);}errors++;";
    expect(
      reportedErrors(report('instancePath+"/patient/age"', "#/properties/patient/properties/age/maximum")),
    ).toEqual({
      code: 'vErrors = runtime.reportPropertyError(vErrors, instancePath, "/patient/age", "maximum", {comparison: "<=", limit: 120});errors++;',
      rewritten: 1,
    });
    expect(reportedErrors(report("instancePath", "#/maximum")).code).toContain(
      'runtime.reportPropertyError(vErrors, instancePath, "", "maximum",',
    );
    // A path read from a variable, or a schema path through other keywords, keeps both paths written out.
    expect(reportedErrors(report('instancePath+"/items/" + i0', "#/properties/items/items/maximum")).code).toContain(
      'runtime.reportError(vErrors, instancePath+"/items/" + i0, "#/properties/items/items/maximum", "maximum",',
    );
    expect(reportedErrors(report('instancePath+"/age"', "#/$defs/age/maximum")).code).toContain(
      'runtime.reportError(vErrors, instancePath+"/age", "#/$defs/age/maximum", "maximum",',
    );
  });

  it("leaves a report as ajv wrote it when its message is worded otherwise", () => {
    const code = inline('"must be at most 120"');
    expect(reportedErrors(code)).toEqual({ code, rewritten: 0 });
  });
});

describe("withoutAnnotations", () => {
  it("drops titles, descriptions, examples and comments of schemas, not properties so named or values", () => {
    const schema = {
      title: "Rule",
      description: "A rule.",
      $comment: "why",
      type: "object",
      properties: {
        title: { type: "string", description: "Its title.", examples: ["x"] },
        kind: { enum: [{ description: "a value, not an annotation" }], default: "a" },
      },
      oneOf: [{ required: ["title"], title: "With a title" }],
      items: { description: "d", type: "number" },
    };
    expect(withoutAnnotations(schema)).toEqual({
      type: "object",
      properties: {
        title: { type: "string" },
        kind: { enum: [{ description: "a value, not an annotation" }], default: "a" },
      },
      oneOf: [{ required: ["title"] }],
      items: { type: "number" },
    });
  });
});
