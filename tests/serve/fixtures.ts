/** Keys, tokens, prefetch and a running service for the CDS Hooks tests. */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair, type JWK, type JWTVerifyGetKey } from "jose";
import { checkRuleFolder, createEngine, type Engine } from "../../src/node/index.js";
import { createApp, type AppOptions } from "../../src/serve/app.js";
import { feedbackLog } from "../../src/serve/feedback-log.js";
import { startServer, type RunningServer } from "../../src/serve/server.js";
import { createTokenVerifier } from "../../src/serve/token.js";

type Json = Record<string, unknown>;

export const SERVICE_PATH = "/cds-services/backplan-lbp";
export const ISSUER = "https://ehr.example.org/";
/** The CDS client's `client_id`, which CDS Hooks 2.0 puts in `sub`. */
export const CLIENT_ID = "backplan-test-ehr";

/** The bundled pack's engine, compiled once. */
export async function bundledEngine(): Promise<Engine> {
  const { ruleset } = await checkRuleFolder("rules", "rules", { scenarios: false, includeDrafts: false });
  if (ruleset === undefined) throw new Error("the bundled rules do not compile");
  return createEngine(ruleset);
}

/** An ES384 key pair as a CDS client holds it, and its public JWKS as the service gets it. */
export interface ClientKeys {
  readonly privateKey: Awaited<ReturnType<typeof generateKeyPair>>["privateKey"];
  readonly jwks: { keys: JWK[] };
}

export async function clientKeys(kid = "client-1"): Promise<ClientKeys> {
  const { publicKey, privateKey } = await generateKeyPair("ES384");
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: "ES384", use: "sig" };
  return { privateKey, jwks: { keys: [jwk] } };
}

let counter = 0;

/**
 * A CDS Hooks client token for `aud`, with every claim and header CDS Hooks 2.0 requires (`kid`,
 * `sub` among them); `claims` and `header` override the defaults (`undefined` leaves one out).
 */
export async function token(keys: ClientKeys, aud: string, claims: Json = {}, header: Json = {}): Promise<string> {
  counter += 1;
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    iss: ISSUER,
    sub: CLIENT_ID,
    aud,
    iat: now,
    exp: now + 300,
    jti: `jti-${counter}-${now}`,
    ...claims,
  })
    .setProtectedHeader({ alg: "ES384", typ: "JWT", kid: keys.jwks.keys[0]?.kid ?? "", ...header })
    .sign(keys.privateKey);
}

/** A JWT with `alg: none`, hand-made (jose refuses to sign one). */
export function unsignedToken(aud: string): string {
  const part = (value: Json): string => Buffer.from(JSON.stringify(value)).toString("base64url");
  const now = Math.floor(Date.now() / 1000);
  return `${part({ alg: "none", typ: "JWT", kid: "client-1" })}.${part({ iss: ISSUER, sub: CLIENT_ID, aud, iat: now, exp: now + 300, jti: "none-1" })}.`;
}

/** A running service over real HTTP on 127.0.0.1, its feedback file, and its URL. */
export interface TestService extends RunningServer {
  readonly feedbackFile: string;
}

export async function startService(
  engine: Engine,
  keys: JWTVerifyGetKey | undefined,
  overrides: Partial<AppOptions> = {},
): Promise<TestService> {
  const feedbackFile = join(mkdtempSync(join(tmpdir(), "backplan-serve-")), "feedback.jsonl");
  // The app's base URL needs the bound port, so the app is made once the server listens.
  const late: { fetch?: (request: Request) => Response | Promise<Response> } = {};
  const server = await startServer(
    (request) => late.fetch?.(request) ?? new Response(null, { status: 503 }),
    "127.0.0.1",
    0,
  );
  const app = createApp({
    engine,
    baseUrl: server.origin,
    verifier: keys === undefined ? undefined : createTokenVerifier({ keys }),
    recordFeedback: feedbackLog(feedbackFile),
    software: { name: "backplan", version: "0.0.0-test" },
    now: () => new Date("2025-11-03T10:00:00Z"),
    ...overrides,
  });
  late.fetch = (request) => app.fetch(request);
  return { ...server, close: () => server.close(), feedbackFile };
}

export function localKeys(keys: ClientKeys): JWTVerifyGetKey {
  return createLocalJWKSet(keys.jwks);
}

/** The example patient (examples/fhir/patient-bundle.json), its resources by type. */
export function exampleResources(): Json[] {
  const bundle = JSON.parse(readFileSync("examples/fhir/patient-bundle.json", "utf8")) as {
    entry: { resource: Json }[];
  };
  return bundle.entry.map((entry) => entry.resource);
}

function searchset(resources: readonly Json[]): Json | null {
  if (resources.length === 0) return null;
  return {
    resourceType: "Bundle",
    type: "searchset",
    total: resources.length,
    entry: resources.map((resource) => ({ resource })),
  };
}

/** The prefetch a CDS client would send for these resources, one key per template. */
export function prefetchOf(resources: readonly Json[]): Json {
  const of = (type: string): Json[] => resources.filter((resource) => resource["resourceType"] === type);
  return {
    patient: of("Patient")[0] ?? null,
    observations: searchset(of("Observation")),
    questionnaireResponses: searchset(of("QuestionnaireResponse")),
    questionnaires: searchset(of("Questionnaire")),
    conditions: searchset(of("Condition")),
    medicationStatements: searchset(of("MedicationStatement")),
    medicationRequests: searchset(of("MedicationRequest")),
    carePlans: searchset(of("CarePlan").filter((resource) => resource["status"] === "active")),
  };
}

/** A patient-view request as the CDS Hooks 2.0 example, with our prefetch. */
export function hookRequest(prefetch: Json | undefined, patientId = "pat-1"): Json {
  return {
    hookInstance: "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea",
    hook: "patient-view",
    context: { userId: "Practitioner/example", patientId, encounterId: "89284" },
    ...(prefetch === undefined ? {} : { prefetch }),
  };
}

/** Sets backplan-response answers (`linkId` → valueBoolean) in a copy of the resources. */
export function withAnswers(resources: readonly Json[], answers: Readonly<Record<string, boolean>>): Json[] {
  const copy = structuredClone(resources) as Json[];
  const visit = (items: unknown): void => {
    if (!Array.isArray(items)) return;
    for (const item of items as Json[]) {
      const linkId = item["linkId"];
      if (typeof linkId === "string" && linkId in answers) item["answer"] = [{ valueBoolean: answers[linkId] }];
      visit(item["item"]);
    }
  };
  for (const resource of copy) if (resource["id"] === "backplan-response") visit(resource["item"]);
  return copy;
}

/**
 * POSTs JSON with an optional bearer token, on a connection of its own: a test that blocks the
 * event loop for longer than the server's keep-alive timeout (synchronous schema validation of a
 * large suggestion) must not leave the next request a pooled socket the server has already
 * closed (ECONNRESET on a loaded machine).
 */
export function post(
  url: string,
  body: unknown,
  bearer?: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(url, {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      Connection: "close",
      ...(bearer === undefined ? {} : { Authorization: `Bearer ${bearer}` }),
      ...headers,
    },
    body: JSON.stringify(body),
  });
}
