#!/usr/bin/env node
import { INTERNAL_ERROR, internalErrorText } from "./internal-error.js";
import type * as Start from "./start.js";

/**
 * `recommend`, `explain` and `impact` start from one bundle of every module they load (`npm run
 * build` writes it: src/build/bundle-cli.ts): 30 % less CPU than loading the ~130 compiled modules
 * and yaml's CommonJS files one by one, half for `explain`, which imports the whole library.
 * The command is found as `main` finds it (the first argument not an option), so the bundle runs
 * only those three (`impact` from a bundle of its own, with its worker thread's). Run from
 * source (tsx), there is no bundle.
 */
const command = process.argv.slice(2).find((arg) => !/^-./.test(arg));
const bundled =
  (command === "recommend" || command === "explain" || command === "impact") && !import.meta.url.endsWith(".ts");
const BUNDLE = command === "impact" ? "../cli-bundle/impact-start.js" : "../cli-bundle/start.js";

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
  const { main, readStdinText } = bundled ? ((await import(BUNDLE)) as typeof Start) : await import("./start.js");
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
