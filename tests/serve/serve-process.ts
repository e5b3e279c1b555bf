/** `backplan serve` as a real process (through tsx, as tests/serve/cli.test.ts runs it). */
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";
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
  const child = spawn(join(ROOT, "node_modules/.bin/tsx"), ["src/cli/bin.ts", "serve", "--port", "0", ...args], {
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
