/** `backplan fmt`'s core: one canonical layout for every pack file, comments kept. */
export { formatRuleFile } from "./format-rule-file.js";
export { INDENT, LINE_WIDTH } from "./layout.js";
export { unifiedDiff } from "./line-diff.js";
