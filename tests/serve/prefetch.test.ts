import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleToAssessment } from "../../src/core/interop/fhir/intake/index.js";
import type { Engine } from "../../src/node/index.js";
import { cardsFor } from "../../src/serve/cards.js";
import { otherPatients } from "../../src/serve/prefetch.js";
import type { CdsCard, CdsResponse } from "../../src/serve/cds-types.js";
import { latestDateOn, encounterDate } from "../../src/serve/visit-date.js";
import {
  SERVICE_PATH,
  bundledEngine,
  exampleResources,
  hookRequest,
  post,
  prefetchOf,
  startService,
  type TestService,
} from "./fixtures.js";

type Json = Record<string, unknown>;

let engine: Engine;
let service: TestService;
/** 08:30 on 4 November in a UTC+10 clinic: still 3 November in UTC. */
const SYDNEY_MORNING = "2025-11-03T22:30:00Z";

beforeAll(async () => {
  engine = await bundledEngine();
  let n = 0;
  service = await startService(engine, undefined, {
    now: () => new Date(SYDNEY_MORNING),
    uuid: () => `00000000-0000-4000-8000-${String((n += 1)).padStart(12, "0")}`,
  });
});
afterAll(() => service.close());

async function call(body: Json): Promise<{ status: number; body: Json }> {
  const response = await post(service.origin + SERVICE_PATH, body);
  return { status: response.status, body: (await response.json()) as Json };
}

/** The example's resources with `urn:uuid:` fullUrls and subjects, as a transaction-built record has them. */
function uuidRecord(): { resources: Json[]; fullUrls: Map<Json, string> } {
  const resources = exampleResources().filter((resource) => resource["resourceType"] !== "Patient");
  const patientUrl = "urn:uuid:5b0c0f9e-2b43-4c5e-9d39-6a1f8d0c7e11";
  const patient = { resourceType: "Patient", id: "pat-1", gender: "female", birthDate: "1973-06-14" };
  const fullUrls = new Map<Json, string>([[patient, patientUrl]]);
  resources.forEach((resource, index) => {
    if ("subject" in resource) resource["subject"] = { reference: patientUrl };
    fullUrls.set(resource, `urn:uuid:5b0c0f9e-2b43-4c5e-9d39-${String(index).padStart(12, "0")}`);
  });
  return { resources: [patient, ...resources], fullUrls };
}

/** A searchset of the resources of one type, each entry with its fullUrl. */
function searchsetOf(resources: readonly Json[], fullUrls: Map<Json, string>, type: string): Json | null {
  const found = resources.filter((resource) => resource["resourceType"] === type);
  if (found.length === 0) return null;
  return {
    resourceType: "Bundle",
    type: "searchset",
    entry: found.map((resource) => ({ fullUrl: fullUrls.get(resource), resource, search: { mode: "match" } })),
  };
}

describe("the Bundle the intake reads", () => {
  it("keeps each entry's fullUrl: library and service read the same urn:uuid record the same way", async () => {
    const { resources, fullUrls } = uuidRecord();
    // In the order of the prefetch keys, as the service gathers them (agreeing values are credited to the first).
    const ordered = ["Patient", "Observation", "QuestionnaireResponse", "Questionnaire"].flatMap((type) =>
      resources.filter((resource) => resource["resourceType"] === type),
    );
    const bundle = {
      resourceType: "Bundle",
      type: "collection",
      entry: ordered.map((resource) => ({ fullUrl: fullUrls.get(resource), resource })),
    };
    const library = bundleToAssessment(bundle, { assessedOn: "2025-11-04" });
    expect(library.ok).toBe(true);
    if (!library.ok) return;
    expect(library.value.assessment).toMatchObject({ patient: { age: 52 }, questionnaires: { phq9: {} } });

    const prefetch = {
      // A read has no fullUrl: this client sends the Patient as a searchset entry, which has one.
      patient: searchsetOf(resources, fullUrls, "Patient"),
      observations: searchsetOf(resources, fullUrls, "Observation"),
      questionnaireResponses: searchsetOf(resources, fullUrls, "QuestionnaireResponse"),
      questionnaires: searchsetOf(resources, fullUrls, "Questionnaire"),
      conditions: null,
      medicationStatements: null,
      medicationRequests: null,
      carePlans: null,
    };
    const served = await call({ ...hookRequest(prefetch), extension: { "dev.backplan.visit-date": "2025-11-04" } });
    expect(served.status).toBe(200);
    let n = 0;
    const expected = cardsFor(
      engine,
      bundle,
      { patientId: "pat-1", encounterId: "89284" },
      {
        engine: { name: "backplan", version: "0.0.0-test" },
        recorded: new Date(SYDNEY_MORNING).toISOString(),
        visitDate: "2025-11-04",
        visitDateFrom: "extension",
        uuid: () => `00000000-0000-4000-8000-${String((n += 1)).padStart(12, "0")}`,
      },
    );
    const cards = (served.body as unknown as CdsResponse).cards;
    expect(cards.map((card) => card.summary)).toEqual(expected.cards.map((card) => card.summary));
    expect(cards.map((card) => card.detail)).toEqual(expected.cards.map((card) => card.detail));
    expect(cards[0]?.summary).toContain("(complete)");
  });

  it("tolerates informational OperationOutcomes in a searchset; an error one is still 412", async () => {
    const prefetch = prefetchOf(exampleResources());
    const observations = prefetch["observations"] as { entry: Json[] };
    const notice = (severity: string, mode: string): Json => ({
      resource: { resourceType: "OperationOutcome", issue: [{ severity, code: "informational" }] },
      search: { mode },
    });
    observations.entry.push(notice("information", "outcome"), notice("warning", "include"));
    const ok = await call(hookRequest(prefetch));
    expect(ok.status).toBe(200);
    expect((ok.body["cards"] as CdsCard[])[0]?.summary).toContain("(complete)");
    observations.entry.push(notice("error", "outcome"));
    const failed = await call(hookRequest(prefetch));
    expect(failed.status).toBe(412);
    expect(failed.body["missing"]).toEqual([
      {
        key: "observations",
        reason: "the Bundle holds an OperationOutcome with an error (part of its query failed)",
      },
    ]);
  });
});

describe("the visit date", () => {
  /** The example recorded at 08:10 on 4 November in a UTC+10 clinic. */
  function recordedThisMorning(): Json[] {
    return exampleResources().map((resource) => {
      const copy = structuredClone(resource);
      for (const field of ["effectiveDateTime", "authored"])
        if (field in copy) copy[field] = "2025-11-04T08:10:00+10:00";
      return copy;
    });
  }

  async function cardsWith(extra: Json, resources: Json[] = recordedThisMorning()): Promise<CdsCard[]> {
    const { status, body } = await call({ ...hookRequest(prefetchOf(resources)), ...extra });
    expect(status).toBe(200);
    return body["cards"] as CdsCard[];
  }

  it("is never the server's UTC date: this morning's results in a UTC+10 clinic are read with no date sent", async () => {
    const cards = await cardsWith({});
    expect(cards.map((card) => card.summary)).toEqual(["Low back pain care plan: 17 components (complete)"]);
    // The card says the date was assumed, so the clinician can check it.
    expect(cards[0]?.detail).toMatch(
      /_Visit date \d{4}-\d{2}-\d{2} \(assumed: the EHR sent neither a visit date nor an Encounter/,
    );
  });

  it("is the client's extension when sent", async () => {
    const cards = await cardsWith({ extension: { "dev.backplan.visit-date": "2025-11-03" } });
    expect(cards.map((card) => card.detail).join("\n")).toContain(
      "after the assessment date 2025-11-03; it is ignored",
    );
    expect(cards.map((card) => card.detail).join("\n")).toContain("_Visit date 2025-11-03 (as the EHR sent it)._");
  });

  it("is the context Encounter's date when prefetched, as written in the clinic's offset", async () => {
    const encounter = (start: string): Json => ({
      resourceType: "Encounter",
      id: "89284",
      status: "in-progress",
      class: { system: "http://terminology.hl7.org/CodeSystem/v3-ActCode", code: "AMB" },
      subject: { reference: "Patient/pat-1" },
      period: { start },
    });
    const resources = recordedThisMorning();
    const withEncounter = (start: string): Json => ({
      prefetch: { ...prefetchOf(resources), encounter: encounter(start) },
    });
    const today = await cardsWith(withEncounter("2025-11-04T08:00:00+10:00"), resources);
    expect(today.map((card) => card.summary)).toEqual(["Low back pain care plan: 17 components (complete)"]);
    expect(today[0]?.detail).toContain("_Visit date 2025-11-04 (from the visit's Encounter)._");
    const yesterday = await cardsWith(withEncounter("2025-11-03T15:00:00+10:00"), resources);
    expect(yesterday.map((card) => card.detail).join("\n")).toContain(
      "after the assessment date 2025-11-03; it is ignored",
    );
  });

  it("refuses an extension that is not a calendar date", async () => {
    const { status, body } = await call({
      ...hookRequest(prefetchOf(exampleResources())),
      extension: { "dev.backplan.visit-date": "2025-02-30" },
    });
    expect(status).toBe(400);
    expect(body["issues"]).toEqual([
      {
        path: "/extension/dev.backplan.visit-date",
        message: '"extension.dev.backplan.visit-date" must be a calendar date YYYY-MM-DD; found "2025-02-30"',
      },
    ]);
  });

  it("reads an Encounter's start in its own offset, and a UTC instant as the latest date anywhere", () => {
    expect(latestDateOn(new Date("2025-11-03T22:30:00Z"))).toBe("2025-11-04");
    expect(latestDateOn(new Date("2025-11-03T09:59:00Z"))).toBe("2025-11-03");
    expect(encounterDate({ period: { start: "2025-11-04T08:00:00+10:00" } })).toBe("2025-11-04");
    expect(encounterDate({ period: { start: "2025-11-03T19:00:00-05:00" } })).toBe("2025-11-03");
    expect(encounterDate({ period: { start: "2025-11-03T22:00:00Z" } })).toBe("2025-11-04");
    expect(encounterDate({ period: { start: "2025-11-03" } })).toBe("2025-11-03");
    expect(encounterDate({ period: {} })).toBeUndefined();
  });
});

describe("another patient's data in the prefetch", () => {
  it("is named with its id escaped and cut: the 400's error quoted a Patient.id raw (ESC, 70,000 characters)", () => {
    const patient = (id: string) => ({ resource: { resourceType: "Patient", id } });
    const others = otherPatients(
      { entry: [patient("pat-1"), patient("a\u001b[2Jb"), patient("x".repeat(70_000))] },
      "pat-1",
    );
    expect(others[0]).toBe("Patient/a\\u{1b}[2Jb");
    expect(others[1]?.length).toBeLessThan(120);
    expect(others).toHaveLength(2);
  });
});
