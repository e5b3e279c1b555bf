import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/node/index.js";
import type { CarePlan, Provenance, ServiceRequest } from "../../src/core/interop/fhir/types.js";
import type { CdsCard, CdsResponse } from "../../src/serve/cds-types.js";
import { compileR4Schema } from "../fhir/r4-schema.js";
import {
  SERVICE_PATH,
  bundledEngine,
  exampleResources,
  hookRequest,
  post,
  prefetchOf,
  startService,
  withAnswers,
  type TestService,
} from "./fixtures.js";

let engine: Engine;
let service: TestService;
const validateR4 = compileR4Schema();

beforeAll(async () => {
  // The validators compile on first use (seconds): compiled here, no test's keep-alive socket sits idle past the server's timeout.
  for (const resourceType of ["CarePlan", "ServiceRequest", "Provenance"]) validateR4({ resourceType });
  engine = await bundledEngine();
  service = await startService(engine, undefined);
});
afterAll(() => service.close());

async function cards(prefetch: Record<string, unknown>): Promise<readonly CdsCard[]> {
  const response = await post(service.origin + SERVICE_PATH, hookRequest(prefetch));
  expect(response.status).toBe(200);
  return ((await response.json()) as CdsResponse).cards;
}

describe("discovery", () => {
  it("lists the patient-view service with its prefetch templates", async () => {
    const response = await fetch(`${service.origin}/cds-services`);
    expect(response.status).toBe(200);
    const { services } = (await response.json()) as { services: Record<string, unknown>[] };
    expect(services).toHaveLength(1);
    const [found] = services;
    expect(found).toMatchObject({ hook: "patient-view", id: "backplan-lbp" });
    const prefetch = found?.["prefetch"] as Record<string, string>;
    expect(Object.keys(prefetch)).toEqual([
      "patient",
      "observations",
      "questionnaireResponses",
      "questionnaires",
      "conditions",
      "medicationStatements",
      "medicationRequests",
      "carePlans",
      "encounter",
    ]);
    expect(prefetch["conditions"]).toBe("Condition?patient={{context.patientId}}&_count=100");
    expect(prefetch["medicationStatements"]).toBe(
      "MedicationStatement?patient={{context.patientId}}&status=active&_count=100",
    );
    expect(prefetch["medicationRequests"]).toBe(
      "MedicationRequest?patient={{context.patientId}}&status=active&_count=100",
    );
    expect(prefetch["carePlans"]).toBe("CarePlan?patient={{context.patientId}}&status=active&_count=10");
    expect(prefetch["encounter"]).toBe("Encounter/{{context.encounterId}}");
    for (const key of ["observations", "questionnaireResponses", "questionnaires", "conditions", "medicationRequests"])
      expect(prefetch[key]).toMatch(/&_count=\d+$/);
    expect(prefetch["patient"]).toBe("Patient/{{context.patientId}}");
    for (const code of ["44261-6", "44260-8", "70274-6", "91351-7", "39156-5"])
      expect(prefetch["observations"]).toContain(`http://loinc.org|${code}`);
    expect(String(found?.["description"])).toContain("fetched from fhirServer");
    expect(found?.["usageRequirements"]).toMatchInlineSnapshot(
      `"For a complete plan, the prefetched QuestionnaireResponses must include one to backplan's assessment Questionnaire (https://backplan.dev/fhir/Questionnaire/backplan-assessment), which carries what FHIR has no code for (red flags, examination, episode duration). Send every prefetch key but encounter, or fhirServer and fhirAuthorization (read access to the patient's Observations, QuestionnaireResponses, Questionnaires, Conditions, MedicationStatements, MedicationRequests, CarePlans and Encounter) so the service fetches what is missing and follows next links (up to 10 pages a key, 5 s in all, never off fhirServer); otherwise a key that is missing, failed or paginated gets 412. Of each instrument it reads the latest result up to the visit date: the extension dev.backplan.visit-date (YYYY-MM-DD, the clinic's date), else the date of the context's Encounter (period.start), else the latest calendar date anywhere now. An active CarePlan made by backplan makes the visit a follow-up (baseline: the first results since it began) and the suggestion updates that CarePlan instead of creating a second."`,
    );
  });
});

describe("412 when prefetch is missing", () => {
  it("answers the CDS Hooks 2.0 example request (a prefetch key that is not ours) with 412", async () => {
    const example = JSON.parse(readFileSync("tests/serve/spec-example-request.json", "utf8")) as unknown;
    const response = await post(service.origin + SERVICE_PATH, example);
    expect(response.status).toBe(412);
    const body = (await response.json()) as { missing: { key: string }[] };
    expect(body.missing.map((m) => m.key)).toEqual([
      "patient",
      "observations",
      "questionnaireResponses",
      "questionnaires",
      "conditions",
      "medicationStatements",
      "medicationRequests",
      "carePlans",
    ]);
  });

  it("names a key missing, an OperationOutcome and a paginated Bundle; null is not missing", async () => {
    const prefetch = {
      ...prefetchOf(exampleResources()),
      observations: { resourceType: "OperationOutcome", issue: [] },
      questionnaireResponses: {
        resourceType: "Bundle",
        type: "searchset",
        link: [{ relation: "next", url: "x" }],
        entry: [],
      },
      questionnaires: null,
      conditions: null,
    };
    delete (prefetch as Record<string, unknown>)["patient"];
    const response = await post(service.origin + SERVICE_PATH, hookRequest(prefetch));
    expect(response.status).toBe(412);
    expect(await response.json()).toMatchInlineSnapshot(`
      {
        "error": "required prefetch is missing; send it, or fhirServer and fhirAuthorization so the service fetches it",
        "missing": [
          {
            "key": "patient",
            "reason": "not sent",
          },
          {
            "key": "observations",
            "reason": "an OperationOutcome (the query failed)",
          },
          {
            "key": "questionnaireResponses",
            "reason": "a paginated Bundle (it has a next link); send every page, or fhirServer and fhirAuthorization",
          },
        ],
      }
    `);
  });
});

describe("400 for a malformed request", () => {
  it("lists every problem with its pointer", async () => {
    const response = await post(service.origin + SERVICE_PATH, { hook: "order-select", context: { patientId: 7 } });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchInlineSnapshot(`
      {
        "error": "invalid CDS Hooks request",
        "issues": [
          {
            "message": ""hookInstance" must be a non-empty string; found nothing",
            "path": "/hookInstance",
          },
          {
            "message": ""context.patientId" must be a FHIR id (letters, digits, "-" and ".", at most 64); found 7",
            "path": "/context/patientId",
          },
          {
            "message": ""hook" must be "patient-view" for this service; found "order-select"",
            "path": "/hook",
          },
        ],
      }
    `);
  });

  it("refuses a prefetched Patient that is not context.patientId", async () => {
    const response = await post(
      service.origin + SERVICE_PATH,
      hookRequest(prefetchOf(exampleResources()), "someone-else"),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchInlineSnapshot(`
      {
        "error": "the prefetch holds Patient/pat-1, not context.patientId "someone-else"",
      }
    `);
  });

  it("names at most five of the other patients a prefetch holds, and counts the rest", async () => {
    // A search that _included Patients: 2,000 of them, besides the prefetched pat-1.
    const others = Array.from({ length: 2_000 }, (_, i) => ({ resource: { resourceType: "Patient", id: `p-${i}` } }));
    const prefetch = {
      ...prefetchOf(exampleResources()),
      conditions: { resourceType: "Bundle", type: "searchset", entry: others },
    };
    const response = await post(service.origin + SERVICE_PATH, hookRequest(prefetch, "someone-else"));
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: string };
    expect(error).toMatch(
      /^the prefetch holds (Patient\/[\w-]+, ){4}Patient\/[\w-]+ and 1,996 more, not context\.patientId "someone-else"$/,
    );
  });

  it("refuses a body that is not JSON", async () => {
    const response = await fetch(service.origin + SERVICE_PATH, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{not json",
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "the request body is not JSON" });
  });
});

describe("cards", () => {
  it("gives a complete routine plan an info card whose suggestion creates the CarePlan", async () => {
    const [plan, ...rest] = await cards(prefetchOf(exampleResources()));
    expect(rest).toEqual([]);
    expect(plan).toMatchObject({
      indicator: "info",
      source: { label: "backplan-lbp 1.0.0" },
      selectionBehavior: "at-most-one",
    });
    expect(plan?.summary).toBe("Low back pain care plan: 17 components (complete)");
    expect(plan?.detail).toContain("**Why:**");
    expect(plan?.detail).toContain("](<https://doi.org/10.1001/archinte.166.10.1092>)");
    expect(plan?.detail).toContain("`questionnaires.phq9.total` from Observation/phq9-total");
    const [suggestion] = plan?.suggestions ?? [];
    const actions = suggestion?.actions ?? [];
    expect(actions[0]?.resource).toMatchObject({
      resourceType: "CarePlan",
      intent: "proposal",
      subject: { reference: "Patient/pat-1" },
    });
    expect(actions.map((a) => (a.resource as { resourceType: string }).resourceType)).toEqual([
      "CarePlan",
      "ServiceRequest", // mental health referral
      "ServiceRequest", // spinal specialist opinion (radiofrequency denervation)
      "Provenance",
    ]);
    expect(actions.map((a) => a.type)).toEqual(["create", "create", "create", "create"]);
  });

  it("suggests resources a client can create as one transaction: ids, and references between them as Type/id", async () => {
    const resources = withAnswers(exampleResources(), {
      "redFlags.saddleAnaesthesia": true,
      "redFlags.bladderOrBowelDysfunction": true,
    });
    const [plan] = await cards(prefetchOf(resources));
    const created = (plan?.suggestions?.[0]?.actions ?? []).map(
      (action) => action.resource as CarePlan | ServiceRequest | Provenance,
    );
    expect(created.map((resource) => resource.resourceType)).toEqual(["CarePlan", "ServiceRequest", "Provenance"]);
    const local = new Set(created.map((resource) => `${resource.resourceType}/${String(resource.id)}`));
    expect(local.size).toBe(3);
    const references = (JSON.stringify(created).match(/"reference":"[^"]+"/g) ?? []).map((found) =>
      found.slice('"reference":"'.length, -1),
    );
    expect(references.filter((reference) => reference.startsWith("urn:"))).toEqual([]);
    const between = references.filter((reference) => /^(CarePlan|ServiceRequest|Provenance)\//.test(reference));
    // CarePlan → ServiceRequest, Provenance → CarePlan and ServiceRequest: all among the created.
    expect(between).toHaveLength(3);
    for (const reference of between) expect(local).toContain(reference);
    for (const resource of created) expect(validateR4(resource)).toEqual([]);
  });

  it("gives an emergency referral a critical card", async () => {
    const resources = withAnswers(exampleResources(), {
      "redFlags.saddleAnaesthesia": true,
      "redFlags.bladderOrBowelDysfunction": true,
    });
    const [plan] = await cards(prefetchOf(resources));
    expect(plan?.indicator).toBe("critical");
    expect(plan?.summary.length).toBeLessThan(140);
    expect(plan?.summary).toMatch(/^Emergency referral: /);
    const kinds = plan?.suggestions?.[0]?.actions.map((a) => (a.resource as { priority?: string }).priority);
    expect(kinds).toContain("stat");
  });

  it("gives PHQ-9 item 9 ≥ 1 a critical card (same-day mental health is as visible as an emergency)", async () => {
    const item9 = {
      resourceType: "Observation",
      id: "phq9-item9",
      status: "final",
      code: { coding: [{ system: "http://loinc.org", code: "44260-8" }] },
      valueInteger: 2,
    };
    const others = exampleResources().filter((r) => !["phq9-response", "phq9-total"].includes(String(r["id"])));
    const [plan] = await cards(prefetchOf([...others, item9]));
    expect(plan?.indicator).toBe("critical");
    expect(plan?.summary).toMatch(/^Same-day referral: Mental health referral \(low back pain plan, \d+ components\)$/);
  });

  it("leads with the same-day referral when an urgent one comes first in the plan", async () => {
    const item9 = {
      resourceType: "Observation",
      id: "phq9-item9",
      status: "final",
      code: { coding: [{ system: "http://loinc.org", code: "44260-8" }] },
      valueInteger: 1,
    };
    const others = exampleResources().filter((r) => !["phq9-response", "phq9-total"].includes(String(r["id"])));
    const [plan] = await cards(prefetchOf([...withAnswers(others, { "redFlags.historyOfCancer": true }), item9]));
    expect(plan?.indicator).toBe("critical");
    expect(plan?.detail).toMatch(/### Urgent specialist referral[\s\S]*### Mental health referral/);
    expect(plan?.summary).toMatch(/^Same-day referral: Mental health referral /);
  });

  it("lists missing answers in a data gaps card, without a suggestion", async () => {
    const withoutGad7 = exampleResources().filter((r) => !String(r["id"]).startsWith("gad7"));
    const [plan, gaps] = await cards(prefetchOf(withoutGad7));
    expect(plan?.suggestions).toHaveLength(1);
    expect(gaps).toMatchObject({ indicator: "info" });
    expect(gaps?.summary).toMatch(/^(1 answer is|\d+ answers are) missing for a complete low back pain plan$/);
    expect(gaps?.detail).toContain("`questionnaires.gad7");
    expect(gaps?.suggestions).toBeUndefined();
  });

  it("turns conflicting data into one warning card naming both resources", async () => {
    const second = {
      resourceType: "Observation",
      id: "phq9-total-2",
      status: "final",
      code: { coding: [{ system: "http://loinc.org", code: "44261-6" }] },
      valueInteger: 3,
    };
    const [card, ...rest] = await cards(prefetchOf([...exampleResources(), second]));
    expect(rest).toEqual([]);
    expect(card?.indicator).toBe("warning");
    expect(card?.summary).toBe("No low back pain plan: the patient's FHIR data conflicts or is invalid");
    expect(card?.detail).toContain("Observation/phq9-total");
    expect(card?.detail).toContain("Observation/phq9-total-2");
  });

  it("names missing required answers and backplan's Questionnaire, not a conflict, when its response is absent", async () => {
    const withoutBackplan = exampleResources().filter((r) => r["id"] !== "backplan-response");
    const [card, ...rest] = await cards(prefetchOf(withoutBackplan));
    expect(rest).toEqual([]);
    expect(card?.indicator).toBe("warning");
    expect(card?.summary).toMatchInlineSnapshot(`"No low back pain plan: 1 required answer is missing"`);
    expect(card?.detail).toMatchInlineSnapshot(`
      "### Missing required answers

      - \`pain.durationWeeks\`: Duration of the current episode in weeks (1.4 = ten days).

      They are items of backplan's assessment Questionnaire (\`https://backplan.dev/fhir/Questionnaire/backplan-assessment\`, linkId = the field): record them in a QuestionnaireResponse to it, sent with the prefetched QuestionnaireResponses, and the plan is made.

      _Visit date 2025-11-04 (assumed: the EHR sent neither a visit date nor an Encounter, so it is today's date in the time zone furthest ahead; check it)._"
    `);
    expect(card?.suggestions).toBeUndefined();
    const second = {
      resourceType: "Observation",
      id: "phq9-total-2",
      status: "final",
      code: { coding: [{ system: "http://loinc.org", code: "44261-6" }] },
      valueInteger: 3,
    };
    const [conflict] = await cards(prefetchOf([...withoutBackplan, second]));
    expect(conflict?.summary).toBe("No low back pain plan: the patient's FHIR data conflicts or is invalid");
    expect(conflict?.detail).toContain("pain.durationWeeks: required field is missing");
  });

  it("shows no pointer into the assembled Bundle, only the resources' Type/id", async () => {
    const unreadable = {
      resourceType: "Observation",
      id: "pain-2",
      status: "final",
      code: { coding: [{ system: "http://loinc.org", code: "72514-3" }] },
      valueString: "a lot",
    };
    const second = {
      resourceType: "Observation",
      id: "phq9-total-2",
      status: "final",
      code: { coding: [{ system: "http://loinc.org", code: "44261-6" }] },
      valueInteger: 3,
    };
    const [problem] = await cards(prefetchOf([...exampleResources(), second, unreadable]));
    expect(problem?.detail).not.toContain("/entry/");
    expect(problem?.detail).toMatchInlineSnapshot(`
      "### Problems

      - questionnaires.phq9.total: Observation/phq9-total gives 11 but Observation/phq9-total-2 gives 3

      ### FHIR data left out

      - Observation/pain-2: the value for pain.intensity is not usable, expected an integer 0–10; it is left out

      Correct the record; the plan is made once the data agrees.

      _Visit date 2025-11-04 (assumed: the EHR sent neither a visit date nor an Encounter, so it is today's date in the time zone furthest ahead; check it)._"
    `);
    const [, gaps] = await cards(prefetchOf([...exampleResources().filter((r) => r["id"] !== "pain"), unreadable]));
    expect(gaps?.detail).not.toContain("/entry/");
    expect(gaps?.detail).toMatchInlineSnapshot(`
      "### Missing answers

      - \`pain.intensity\`: not recorded; needed to decide rules "chronic-localised-pain-radiofrequency", "pain-medicines-review"; could change: Spinal specialist opinion, Pain medicines review

      ### FHIR data left out

      - Observation/pain-2: the value for pain.intensity is not usable, expected an integer 0–10; it is left out

      Record them (as coded Observations or backplan's assessment QuestionnaireResponse) to complete the plan.

      _Visit date 2025-11-04 (assumed: the EHR sent neither a visit date nor an Encounter, so it is today's date in the time zone furthest ahead; check it)._"
    `);
  });

  it("reads prefetched Conditions: a cancer the questionnaire denies is a conflict naming both", async () => {
    const cancer = {
      resourceType: "Condition",
      id: "breast-ca",
      clinicalStatus: {
        coding: [{ system: "http://terminology.hl7.org/CodeSystem/condition-clinical", code: "remission" }],
      },
      code: { coding: [{ system: "http://hl7.org/fhir/sid/icd-10-cm", code: "C50.911" }] },
      subject: { reference: "Patient/pat-1" },
    };
    const [card, ...rest] = await cards(prefetchOf([...exampleResources(), cancer]));
    expect(rest).toEqual([]);
    expect(card?.indicator).toBe("warning");
    expect(card?.detail).toContain("redFlags.historyOfCancer");
    expect(card?.detail).toContain("Condition/breast-ca");
  });

  it("reads prefetched MedicationStatements: an NSAID the patient's answered medicines leave out is a conflict naming both", async () => {
    const ibuprofen = {
      resourceType: "MedicationStatement",
      id: "ibuprofen",
      status: "active",
      medicationCodeableConcept: { coding: [{ system: "http://www.whocc.no/atc", code: "M01AE01" }] },
      subject: { reference: "Patient/pat-1" },
    };
    const [card, ...rest] = await cards(prefetchOf([...exampleResources(), ibuprofen]));
    expect(rest).toEqual([]);
    expect(card?.indicator).toBe("warning");
    expect(card?.detail).toContain("medications.current");
    expect(card?.detail).toContain("MedicationStatement/ibuprofen");
  });

  it("gives every card its own uuid and a summary under 140 characters", async () => {
    const all = await cards(
      prefetchOf(exampleResources().filter((r) => r["resourceType"] !== "QuestionnaireResponse")),
    );
    const uuids = all.flatMap((card) => [card.uuid, ...(card.suggestions ?? []).map((s) => s.uuid)]);
    expect(new Set(uuids).size).toBe(uuids.length);
    for (const card of all) expect(card.summary.length).toBeLessThan(140);
  });
});
