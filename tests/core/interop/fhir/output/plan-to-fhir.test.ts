/**
 * planToFhir on the bundled pack: every resource it produces validates against the official R4
 * JSON schema (compiled once, below) and keeps the rules the schema cannot check
 * (tests/fhir/r4-invariants.ts); the mapping keeps every component, reason and evidence id.
 */
import { fileURLToPath } from "node:url";
import { readdirSync } from "node:fs";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { CarePlanActivity, Provenance } from "fhir/r4.js";
import { planToFhir, type FhirPlan, type FhirPlanContext } from "../../../../../src/core/interop/fhir/output/index.js";
import { priorityOf } from "../../../../../src/core/interop/fhir/output/priority.js";
import type { Plan } from "../../../../../src/core/generated/types.js";
import { createEngine, loadRuleset, readAssessmentFile, type Engine } from "../../../../../src/node/index.js";
import { validAssessmentArb } from "../../../../arbitraries/assessment.js";
import { compileR4Schema, type R4Validate } from "../../../../fhir/r4-schema.js";
import { r4Problems } from "../../../../fhir/r4-invariants.js";
import type { Assessment } from "../../../../../src/core/generated/types.js";

const EXAMPLES = new URL("../../../../../examples/", import.meta.url);
const context: FhirPlanContext = {
  patient: "Patient/123",
  engine: { name: "backplan", version: "9.9.9" },
  recorded: "2026-11-23T22:40:00Z",
};

let validate: R4Validate;
let engine: Engine;
let profiles: string[];

beforeAll(async () => {
  validate = compileR4Schema();
  const ruleset = await loadRuleset();
  engine = createEngine(ruleset);
  profiles = ruleset.profiles.map((p) => p.id);
});

/** Schema errors and spec problems of every resource, each line naming the resource. */
function problems(fhir: FhirPlan): string[] {
  const resources = [fhir.carePlan, ...fhir.serviceRequests, fhir.provenance, fhir.bundle];
  return [...resources.flatMap((r) => validate(r)), ...r4Problems(fhir)];
}

/** What one activity says about its component, wherever it lives (inline or in a ServiceRequest). */
function activityView(fhir: FhirPlan, activity: CarePlanActivity) {
  const request = fhir.serviceRequests.find((r) => r.identifier?.[0]?.value === activity.reference?.reference);
  const holder = request ?? activity.detail;
  const extension = (holder as { extension?: { valueRelatedArtifact?: { label?: string } }[] } | undefined)?.extension;
  return {
    id: holder?.code?.coding?.[0]?.code,
    reasons: (holder?.reasonCode ?? []).map((r) => ({ rule: r.coding?.[0]?.code, text: r.text })),
    evidence: (extension ?? []).map((e) => e.valueRelatedArtifact?.label),
  };
}

/**
 * The plan as its FHIR says it: components in order with their reasons and evidence ids, withheld
 * ids, data gap facts, referral priorities and the pack digest; and the same JSON a second time.
 */
function expectMappingKeepsPlan(plan: Plan, fhir: FhirPlan): void {
  const activities = fhir.carePlan.activity ?? [];
  expect(activities.map((a) => activityView(fhir, a))).toEqual(
    plan.components.map((c) => ({ id: c.id, reasons: c.reasons, evidence: c.evidence.map((e) => e.id) })),
  );
  const notes = (fhir.carePlan.note ?? []).map((n) => n.text).join("\n");
  for (const w of plan.withheld) expect(notes).toContain(`Withheld component ${w.id} (rule ${w.rule}`);
  for (const gap of plan.dataGaps) expect(notes).toContain(`Data gap: ${gap.fact} `);
  expect(fhir.serviceRequests.map((r) => r.priority)).toEqual(
    plan.components.filter((c) => c.category === "referral").map((c) => priorityOf(c.details)),
  );
  expect(fhir.provenance.entity?.[0]?.what.identifier?.value).toBe(plan.ruleset.digest);
  expect(JSON.stringify(planToFhir(structuredClone(plan), context))).toBe(JSON.stringify(fhir));
}

describe("planToFhir on the examples", () => {
  const files = readdirSync(EXAMPLES).filter((f) => /\.(json|ya?ml)$/.test(f));

  it.each(files)("%s: every resource validates and the mapping keeps the plan", async (file) => {
    const plan = engine.recommend(
      (await readAssessmentFile(fileURLToPath(new URL(file, EXAMPLES)), file)) as Assessment,
    );
    const fhir = planToFhir(plan, context);
    expect(problems(fhir)).toEqual([]);
    expect(validate.whole(fhir.bundle)).toEqual([]);
    expectMappingKeepsPlan(plan, fhir);
  });

  it("gives byte-identical JSON for the same plan and context, other ids for another patient", async () => {
    const plan = engine.recommend(
      (await readAssessmentFile(fileURLToPath(new URL("chronic-high-risk.yaml", EXAMPLES)))) as Assessment,
    );
    const again = structuredClone(plan);
    expect(JSON.stringify(planToFhir(again, context))).toBe(JSON.stringify(planToFhir(plan, context)));
    const other = planToFhir(plan, { ...context, patient: "Patient/124" });
    expect(other.bundle.entry?.[0]?.fullUrl).not.toBe(planToFhir(plan, context).bundle.entry?.[0]?.fullUrl);
  });
});

describe("an urgent plan (red-flag-cauda-equina)", () => {
  it("refers by a stat ServiceRequest and lists what it withheld", async () => {
    const plan = engine.recommend(
      (await readAssessmentFile(fileURLToPath(new URL("red-flag-cauda-equina.json", EXAMPLES)))) as Assessment,
    );
    const fhir = planToFhir(plan, { ...context, encounter: "Encounter/456" });
    expect(problems(fhir)).toEqual([]);
    const [request] = fhir.serviceRequests;
    expect(fhir.serviceRequests).toHaveLength(1);
    expect(request).toMatchObject({
      status: "active",
      intent: "proposal",
      priority: "stat",
      code: { text: "Emergency referral" },
      subject: { reference: "Patient/123" },
      encounter: { reference: "Encounter/456" },
      reasonCode: [{ coding: [{ code: "emergency-cauda-equina" }] }],
      patientInstruction: plan.components[0]?.patientText,
    });
    expect(fhir.carePlan.activity).toEqual([
      { reference: { reference: request?.identifier?.[0]?.value, display: "Emergency referral" } },
    ]);
    expect(fhir.carePlan.note?.map((n) => n.text)).toMatchInlineSnapshot(`
      [
        "Withheld component education-reassurance (rule emergency-cauda-equina; added by stratified-care-baseline): Withheld: suspected cauda equina syndrome or cord compression needs emergency assessment first; no conservative care or reassurance until it is excluded",
        "Withheld component follow-up-reassessment (rule emergency-cauda-equina; added by stratified-care-baseline): Withheld: suspected cauda equina syndrome or cord compression needs emergency assessment first; no conservative care or reassurance until it is excluded",
        "Withheld component pain-medication-review (rule emergency-cauda-equina; added by medicines-avoid-nice, medicines-avoid-sciatica-nice, pain-medicines-review): Withheld: suspected cauda equina syndrome or cord compression needs emergency assessment first; no conservative care or reassurance until it is excluded",
        "Withheld component self-management-activity (rule emergency-cauda-equina; added by stratified-care-baseline): Withheld: suspected cauda equina syndrome or cord compression needs emergency assessment first; no conservative care or reassurance until it is excluded",
        "Withheld component spinal-specialist-referral (rule emergency-cauda-equina; added by sciatica-acute-severe-epidural): Withheld: suspected cauda equina syndrome or cord compression needs emergency assessment first; no conservative care or reassurance until it is excluded",
      ]
    `);
    expect(fhir.provenance.target.map((t) => t.reference)).toEqual(
      fhir.bundle.entry?.slice(0, 2).map((e) => e.fullUrl),
    );
    const conditional = (fullUrl = "") => `identifier=urn:ietf:rfc:3986|${fullUrl}`;
    expect(fhir.bundle.entry?.map((e) => [e.request?.url, e.request?.ifNoneExist === conditional(e.fullUrl)])).toEqual([
      ["CarePlan", true],
      ["ServiceRequest", true],
      ["Provenance", false],
    ]);
    expect(fhir.provenance).toMatchObject({
      contained: [{ resourceType: "Device", id: "engine", version: [{ value: "9.9.9" }] }],
      recorded: context.recorded,
      policy: ["https://backplan.dev/fhir/profile/nice-ng59"],
      agent: [{ who: { reference: "#engine", display: "backplan 9.9.9" } }],
      entity: [{ role: "source", what: { display: "rule pack backplan-lbp 1.0.0" } }],
    });
  });
});

describe("a plan with data gaps and withheld components", () => {
  const assessment = {
    id: "gaps-and-withheld",
    assessedOn: "2026-11-20",
    patient: { age: 45, sex: "female" },
    pain: { durationWeeks: 10, intensity: 6 },
    preferences: { declinedTreatments: ["massage", "yoga-or-tai-chi"] },
  };

  it("notes each withheld component and each data gap, in plan order", () => {
    const plan = engine.recommend(assessment as Assessment);
    expect(plan.withheld.length).toBeGreaterThan(0);
    expect(plan.dataGaps.length).toBeGreaterThan(0);
    const fhir = planToFhir(plan, context);
    expect(problems(fhir)).toEqual([]);
    expectMappingKeepsPlan(plan, fhir);
    expect(fhir.carePlan.note).toHaveLength(plan.withheld.length + plan.dataGaps.length);
    expect(fhir.carePlan.note?.slice(0, 2).map((n) => n.text)).toMatchInlineSnapshot(`
      [
        "Withheld component education-reassurance (rule contraindication:reassurance-before-red-flag-screen; added by stratified-care-baseline): Not screened for contraindications (serious pathology not yet excluded): withheld until the missing answers rule them out",
        "Withheld component massage (rule massage-declined): Declined by the patient",
      ]
    `);
    expect(fhir.carePlan.note?.at(-1)?.text).toMatchInlineSnapshot(
      `"Data gap: comorbidities.cardiovascularDisease not recorded; needed to decide rule "nsaid-caution-cardiovascular"; could change: Pain medicines review"`,
    );
  });

  it("makes a plan from draft rules a draft CarePlan with draft ServiceRequests, and says why", () => {
    const plan = engine.recommend(assessment as Assessment);
    const fhir = planToFhir({ ...plan, ruleset: { ...plan.ruleset, drafts: ["new-rule"] } }, context);
    expect(problems(fhir)).toEqual([]);
    expect([fhir.carePlan.status, ...fhir.serviceRequests.map((r) => r.status)].every((s) => s === "draft")).toBe(true);
    expect(fhir.carePlan.note?.[0]?.text).toMatchInlineSnapshot(
      `"Draft rules ran: new-rule. A plan for review, not for care."`,
    );
  });
});

describe("the checks are not vacuous", () => {
  it("the schema rejects a CarePlan without subject; the invariants catch what it lets through", async () => {
    const plan = engine.recommend(
      (await readAssessmentFile(fileURLToPath(new URL("red-flag-cauda-equina.json", EXAMPLES)))) as Assessment,
    );
    const fhir = planToFhir(plan, context);
    const { subject: _subject, ...withoutSubject } = fhir.carePlan;
    expect(validate(withoutSubject)).toMatchInlineSnapshot(`
      [
        "CarePlan must have required property 'subject'",
      ]
    `);
    const text = JSON.stringify(fhir)
      .replaceAll('"stat"', '"super"')
      .replaceAll('"intent":"proposal"', '"intent":"bogus"');
    const broken = JSON.parse(text) as FhirPlan;
    const { recorded: _recorded, ...unrecorded } = broken.provenance;
    broken.provenance = unrecorded as FhirPlan["provenance"];
    Object.assign(broken.carePlan.activity?.[0] ?? {}, { detail: { status: "not-started" } });
    Object.assign(broken.bundle, { id: "", meta: {} });
    expect([broken.carePlan, ...broken.serviceRequests, broken.provenance].flatMap((r) => validate(r))).toEqual([]);
    expect(r4Problems(broken)).toMatchInlineSnapshot(`
      [
        "CarePlan.intent: expected one of proposal|plan|order|option, found bogus",
        "CarePlan.activity[0]: expected reference or detail (cpl-3), found reference, detail",
        "ServiceRequest[0].intent: expected one of proposal|plan|directive|order|original-order|reflex-order|filler-order|instance-order|option, found bogus",
        "ServiceRequest[0].priority: expected one of routine|urgent|asap|stat, found super",
        "Provenance.recorded: expected an instant, found undefined",
        "Bundle/id: expected a value or no element, found """,
        "Bundle/meta: expected a value or no element, found {}",
      ]
    `);
  });
});

describe("the context's recorded time", () => {
  const instants = ["2026-11-23T22:40:00Z", "2026-11-23T22:40:00.123+01:00", "2026-11-23T23:59:60-14:00"];
  const notInstants = [
    "2026-11-23",
    "2026-11-23T22:40Z",
    "2026-11-23T22:40:00",
    "2026-11-23 22:40:00Z",
    "2026-11-23T22:40:00+15:00",
    "",
  ];

  async function planOf(file: string): Promise<Plan> {
    return engine.recommend((await readAssessmentFile(fileURLToPath(new URL(file, EXAMPLES)))) as Assessment);
  }

  it("is an R4 instant: what the schema takes for Provenance.recorded, planToFhir takes", async () => {
    const plan = await planOf("chronic-high-risk.yaml");
    const { provenance } = planToFhir(plan, context);
    const recordedAt = (recorded: string): Provenance => ({ ...provenance, recorded });
    for (const recorded of instants) {
      expect(validate(recordedAt(recorded))).toEqual([]);
      expect(planToFhir(plan, { ...context, recorded }).provenance.recorded).toBe(recorded);
    }
    for (const recorded of notInstants) {
      expect(validate(recordedAt(recorded))).not.toEqual([]);
      expect(() => planToFhir(plan, { ...context, recorded })).toThrow(RangeError);
    }
  });

  it("is refused with what was expected and what was found, also on a day the calendar lacks", async () => {
    const plan = await planOf("chronic-high-risk.yaml");
    expect(() => planToFhir(plan, { ...context, recorded: "2026-11-23" })).toThrowErrorMatchingInlineSnapshot(
      `[RangeError: planToFhir: context.recorded must be a FHIR instant, to the second and with a time zone (YYYY-MM-DDThh:mm:ss[.sss]Z or ±hh:mm, e.g. "2026-11-23T22:40:00Z"), as Provenance.recorded requires; found "2026-11-23"]`,
    );
    expect(() => planToFhir(plan, { ...context, recorded: "2026-02-29T10:00:00Z" })).toThrow(
      'found "2026-02-29T10:00:00Z"',
    );
    expect(planToFhir(plan, { ...context, recorded: "2028-02-29T10:00:00Z" }).provenance.recorded).toBe(
      "2028-02-29T10:00:00Z",
    );
  });
});

describe("planToFhir over generated assessments", () => {
  it("every resource validates, and the mapping keeps every component, reason and evidence id", () => {
    fc.assert(
      fc.property(validAssessmentArb, fc.nat(), (assessment, pick) => {
        const plan = engine.recommend(assessment, { profile: profiles[pick % profiles.length] ?? "" });
        const fhir = planToFhir(plan, context);
        expect(problems(fhir)).toEqual([]);
        expectMappingKeepsPlan(plan, fhir);
      }),
      { numRuns: 1000 },
    );
  });
});
