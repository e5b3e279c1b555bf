import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/node/index.js";
import type { CdsCard } from "../../src/serve/cds-types.js";
import { startFhirServer, type FhirTestServer } from "./fhir-server.js";
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

const TOKEN = "lent-by-the-ehr";
/**
 * 110 older pain scores besides the example's 17 Observations: the search runs to 2 pages of 100.
 * Medplum's in-memory search filters and sorts in FHIRPath, about 1.5 s a page here, so the
 * service under test gets more time than its 5 s default; the bounds are tested on their own.
 */
const HISTORY = 110;

let engine: Engine;
let fhir: FhirTestServer;
let service: TestService;
let onePage: TestService;
let halfSecond: TestService;

function history(): Json[] {
  const pain = exampleResources().find((resource) => resource["id"] === "pain");
  return Array.from({ length: HISTORY }, (_, index) => ({
    ...structuredClone(pain),
    id: `pain-${index}`,
    effectiveDateTime: new Date(Date.UTC(2019, 0, 1) + index * 86_400_000).toISOString(),
    valueInteger: 9,
  }));
}

beforeAll(async () => {
  engine = await bundledEngine();
  fhir = await startFhirServer([...exampleResources(), ...history()], TOKEN);
  service = await startService(engine, undefined, {
    fhirFetchLimits: { maxPages: 10, timeoutMs: 30_000, loopbackHttp: true },
    timeoutMs: 60_000,
  });
  onePage = await startService(engine, undefined, {
    fhirFetchLimits: { maxPages: 1, timeoutMs: 30_000, loopbackHttp: true },
    timeoutMs: 60_000,
  });
  halfSecond = await startService(engine, undefined, {
    fhirFetchLimits: { maxPages: 10, timeoutMs: 500, maxPageBytes: 1_000, loopbackHttp: true },
  });
}, 60_000);
afterAll(async () => {
  await Promise.all([service.close(), onePage.close(), halfSecond.close(), fhir.close()]);
});

function lending(prefetch: Json | undefined, server = fhir.base, token = TOKEN): Json {
  return {
    ...hookRequest(prefetch),
    fhirServer: server,
    fhirAuthorization: {
      access_token: token,
      token_type: "Bearer",
      expires_in: 300,
      scope: "patient/*.read",
      subject: "backplan",
    },
  };
}

async function call(to: TestService, body: Json): Promise<{ status: number; body: Json }> {
  const response = await post(to.origin + SERVICE_PATH, body);
  return { status: response.status, body: (await response.json()) as Json };
}

/** The first page of the Observation search, as a client that prefetched only one page sends it. */
async function firstObservationPage(): Promise<Json> {
  const response = await fetch(`${fhir.base}/Observation?patient=pat-1&_sort=-date&_count=100`, {
    headers: { Authorization: `Bearer ${TOKEN}` },
  });
  return (await response.json()) as Json;
}

describe("prefetch completed from fhirServer (Medplum's FHIR search over HTTP)", () => {
  it("fetches every key the client left out, following next links, with the client's token only", async () => {
    const before = fhir.requests.length;
    const { status, body } = await call(service, lending(undefined));
    expect(body["missing"]).toBeUndefined();
    expect(status).toBe(200);
    const cards = body["cards"] as CdsCard[];
    expect(cards.map((card) => card.summary)).toEqual(["Low back pain care plan: 17 components (complete)"]);
    expect(cards[0]?.detail).toContain("`pain.intensity` from Observation/pain");
    const made = fhir.requests.slice(before);
    expect(made.every((request) => request.authorization === `Bearer ${TOKEN}`)).toBe(true);
    const observationPages = made.filter((request) => request.url.startsWith("/fhir/R4/Observation?"));
    expect(observationPages.map((request) => new URL(request.url, fhir.base).searchParams.get("_offset"))).toEqual([
      null,
      "100",
    ]);
    expect(made.map((request) => request.url.split("?")[0]).sort()).toEqual([
      "/fhir/R4/CarePlan",
      "/fhir/R4/Condition",
      "/fhir/R4/Encounter/89284",
      "/fhir/R4/MedicationRequest",
      "/fhir/R4/MedicationStatement",
      "/fhir/R4/Observation",
      "/fhir/R4/Observation",
      "/fhir/R4/Patient/pat-1",
      "/fhir/R4/Questionnaire",
      "/fhir/R4/QuestionnaireResponse",
    ]);
  });

  it("gives the same cards as a client that prefetched everything", async () => {
    const fetched = await call(service, lending(undefined));
    const sent = await call(service, hookRequest(prefetchOf([...exampleResources(), ...history()])));
    const summaries = (body: Json): unknown => (body["cards"] as CdsCard[]).map((card) => [card.summary, card.detail]);
    expect(summaries(fetched.body)).toEqual(summaries(sent.body));
  });

  it("completes a paginated prefetch from its next link, fetching only the pages after it", async () => {
    const prefetch = { ...prefetchOf(exampleResources()), observations: await firstObservationPage(), encounter: null };
    const before = fhir.requests.length;
    const { status, body } = await call(service, lending(prefetch));
    expect(status).toBe(200);
    expect((body["cards"] as CdsCard[])[0]?.summary).toBe("Low back pain care plan: 17 components (complete)");
    const offsets = fhir.requests
      .slice(before)
      .map((request) => new URL(request.url, fhir.base).searchParams.get("_offset"));
    expect(offsets).toEqual(["100"]);
  });

  it("never follows a next link off fhirServer (the token would go with it)", async () => {
    const page = await firstObservationPage();
    const link = page["link"] as { relation: string; url: string }[];
    for (const entry of link) if (entry.relation === "next") entry.url = entry.url.replace("127.0.0.1", "localhost");
    const before = fhir.requests.length;
    const { status, body } = await call(
      service,
      lending({ ...prefetchOf(exampleResources()), observations: page, encounter: null }),
    );
    expect(status).toBe(412);
    expect(body).toEqual({
      error: "required prefetch is missing, and the service could not fetch it from fhirServer",
      missing: [
        {
          key: "observations",
          reason: `fetched from fhirServer: a next link outside fhirServer (${new URL(fhir.base).origin.replace("127.0.0.1", "localhost")}); not followed`,
        },
      ],
    });
    expect(fhir.requests.slice(before)).toEqual([]);
  });

  it("is bounded in pages, time and page size, and says so", async () => {
    const pages = await call(onePage, lending(undefined));
    expect(pages.status).toBe(412);
    expect(pages.body["missing"]).toEqual([
      { key: "observations", reason: "fetched from fhirServer: more than 1 page on the FHIR server" },
    ]);
    fhir.delayMs = 1_000;
    try {
      const started = Date.now();
      const slow = await call(
        halfSecond,
        lending({ ...prefetchOf(exampleResources()), conditions: undefined, encounter: null }),
      );
      expect(Date.now() - started).toBeLessThan(900);
      expect(slow.status).toBe(412);
      expect(slow.body["missing"]).toEqual([
        { key: "conditions", reason: "fetched from fhirServer: the FHIR server did not answer within 500 ms" },
      ]);
    } finally {
      fhir.delayMs = 0;
    }
    fhir.bodyDelayMs = 1_000;
    try {
      const stalled = await call(
        halfSecond,
        lending({ ...prefetchOf(exampleResources()), conditions: undefined, encounter: null }),
      );
      expect(stalled.body["missing"]).toEqual([
        { key: "conditions", reason: "fetched from fhirServer: the FHIR server did not answer within 500 ms" },
      ]);
    } finally {
      fhir.bodyDelayMs = 0;
    }
    const large = await call(
      halfSecond,
      lending({ ...prefetchOf(exampleResources()), questionnaires: undefined, encounter: null }),
    );
    expect(large.body["missing"]).toEqual([
      { key: "questionnaires", reason: "fetched from fhirServer: a page larger than 1000 bytes" },
    ]);
  });

  it("names the FHIR server's refusal of the token, and refuses a fhirServer it would send the token to in clear", async () => {
    const refused = await call(
      service,
      lending({ ...prefetchOf(exampleResources()), conditions: undefined }, fhir.base, "stolen"),
    );
    expect(refused.status).toBe(412);
    expect(refused.body["missing"]).toEqual([
      { key: "conditions", reason: "fetched from fhirServer: the FHIR server answered HTTP 401" },
    ]);
    const clear = await call(
      service,
      lending({ ...prefetchOf(exampleResources()), conditions: undefined }, "http://ehr.example.org/fhir"),
    );
    expect(clear.body["missing"]).toEqual([
      {
        key: "conditions",
        reason: "not sent; not fetched: fhirServer must be https (http only on a loopback host); found http:",
      },
    ]);
  });

  it("refuses fhirAuthorization without fhirServer (CDS Hooks cds-r-1)", async () => {
    const { status, body } = await call(service, {
      ...hookRequest(undefined),
      fhirAuthorization: { access_token: TOKEN },
    });
    expect(status).toBe(400);
    expect(body["issues"]).toEqual([
      { path: "/fhirServer", message: '"fhirServer" is required with "fhirAuthorization"; found nothing' },
    ]);
  });

  it("keeps today's 412 without fhirServer, and never calls the FHIR server", async () => {
    const observations = await firstObservationPage();
    const before = fhir.requests.length;
    const { status, body } = await call(service, hookRequest({ ...prefetchOf(exampleResources()), observations }));
    expect(status).toBe(412);
    expect(body["missing"]).toEqual([
      {
        key: "observations",
        reason: "a paginated Bundle (it has a next link); send every page, or fhirServer and fhirAuthorization",
      },
    ]);
    expect(fhir.requests.slice(before)).toEqual([]);
  });
});
