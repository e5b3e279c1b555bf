/**
 * The command line was wrong (unknown option, missing argument): exit 2 with one line and a
 * pointer to the help, never a stack trace.
 */
export class UsageError extends Error {
  override readonly name = "UsageError";
}
