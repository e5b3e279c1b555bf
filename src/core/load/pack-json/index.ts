/**
 * pack.json: a rule pack precompiled into one JSON document, for browsers (no YAML parser, no
 * file access, no eval). `packToJson` writes it; `rulesetFromJson` checks and compiles it.
 */
export { packJsonText, packToJson, PACK_JSON_FORMAT } from "./to-json.js";
export { rulesetFromJson, rulesetFromJsonText, type PackJsonOptions } from "./from-json.js";
export type { PackJson } from "../../generated/types.js";
