/**
 * Fuzz: mutated CDS Hooks requests to the service, in process (`app.fetch`, no sockets), as
 * `--insecure-no-auth` runs it. Never a throw or a 500; a status the service documents; 4xx
 * bodies are JSON with a printable `error`; 200 bodies are CDS Hooks card responses.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createEngine } from "../../src/core/run/engine.js";
import { compileRuleset } from "../../src/core/load/index.js";
import { createApp } from "../../src/serve/app.js";
import { bundledFiles } from "../properties/bundled-pack.js";
import { SERVICE_PATH, exampleResources, hookRequest, prefetchOf, withAnswers } from "../serve/fixtures.js";
import { caseSeed, fuzzParameters, isPrintable, mutateText, mutateValue, random, type Random } from "./mutate.js";

type Json = Record<string, unknown>;

const BASE = "http://localhost:3000";
const engine = createEngine(compileRuleset(bundledFiles));
let ids = 0;
const app = createApp({
  engine,
  baseUrl: BASE,
  verifier: undefined,
  recordFeedback: async () => {},
  software: { name: "backplan", version: "0.0.0-fuzz" },
  now: () => new Date("2025-11-03T10:00:00Z"),
  uuid: () => `00000000-0000-4000-8000-${String((ids += 1)).padStart(12, "0")}`,
  maxBodyBytes: 256 * 1024,
  // A request that names a fhirServer is answered from here, never the network.
  fetch: () => Promise.resolve(new Response(JSON.stringify({ resourceType: "OperationOutcome" }), { status: 404 })),
  fhirFetchLimits: { maxPages: 2, timeoutMs: 1000 },
});

const resources = exampleResources();
const seeds: Json[] = [
  hookRequest(prefetchOf(resources)),
  hookRequest(prefetchOf(withAnswers(resources, { "saddle-anaesthesia": true }))),
  hookRequest(prefetchOf(resources.filter((r) => r["resourceType"] !== "Observation"))),
];

const STATUSES = new Set([200, 400, 404, 412, 413, 415]);
const INDICATORS = new Set(["info", "warning", "critical"]);
// Line breaks are fine in a card's markdown detail; escapes and bidi overrides are not.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const TERMINAL_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const NASTY = [
  "",
  "a\u001b[2Jb",
  "\u202epat-1",
  "x".repeat(70_000),
  "Patient/pat-1",
  "patient-view ",
  "2025-02-30",
  7,
  null,
  {},
  [],
];

/** One of the fields the service reads set to a hostile value. */
function withField(value: unknown, r: Random): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const copy = { ...(value as Json) };
  const context =
    typeof copy["context"] === "object" && copy["context"] !== null ? { ...(copy["context"] as Json) } : {};
  const nasty = r.pick(NASTY);
  switch (r.int(6)) {
    case 0:
      copy["hook"] = nasty;
      break;
    case 1:
      copy["hookInstance"] = nasty;
      break;
    case 2:
      copy["context"] = { ...context, [r.pick(["patientId", "encounterId", "userId"])]: nasty };
      break;
    case 3:
      copy["extension"] = { "dev.backplan.visit-date": nasty };
      break;
    case 4:
      copy["fhirServer"] = r.pick(["https://fhir.example.org/r4", "http://127.0.0.1:1/fhir", nasty]);
      copy["fhirAuthorization"] = r.pick([{ access_token: "t", token_type: "Bearer" }, nasty]);
      break;
    default:
      copy["prefetch"] = {
        ...(typeof copy["prefetch"] === "object" ? copy["prefetch"] : {}),
        [r.pick(["patient", "observations", "carePlans", "other"])]: nasty,
      };
  }
  return copy;
}

function body(r: Random): { text: string; contentType: string | undefined; path: string } {
  let value: unknown = r.pick(seeds);
  if (r.chance(0.85)) value = mutateValue(value, r, 1 + r.int(4));
  if (r.chance(0.25)) value = withField(value, r);
  const json = JSON.stringify(value) as string | undefined;
  let text = json ?? "";
  if (r.chance(0.3)) text = mutateText(text, r, 1 + r.int(2));
  if (r.chance(0.05)) text = text.replace(/\d+/, r.pick(["1e999", "-1e999", "123456789012345678901234567890"]));
  if (r.chance(0.02)) text = text.padEnd(300 * 1024, " ");
  const contentType = r.chance(0.85)
    ? "application/json"
    : r.pick([
        undefined,
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "application/fhir+json",
        "APPLICATION/JSON; charset=utf-8",
      ]);
  const path = r.chance(0.93)
    ? SERVICE_PATH
    : r.pick([`${SERVICE_PATH}/feedback`, "/cds-services", `${SERVICE_PATH}x`]);
  return { text, contentType, path };
}

function checkCards(json: unknown): void {
  const cards = (json as { cards?: unknown }).cards;
  expect(Array.isArray(cards), JSON.stringify(json).slice(0, 300)).toBe(true);
  for (const card of cards as Json[]) {
    const summary = card["summary"];
    expect(typeof summary).toBe("string");
    expect((summary as string).length).toBeLessThanOrEqual(140);
    expect(isPrintable(summary as string), JSON.stringify(summary)).toBe(true);
    expect(INDICATORS.has(String(card["indicator"])), String(card["indicator"])).toBe(true);
    const source = card["source"] as Json | undefined;
    expect(typeof source?.["label"]).toBe("string");
    if (card["detail"] !== undefined) {
      expect(typeof card["detail"]).toBe("string");
      expect(TERMINAL_CONTROLS.test(card["detail"] as string), JSON.stringify(card["detail"]).slice(0, 300)).toBe(
        false,
      );
    }
  }
}

describe("fuzz: CDS Hooks requests", () => {
  it("mutated patient-view requests: never a throw or a 500; 4xx with a printable error; 200 with valid cards", async () => {
    await fc.assert(
      fc.asyncProperty(caseSeed, async (seed) => {
        const r = random(seed);
        const { text, contentType, path } = body(r);
        const response = await app.fetch(
          new Request(`${BASE}${path}`, {
            method: "POST",
            headers: contentType === undefined ? {} : { "Content-Type": contentType },
            body: text,
          }),
        );
        const raw = await response.text();
        expect(STATUSES.has(response.status), `${response.status} ${raw.slice(0, 300)}`).toBe(true);
        const json = JSON.parse(raw) as Json;
        if (response.status >= 400) {
          expect(typeof json["error"]).toBe("string");
          expect(isPrintable(json["error"] as string, 1000), JSON.stringify(json["error"]).slice(0, 300)).toBe(true);
          // The issues of a 400 are shown to whoever reads the response: printable too.
          for (const issue of (json["issues"] ?? []) as { message: string }[])
            expect(isPrintable(issue.message, 1000), JSON.stringify(issue.message).slice(0, 300)).toBe(true);
          return;
        }
        if (path.endsWith("/feedback")) expect(typeof json["recorded"]).toBe("number");
        else checkCards(json);
      }),
      fuzzParameters,
    );
  }, 120_000);
});
