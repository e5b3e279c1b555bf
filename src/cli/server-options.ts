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

/** The most workers `--workers` allows: a typo (`--workers 800`) is an error, not 800 processes. */
const MAX_WORKERS = 256;

/** `--workers`: an integer 1–256, or `auto` (one per core: `os.availableParallelism()`); 1 when not given. */
export function workersOf(value: string | undefined, cores: () => number): number {
  if (value === undefined) return 1;
  if (value === "auto") return Math.max(1, cores());
  const workers = Number(value);
  if (!/^\d+$/.test(value) || workers < 1 || workers > MAX_WORKERS)
    throw new UsageError(`--workers must be an integer from 1 to ${MAX_WORKERS}, or auto; found "${value}"`);
  return workers;
}

/** `--replay-store`: a `redis://` or `rediss://` URL with a host, or `undefined` (this process's memory). */
export function replayStoreOf(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== "redis:" && url.protocol !== "rediss:") || url.hostname === "")
    throw new UsageError(
      `--replay-store must be a redis://HOST[:PORT][/DB] or rediss:// URL; found "${printableUrl(value)}"`,
    );
  return value;
}

/** A URL as the user typed it, its password hidden, for an error message. */
function printableUrl(value: string): string {
  return value.replace(/^([a-z][a-z0-9+.-]*:\/\/[^:@/]*:)[^@/]*@/i, "$1***@");
}
