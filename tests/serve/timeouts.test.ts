/**
 * The server's own timeouts, with a raw socket that sends headers too slowly. Node checks them
 * only every `connectionsCheckingInterval`, so before it was set a 10 s header timeout let a slow
 * client hold the socket for 30 s. Here the limits are scaled down (500 ms, checked every 100 ms)
 * and the bound is generous (3 s, far from the 30 s default check), so load cannot fail it.
 */
import { connect } from "node:net";
import { describe, expect, it } from "vitest";
import { startServer } from "../../src/serve/server.js";

const SHORT = { headersMs: 500, requestMs: 1_000, keepAliveMs: 500, checkEveryMs: 100 };

/** Milliseconds until the server closes a socket that sends `first`, then nothing (3,000 when it never does). */
async function closedAfter(first: string): Promise<number> {
  const server = await startServer(() => new Response("ok"), "127.0.0.1", 0, SHORT);
  try {
    return await new Promise<number>((resolve) => {
      const start = performance.now();
      const socket = connect(server.port, "127.0.0.1", () => {
        socket.write(first);
      });
      socket.on("error", () => undefined);
      // Read what the server sends (its 408), or the socket never sees the end of the stream.
      socket.resume();
      socket.on("close", () => {
        resolve(performance.now() - start);
      });
      setTimeout(() => {
        socket.destroy();
        resolve(3_000);
      }, 3_000);
    });
  } finally {
    await server.close();
  }
}

describe("server timeouts", () => {
  it("drops a client whose headers never end, at the header timeout", async () => {
    expect(await closedAfter("GET / HTTP/1.1\r\nHost: x\r\n")).toBeLessThan(3_000);
  });

  it("closes an idle keep-alive socket after its timeout", async () => {
    expect(await closedAfter("GET / HTTP/1.1\r\nHost: x\r\n\r\n")).toBeLessThan(3_000);
  });
});
