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

/** Node's own limits, below hono's timeout: a slow client cannot hold a socket for minutes. */
const HEADERS_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 30_000;

/** Handles one request: a hono app's `fetch`. */
export type FetchHandler = (request: Request) => Response | Promise<Response>;

/** Serves `fetch` on `host:port` (port 0 picks a free one) and resolves once it listens. */
export function startServer(fetch: FetchHandler, host: string, port: number): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: (request) => fetch(request), hostname: host, port }, (info: AddressInfo) => {
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
    if ("headersTimeout" in server) {
      server.headersTimeout = HEADERS_TIMEOUT_MS;
      server.requestTimeout = REQUEST_TIMEOUT_MS;
    }
    server.once("error", reject);
  });
}
