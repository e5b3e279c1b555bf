import { problem } from "../issue.js";
import { PACK_JSON_FILE } from "./json-files.js";

/** The value is not JSON data (a cycle, a BigInt): nothing to load. */
export const notJson = problem(
  "pack-json/not-json",
  "error",
  ({ reason }: { reason: string }) =>
    `${PACK_JSON_FILE}: expected JSON data (an object), found a value JSON cannot hold (${reason})`,
);

/** The text (`rulesetFromJsonText`'s) does not parse as JSON. */
export const notJsonText = problem(
  "pack-json/not-json-text",
  "error",
  ({ reason }: { reason: string }) => `${PACK_JSON_FILE} is not JSON text: ${reason}`,
);

/** A layout this version cannot read (`found`: the format found, `shownValue`'s), named before the schema's many complaints about it. */
export const unknownFormat = problem(
  "pack-json/unknown-format",
  "error",
  ({ expected, found }: { expected: number; found: string }) =>
    `${PACK_JSON_FILE} has format ${found}; this version of backplan reads format ${String(expected)}`,
  () => "bundle the pack again with this version's `backplan bundle`",
);

/** One schema error; the issue's path says where (`formatIssue` prints it first), `found` is `shownValue`'s. */
export const schemaError = problem(
  "pack-json/schema",
  "error",
  ({ detail, found }: { detail: string; found: string }) => `${detail}, found ${found} in ${PACK_JSON_FILE}`,
);

/** Nesting past the limit: validating or compiling it could exhaust the stack. */
export const tooDeep = problem(
  "pack-json/too-deep",
  "error",
  ({ limit }: { limit: number }) =>
    `${PACK_JSON_FILE} nests deeper than ${String(limit)} levels: expected a shallower structure`,
);
