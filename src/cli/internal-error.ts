/** Exit code for a bug in backplan itself (sysexits' EX_SOFTWARE). */
export const INTERNAL_ERROR = 70;

/**
 * How an unexpected failure is told: one line pointing to `--debug`, or with `--debug` the stack
 * trace. This module imports nothing, so `bin.ts` can use it even when the rest fails to load.
 */
export function internalErrorText(error: unknown, debug: boolean): string {
  if (debug) return `${error instanceof Error && error.stack !== undefined ? error.stack : String(error)}\n`;
  const message = error instanceof Error ? error.message : String(error);
  return `internal error: ${message.split("\n")[0] ?? message} (rerun with --debug)\n`;
}
