import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/node/index.js";
import type { CdsCard, CdsResponse } from "../../src/serve/cds-types.js";
import { cardsFor } from "../../src/serve/cards.js";
import { compileR4Schema } from "../fhir/r4-schema.js";
import {
  SERVICE_PATH,
  bundledEngine,
  hookRequest,
  post,
  prefetchOf,
  startService,
  type TestService,
} from "./fixtures.js";

type Json = Record<string, unknown>;

/** The follow-up patient's record (three visits, the active CarePlan of the first): see tests/fixtures/fhir/make-follow-up-bundle.ts. */
const resources = (): Json[] =>
  (
    JSON.parse(readFileSync("examples/fhir/follow-up-bundle.json", "utf8")) as { entry: { resource: Json }[] }
  ).entry.map(({ resource }) => resource);
const activePlan = (list: readonly Json[]): Json =>
  list.find((resource) => resource["resourceType"] === "CarePlan") ?? {};

let engine: Engine;
let service: TestService;
const validateR4 = compileR4Schema();

beforeAll(async () => {
  for (const resourceType of ["CarePlan", "ServiceRequest", "Provenance"]) validateR4({ resourceType });
  engine = await bundledEngine();
  service = await startService(engine, undefined);
}, 60_000);
afterAll(() => service.close());

async function cards(prefetch: Json): Promise<readonly CdsCard[]> {
  const request = { ...hookRequest(prefetch, "pat-fu"), extension: { "dev.backplan.visit-date": "2026-11-30" } };
  const response = await post(service.origin + SERVICE_PATH, request);
  expect(response.status).toBe(200);
  return ((await response.json()) as CdsResponse).cards;
}

describe("a follow-up visit through CDS Hooks", () => {
  it("says how the patient is doing against the baseline and lists the plan's changes", async () => {
    const [card] = await cards(prefetchOf(resources()));
    expect(card?.summary).toBe(
      "Low back pain review, week 12: improved since the first visit; revised plan: 4 components (incomplete)",
    );
    expect(card?.detail).toContain(
      "Since the first visit 12 weeks ago: ODI 46 → 28 % (18 points better: improved); pain 6 → 3 (3 points better: improved). Overall: **improved**.",
    );
    const detail = card?.detail ?? "";
    const section = detail.slice(
      detail.indexOf("### Changes to the plan"),
      detail.indexOf("### Education and reassurance"),
    );
    expect(section).toContain("**Stopped:**\n- pain-medication-review: No rule adds it at this visit");
    expect(section).toContain("**Kept:**\n- Education and reassurance:");
    expect(section).toContain("- Physiotherapy-led exercise programme: Improved since the first assessment");
    expect(section).toContain("(rule `follow-up-improved-step-down`)");
    expect(section).not.toContain("**Added:**");
  });

  it("suggests an update of the active CarePlan, not a second one", async () => {
    const record = resources();
    const active = activePlan(record);
    const [card] = await cards(prefetchOf(record));
    const suggestion = card?.suggestions?.[0];
    expect(suggestion?.label).toBe("Revise the active care plan");
    const actions = suggestion?.actions ?? [];
    expect(actions.map((action) => action.type)).toEqual(["update", "create"]);
    const [update, provenance] = actions.map((action) => action.resource as Json);
    expect(update).toMatchObject({
      resourceType: "CarePlan",
      id: active["id"],
      identifier: active["identifier"],
      status: "active",
      intent: "proposal",
      subject: { reference: "Patient/pat-fu" },
      encounter: { reference: "Encounter/89284" },
      // The episode's start and the first record are kept: the next visit reckons its baseline from them.
      period: { start: "2026-09-07T10:30:00Z" },
      created: "2026-09-07T10:30:00Z",
    });
    const codes = ((update?.["activity"] as Json[] | undefined) ?? []).map(
      (activity) => ((activity["detail"] as Json)["code"] as { coding: { code: string }[] }).coding[0]?.code,
    );
    expect(codes).toEqual([
      "education-reassurance",
      "self-management-activity",
      "physiotherapy-exercise",
      "follow-up-reassessment",
    ]);
    expect(provenance?.["target"]).toEqual([{ reference: `CarePlan/${String(active["id"])}` }]);
    expect(validateR4(update as unknown as Parameters<typeof validateR4>[0])).toEqual([]);
    expect(validateR4(provenance as unknown as Parameters<typeof validateR4>[0])).toEqual([]);
  });

  it("creates a CarePlan, as at any first visit, when the record holds no backplan CarePlan", async () => {
    const record = resources().filter((resource) => resource["resourceType"] !== "CarePlan");
    // A first visit: backplan's Questionnaire answers nothing about a follow-up either.
    for (const resource of record)
      if (resource["resourceType"] === "QuestionnaireResponse")
        resource["item"] = (resource["item"] as Json[]).filter(
          (item) => !String(item["linkId"]).startsWith("followUp."),
        );
    const [card] = await cards(prefetchOf(record));
    expect(card?.summary).toBe("Low back pain care plan: 3 components (incomplete)");
    expect(card?.detail).not.toContain("### Progress since the first visit");
    const actions = card?.suggestions?.[0]?.actions ?? [];
    expect(actions.map((action) => action.type)).toEqual(["create", "create"]);
    expect(card?.suggestions?.[0]?.label).toBe("Propose this care plan");
  });

  it("needs the carePlans prefetch key: without it (and no fhirServer) the request gets 412 naming it", async () => {
    const { carePlans: _left, ...prefetch } = prefetchOf(resources());
    const request = { ...hookRequest(prefetch, "pat-fu"), extension: { "dev.backplan.visit-date": "2026-11-30" } };
    const response = await post(service.origin + SERVICE_PATH, request);
    expect(response.status).toBe(412);
    const body = (await response.json()) as { missing: { key: string }[] };
    expect(body.missing.map((missing) => missing.key)).toEqual(["carePlans"]);
  });

  it("gives the library's cards from the same record (cardsFor)", () => {
    let n = 0;
    const bundle = { resourceType: "Bundle", type: "collection", entry: resources().map((resource) => ({ resource })) };
    const { cards: made } = cardsFor(
      engine,
      bundle,
      { patientId: "pat-fu" },
      {
        engine: { name: "backplan", version: "0.0.0-test" },
        recorded: "2026-11-30T09:20:00Z",
        visitDate: "2026-11-30",
        uuid: () => `uuid-${String(++n)}`,
      },
    );
    const [card] = made;
    expect(card?.suggestions?.[0]?.actions[0]).toMatchObject({
      type: "update",
      resource: { resourceType: "CarePlan", id: activePlan(resources())["id"] },
    });
  });
});
