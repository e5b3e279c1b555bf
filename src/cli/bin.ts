#!/usr/bin/env node
import { INTERNAL_ERROR, internalErrorText } from "./internal-error.js";

// A reader that closes the pipe early (`backplan recommend x | head`) is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") return;
  process.stderr.write(internalErrorText(error, process.argv.includes("--debug")));
  process.exitCode = INTERNAL_ERROR;
});

// Loaded here rather than imported, so a broken install (a module missing from dist/) is still
// one line on stderr, not a loader stack trace. exitCode, not process.exit(): exit() can cut
// off output still queued for a pipe.
try {
  const [{ main }, { readStdinText }] = await Promise.all([import("./main.js"), import("../node/stdin.js")]);
  process.exitCode = await main(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin: () => readStdinText(process.stdin),
    cwd: process.cwd(),
  });
} catch (error) {
  process.stderr.write(internalErrorText(error, process.argv.includes("--debug")));
  process.exitCode = INTERNAL_ERROR;
}
