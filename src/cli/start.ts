/**
 * What `bin.ts` runs: the command line and the reader of standard input. For `recommend` and
 * `explain`, the built CLI runs the same module bundled with all it loads (`dist/cli-bundle/`,
 * written by `src/build/bundle-cli.ts`).
 */
export { main } from "./main.js";
export { readStdinText } from "../node/stdin.js";
