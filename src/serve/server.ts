import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";

/** A listening server: where, and how to stop it. */
export interface RunningServer {
  /** `http://127.0.0.1:8080`, with the port actually bound (for port 0). */
  readonly origin: string;
  readonly port: number;
  /** Stops accepting connections, ends idle ones and resolves when all are closed. */
  close(): Promise<void>;
}

/**
 * Node's own limits, set when the server is created: a slow client cannot hold a socket. Node
 * checks the header and request timeouts only every `connectionsCheckingInterval` (30 s by
 * default), so slow headers were dropped after 30 s though 10 s was set; checking every second
 * makes the limits what they say. Idle keep-alive sockets close after 5 s.
 */
export interface ServerTimeouts {
  readonly headersMs: number;
  readonly requestMs: number;
  readonly keepAliveMs: number;
  readonly checkEveryMs: number;
}

const SERVER_TIMEOUTS: ServerTimeouts = {
  headersMs: 10_000,
  requestMs: 30_000,
  keepAliveMs: 5_000,
  checkEveryMs: 1_000,
};

/** Handles one request: a hono app's `fetch`. */
export type FetchHandler = (request: Request) => Response | Promise<Response>;

/** Serves `fetch` on `host:port` (port 0 picks a free one) and resolves once it listens. */
export function startServer(
  fetch: FetchHandler,
  host: string,
  port: number,
  timeouts: ServerTimeouts = SERVER_TIMEOUTS,
): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const serverOptions = {
      headersTimeout: timeouts.headersMs,
      requestTimeout: timeouts.requestMs,
      keepAliveTimeout: timeouts.keepAliveMs,
      connectionsCheckingInterval: timeouts.checkEveryMs,
    };
    const options = { fetch: (request: Request) => fetch(request), hostname: host, port, serverOptions };
    const server = serve(options, (info: AddressInfo) => {
      const shown = info.family === "IPv6" ? `[${info.address}]` : info.address;
      resolve({
        origin: `http://${shown}:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => {
              if (error === undefined) done();
              else fail(error);
            });
            if ("closeIdleConnections" in server) server.closeIdleConnections();
          }),
      });
    });
    server.once("error", reject);
  });
}
