/** The problems `fmt` itself can report; YAML problems are the pack loader's (ruleset/messages.ts). */
import { problem } from "../../core/load/issue.js";

export const notYaml = problem(
  "format/not-yaml",
  "error",
  () => "not a YAML file: fmt formats a pack's *.yaml and *.yml files",
);

export const meaningChanged = problem(
  "format/meaning-changed",
  "error",
  ({ field }: { field: string }) =>
    `formatting would change what the file says at ${field === "" ? "its top level" : `"${field}"`}, so it was left as written: please report this`,
);
