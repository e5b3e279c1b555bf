#!/usr/bin/env node
import { setFlagsFromString } from "node:v8";
import { INTERNAL_ERROR, internalErrorText } from "./internal-error.js";

// Planning a few files ends before V8's optimizing compiler repays its work (it compiles on other
// threads, but in this process's CPU time): `recommend FILE` takes a fifth less CPU without it.
// From several hundred files on, optimized code wins (1,000 files: a quarter more CPU without),
// so larger runs, and every other command (serve, impact), keep it. Set before any code runs hot.
const [command, ...operands] = process.argv.slice(2).filter((arg) => !arg.startsWith("-"));
if ((command === "recommend" || command === "explain") && operands.length <= 100) setFlagsFromString("--no-opt");

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
