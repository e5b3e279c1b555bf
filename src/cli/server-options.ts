import { UsageError } from "./usage-error.js";

/** `--port`: an integer 0–65535 (0 picks a free port), or `fallback` when not given. */
export function portOf(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535)
    throw new UsageError(`--port must be an integer from 0 to 65535; found "${value}"`);
  return port;
}

/** Resolves when the process is asked to stop (Ctrl-C or a service manager's SIGTERM). */
export function stopSignal(): Promise<string> {
  return new Promise((done) => {
    const stop = (signal: string): void => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      done(signal);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}
