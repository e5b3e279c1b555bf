import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Engine } from "../../src/node/index.js";
import { SANDBOX_ORIGIN } from "../../src/serve/app.js";
import {
  SERVICE_PATH,
  bundledEngine,
  clientKeys,
  exampleResources,
  hookRequest,
  localKeys,
  post,
  prefetchOf,
  startService,
  type TestService,
} from "./fixtures.js";

let engine: Engine;
let service: TestService;

beforeAll(async () => {
  engine = await bundledEngine();
  service = await startService(engine, localKeys(await clientKeys()));
});
afterAll(() => service.close());

describe("limits", () => {
  it("answers 413 to a body over 5 MiB", async () => {
    const request = hookRequest({ ...prefetchOf(exampleResources()), padding: "x".repeat(6 * 1024 * 1024) });
    const response = await post(service.origin + SERVICE_PATH, request);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: "request body too large" });
  });

  it("answers 504 when a request takes longer than the time limit", async () => {
    const slow = await startService(engine, undefined, { timeoutMs: 100 });
    try {
      const text = JSON.stringify(hookRequest(prefetchOf(exampleResources())));
      // The rest of the body is held back until the answer arrives (or, should the client only
      // read it once the upload ends, for 10 s): a stalled machine cannot make it arrive in time.
      let answered = (): void => undefined;
      const answer = new Promise<void>((done) => (answered = done));
      const body = new ReadableStream<Uint8Array>({
        async start(controller) {
          controller.enqueue(new TextEncoder().encode(text.slice(0, 10)));
          await Promise.race([answer, new Promise((done) => setTimeout(done, 10_000))]);
          controller.enqueue(new TextEncoder().encode(text.slice(10)));
          controller.close();
        },
      });
      const response = await fetch(slow.origin + SERVICE_PATH, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body,
        duplex: "half",
      });
      answered();
      expect(response.status).toBe(504);
    } finally {
      await slow.close();
    }
  });
});

describe("what a request must be", () => {
  it("answers 415 to a body that is not declared JSON, before reading it or spending its token", async () => {
    const open = await startService(engine, undefined);
    try {
      const text = JSON.stringify(hookRequest(prefetchOf(exampleResources())));
      const send = (type: string | undefined) =>
        fetch(open.origin + SERVICE_PATH, {
          method: "POST",
          // A Blob with no type sends no Content-Type at all.
          body: type === undefined ? new Blob([text]) : text,
          ...(type === undefined ? {} : { headers: { "Content-Type": type } }),
        });
      // What a page on any origin may send without a CORS preflight: text/plain, a form, multipart.
      for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
        const response = await send(type);
        expect(response.status).toBe(415);
        expect(await response.json()).toEqual({
          error: `the request body must be JSON (Content-Type: application/json); found "${type}"`,
        });
      }
      expect(await (await send(undefined)).json()).toEqual({
        error: "the request body must be JSON (Content-Type: application/json); found none",
      });
      for (const type of ["application/json", "application/json; charset=utf-8", "Application/JSON"])
        expect((await send(type)).status).toBe(200);
    } finally {
      await open.close();
    }
  });

  it("answers errors in printable text: a control character or a bidirectional override in the path is escaped", async () => {
    const response = await fetch(`${service.origin}/%1B%5B2J%E2%80%AEx`);
    expect(response.status).toBe(404);
    const { error } = (await response.json()) as { error: string };
    expect(error).toBe("no such endpoint: GET /\\u{1b}[2J\\u{202e}x");
  });
});

describe("CORS", () => {
  it("answers the sandbox's preflight without a token", async () => {
    const response = await fetch(service.origin + SERVICE_PATH, {
      method: "OPTIONS",
      headers: {
        Origin: SANDBOX_ORIGIN,
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization,content-type",
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe(SANDBOX_ORIGIN);
    expect(response.headers.get("Access-Control-Allow-Headers")?.toLowerCase()).toContain("authorization");
    expect(response.headers.get("Access-Control-Allow-Methods")).toContain("POST");
  });

  it("lets the sandbox read discovery, and not another origin", async () => {
    const open = await startService(engine, undefined);
    try {
      const allowed = await fetch(`${open.origin}/cds-services`, { headers: { Origin: SANDBOX_ORIGIN } });
      expect(allowed.headers.get("Access-Control-Allow-Origin")).toBe(SANDBOX_ORIGIN);
      const other = await fetch(`${open.origin}/cds-services`, { headers: { Origin: "https://evil.example" } });
      expect(other.headers.get("Access-Control-Allow-Origin")).toBeNull();
    } finally {
      await open.close();
    }
  });
});
