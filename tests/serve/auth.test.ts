import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { SignJWT, createRemoteJWKSet } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/node/index.js";
import { memoryReplayStore } from "../../src/serve/replay-store.js";
import { createTokenVerifier } from "../../src/serve/token.js";
import {
  CLIENT_ID,
  ISSUER,
  SERVICE_PATH,
  bundledEngine,
  clientKeys,
  exampleResources,
  hookRequest,
  localKeys,
  post,
  prefetchOf,
  startService,
  token,
  unsignedToken,
  type ClientKeys,
  type TestService,
} from "./fixtures.js";

let engine: Engine;
let keys: ClientKeys;
let service: TestService;
let serviceUrl: string;
const body = (): unknown => hookRequest(prefetchOf(exampleResources()));

beforeAll(async () => {
  engine = await bundledEngine();
  keys = await clientKeys();
  service = await startService(engine, localKeys(keys));
  serviceUrl = service.origin + SERVICE_PATH;
});
afterAll(() => service.close());

async function refused(response: Response): Promise<string> {
  expect(response.status).toBe(401);
  const header = response.headers.get("WWW-Authenticate") ?? "";
  expect(header).toMatch(/^Bearer realm="backplan", error="invalid_token", error_description="/);
  return ((await response.json()) as { error: string }).error;
}

describe("JWT bearer tokens (CDS Hooks 2.0, Trusting CDS Clients)", () => {
  it("accepts a valid ES384 token on the service and on discovery (aud = the endpoint URL)", async () => {
    expect((await post(serviceUrl, body(), await token(keys, serviceUrl))).status).toBe(200);
    const discovery = `${service.origin}/cds-services`;
    const response = await fetch(discovery, { headers: { Authorization: `Bearer ${await token(keys, discovery)}` } });
    expect(response.status).toBe(200);
  });

  it("refuses a request without a token", async () => {
    expect(await refused(await post(serviceUrl, body()))).toMatchInlineSnapshot(`"unauthorized: no bearer token"`);
    expect(await refused(await fetch(`${service.origin}/cds-services`))).toBe("unauthorized: no bearer token");
  });

  it("refuses a token signed by another key (forged signature)", async () => {
    const forger = await clientKeys("client-1");
    expect(await refused(await post(serviceUrl, body(), await token(forger, serviceUrl)))).toMatchInlineSnapshot(
      `"unauthorized: the signature does not verify"`,
    );
  });

  it("refuses a token for another audience", async () => {
    const other = `${service.origin}/cds-services/other`;
    expect(await refused(await post(serviceUrl, body(), await token(keys, other)))).toMatchInlineSnapshot(
      `"unauthorized: a claim is wrong or missing ("aud": check_failed)"`,
    );
  });

  it("refuses an expired token", async () => {
    const past = Math.floor(Date.now() / 1000) - 3600;
    const expired = await token(keys, serviceUrl, { iat: past - 60, exp: past });
    expect(await refused(await post(serviceUrl, body(), expired))).toMatchInlineSnapshot(
      `"unauthorized: the token has expired"`,
    );
  });

  it("refuses a token without jti", async () => {
    const now = Math.floor(Date.now() / 1000);
    const noJti = await new SignJWT({})
      .setProtectedHeader({ alg: "ES384", typ: "JWT", kid: "client-1" })
      .setIssuer(ISSUER)
      .setSubject(CLIENT_ID)
      .setAudience(serviceUrl)
      .setIssuedAt(now)
      .setExpirationTime(now + 300)
      .sign(keys.privateKey);
    expect(await refused(await post(serviceUrl, body(), noJti))).toMatchInlineSnapshot(
      `"unauthorized: a claim is wrong or missing ("jti": missing)"`,
    );
  });

  it("refuses a token without sub (the client's client_id)", async () => {
    const noSub = await token(keys, serviceUrl, { sub: undefined });
    expect(await refused(await post(serviceUrl, body(), noSub))).toMatchInlineSnapshot(
      `"unauthorized: a claim is wrong or missing ("sub": missing)"`,
    );
  });

  it("refuses a token whose header has no kid, though the JWKS holds one key that verifies it", async () => {
    const noKid = await token(keys, serviceUrl, {}, { kid: undefined });
    expect(await refused(await post(serviceUrl, body(), noKid))).toMatchInlineSnapshot(
      `"unauthorized: the token's header has no kid"`,
    );
    const emptyKid = await token(keys, serviceUrl, {}, { kid: "" });
    expect(await refused(await post(serviceUrl, body(), emptyKid))).toBe("unauthorized: the token's header has no kid");
  });

  it("refuses HS256 (symmetric) and alg none", async () => {
    const secret = new TextEncoder().encode("a shared secret of at least 32 bytes!!");
    const hs = await new SignJWT({ jti: "hs-1" })
      .setProtectedHeader({ alg: "HS256", typ: "JWT", kid: "client-1" })
      .setIssuer(ISSUER)
      .setSubject(CLIENT_ID)
      .setAudience(serviceUrl)
      .setIssuedAt()
      .setExpirationTime("5m")
      .sign(secret);
    expect(await refused(await post(serviceUrl, body(), hs))).toMatchInlineSnapshot(
      `"unauthorized: the algorithm is not allowed (expected one of ES256, ES384, ES512, RS256, RS384, RS512, PS256, PS384, PS512, EdDSA)"`,
    );
    expect(await refused(await post(serviceUrl, body(), unsignedToken(serviceUrl)))).toMatchInlineSnapshot(
      `"unauthorized: the algorithm is not allowed (expected one of ES256, ES384, ES512, RS256, RS384, RS512, PS256, PS384, PS512, EdDSA)"`,
    );
  });

  it("refuses a replayed jti", async () => {
    const once = await token(keys, serviceUrl);
    expect((await post(serviceUrl, body(), once)).status).toBe(200);
    expect(await refused(await post(serviceUrl, body(), once))).toMatchInlineSnapshot(
      `"unauthorized: the token's jti was already used (replay)"`,
    );
  });

  it("refuses a jti that is not a non-empty string of at most 256 characters", async () => {
    for (const jti of ["", {}, 7, "j".repeat(257)]) {
      expect(await refused(await post(serviceUrl, body(), await token(keys, serviceUrl, { jti })))).toBe(
        "unauthorized: the token's jti must be a non-empty string of at most 256 characters",
      );
    }
    expect((await post(serviceUrl, body(), await token(keys, serviceUrl, { jti: `j${"x".repeat(255)}` }))).status).toBe(
      200,
    );
  });

  it("remembers a bounded number of tokens: when the replay window is full a token is refused (503), never accepted unchecked", async () => {
    let now = Date.now();
    const verify = createTokenVerifier({
      keys: localKeys(keys),
      replays: memoryReplayStore({ maxRemembered: 2, now: () => now }),
      now: () => now,
    });
    const audience = [serviceUrl];
    expect((await verify(await token(keys, serviceUrl), audience)).ok).toBe(true);
    expect((await verify(await token(keys, serviceUrl), audience)).ok).toBe(true);
    const third = await token(keys, serviceUrl);
    expect(await verify(third, audience)).toEqual({ ok: false, overloaded: "too many tokens in the replay window" });
    // Once the first two can no longer be accepted anyway (past 300 s + 30 s), they are forgotten.
    now += 331_000;
    const late = await token(keys, serviceUrl, { iat: Math.floor(now / 1000), exp: Math.floor(now / 1000) + 300 });
    expect((await verify(late, audience)).ok).toBe(true);
  });

  it("accepts a feedback token addressed to the service or to its feedback endpoint", async () => {
    const feedback = {
      feedback: [
        {
          card: "0b7a3c52-4a3e-4a8e-9a57-2f4a1c1e6d10",
          outcome: "overridden",
          outcomeTimestamp: "2025-11-03T10:05:00Z",
        },
      ],
    };
    const feedbackUrl = `${serviceUrl}/feedback`;
    expect((await post(feedbackUrl, feedback, await token(keys, feedbackUrl))).status).toBe(200);
    expect((await post(feedbackUrl, feedback, await token(keys, serviceUrl))).status).toBe(200);
  });
});

describe("JWKS from a URL", () => {
  let jwksServer: Server;
  let remote: TestService;
  let requests = 0;

  beforeAll(async () => {
    jwksServer = createServer((_request, response) => {
      requests += 1;
      response.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(keys.jwks));
    });
    await new Promise<void>((done) => jwksServer.listen(0, "127.0.0.1", done));
    const { port } = jwksServer.address() as AddressInfo;
    remote = await startService(engine, createRemoteJWKSet(new URL(`http://127.0.0.1:${port}/jwks.json`)));
  });
  afterAll(async () => {
    await remote.close();
    await new Promise((done) => jwksServer.close(done));
  });

  it("verifies tokens with keys fetched from the JWKS URL", async () => {
    const url = remote.origin + SERVICE_PATH;
    expect((await post(url, body(), await token(keys, url))).status).toBe(200);
    expect(requests).toBe(1);
    const forger = await clientKeys("client-1");
    expect((await post(url, body(), await token(forger, url))).status).toBe(401);
  });

  it("answers 503 (the service's fault, not the token's) when the JWKS URL fails, and logs why", async () => {
    const failing = createServer((_request, response) => response.writeHead(500).end("down"));
    await new Promise<void>((done) => failing.listen(0, "127.0.0.1", done));
    const { port } = failing.address() as AddressInfo;
    const logged: unknown[] = [];
    const broken = await startService(engine, createRemoteJWKSet(new URL(`http://127.0.0.1:${port}/jwks.json`)), {
      logError: (error) => logged.push(error),
    });
    try {
      const url = broken.origin + SERVICE_PATH;
      const response = await post(url, body(), await token(keys, url));
      expect(response.status).toBe(503);
      expect(response.headers.get("Retry-After")).toBe("30");
      expect(await response.json()).toEqual({
        error: "the service cannot get the keys to check the token now; try again later",
      });
      expect(String(logged[0])).toMatch(/cannot get the client's JSON Web Key Set: .*200 OK/);
      await new Promise((done) => failing.close(done));
      const refused = await post(url, body(), await token(keys, url));
      expect(refused.status).toBe(503);
    } finally {
      await broken.close();
    }
  });
});
