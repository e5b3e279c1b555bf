/**
 * A real `redis-server` (Debian's package; `.ci/run` installs it) for the replay store's tests,
 * on a free port in a temporary folder, with nothing saved to disk. Without it the tests are
 * skipped on a developer's machine and fail in CI (`CI` set), as the Chromium tests do.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { createConnection, createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const REDIS_SERVER = "/usr/bin/redis-server";
export const INSTALL_REDIS = "apt-get update && apt-get install -y redis-server";
export const redisMissing = !existsSync(REDIS_SERVER);
/** Skip only off CI; in CI a missing redis-server fails the suite (see `requireRedis`). */
export const skipRedis = redisMissing && process.env["CI"] === undefined;

/** Throws in CI when redis-server is missing; call it first in `beforeAll`. */
export function requireRedis(): void {
  if (redisMissing)
    throw new Error(`redis-server is missing at ${REDIS_SERVER}: CI must install it (${INSTALL_REDIS})`);
}

/** A port nothing listens on now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  await new Promise((done) => server.close(done));
  return port;
}

/** Resolves when `redis-server` on `port` answers PING with PONG; rejects after `withinMs`. */
export async function untilPong(port: number, withinMs = 10_000): Promise<void> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const answered = await new Promise<boolean>((done) => {
      const socket = createConnection({ host: "127.0.0.1", port });
      let text = "";
      socket.setTimeout(500, () => socket.destroy());
      socket.on("connect", () => socket.write("PING\r\n"));
      socket.on("data", (chunk) => {
        text += chunk.toString();
        if (text.includes("\r\n")) {
          socket.destroy();
          done(text.startsWith("+PONG"));
        }
      });
      socket.on("error", () => {
        done(false);
      });
      socket.on("close", () => {
        done(false);
      });
    });
    if (answered) return;
    if (Date.now() > deadline)
      throw new Error(`redis-server on port ${port} did not answer PING within ${withinMs} ms`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

export interface RedisServer {
  readonly port: number;
  readonly url: string;
  /** Stops it (SIGKILL: an outage, not a shutdown) and resolves once it has exited. */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty, and resolves once it answers PING. */
  start(): Promise<void>;
}

export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  const folder = mkdtempSync(join(tmpdir(), "backplan-redis-"));
  let child: ChildProcess | undefined;
  const server: RedisServer = {
    port,
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      const running = child;
      child = undefined;
      if (running === undefined || running.exitCode !== null || running.signalCode !== null) return;
      const exited = new Promise((done) => running.once("exit", done));
      running.kill("SIGKILL");
      await exited;
    },
    async start() {
      child = spawn(
        REDIS_SERVER,
        ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", folder],
        { cwd: folder, stdio: "ignore" },
      );
      await untilPong(port);
    },
  };
  await server.start();
  return server;
}
