/**
 * `backplan serve` as a real process: node with tsx's loader (`--import tsx`), not tsx's CLI, which
 * runs node as its child and relays signals to it. Through that relay a SIGTERM once ended in exit
 * 143 (as if unhandled) on CI, though serve handles it and exits 0: the tests are about serve's
 * signals, so they go to serve itself. cluster's workers inherit the loader.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { ROOT } from "../cli/run-main.js";

export interface ServeProcess {
  readonly child: ChildProcess;
  /** `http://127.0.0.1:PORT`, the port it bound (`--port 0`). */
  readonly origin: string;
  /** What it wrote to stderr so far. */
  stderr(): string;
  /** Resolves with its exit code once it has exited. */
  readonly exited: Promise<number | null>;
}

/** Starts `backplan serve --port 0 ARGS` and resolves once it prints that it listens. */
export function startServe(args: readonly string[]): Promise<ServeProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/bin.ts", "serve", "--port", "0", ...args], {
    cwd: ROOT,
    stdio: "pipe",
  });
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((done) => {
    child.once("exit", (code) => {
      done(code);
    });
  });
  return new Promise((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      const origin = /listening on (http:\/\/\S+)/.exec(stdout)?.[1];
      if (origin !== undefined) resolve({ child, origin, stderr: () => stderr, exited });
    });
    void exited.then((code) => {
      reject(new Error(`serve exited with ${String(code)}: ${stderr}`));
    });
  });
}

/** Stops it with `signal` and resolves with its exit code. */
export async function stopServe(serve: ServeProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<number | null> {
  serve.child.kill(signal);
  return serve.exited;
}
