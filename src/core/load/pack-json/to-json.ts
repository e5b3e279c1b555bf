import type { BundledRule, PackJson, Rule, RuleAction } from "../../generated/types.js";
import type { CompiledRule, Ruleset } from "../types.js";

/** The layout `packToJson` writes and `rulesetFromJson` reads; raised when the layout changes. */
export const PACK_JSON_FORMAT = 1;

/**
 * The ruleset as one JSON document (what `backplan bundle` writes): the manifest, the catalogs
 * and every rule as written with where it was written, under the YAML pack's digest. Scenario
 * tests stay out: they check the pack, they do not run in it.
 *
 * @example
 * const pack = packToJson(compileRuleset(files));
 * JSON.stringify(pack); // pack.json, for `rulesetFromJson` in the browser
 */
export function packToJson(ruleset: Ruleset): PackJson {
  const rules = [...ruleset.rules, ...ruleset.inactive].sort(bySource).map(bundledRule);
  return {
    format: PACK_JSON_FORMAT,
    name: ruleset.name,
    version: ruleset.version,
    digest: ruleset.digest,
    defaultProfile: ruleset.defaultProfile,
    // A compiled ruleset passed its schemas, so every catalog holds at least one item.
    profiles: [...ruleset.profiles] as PackJson["profiles"],
    // Drafts run only when compiled with `includeDrafts`; without drafts the choice changes nothing.
    includeDrafts: ruleset.drafts.length > 0,
    components: [...ruleset.components.values()] as PackJson["components"],
    evidence: [...ruleset.evidence.values()] as PackJson["evidence"],
    rules,
  };
}

/**
 * pack.json's text, as `backplan bundle` writes it: one line of JSON, every character past ASCII
 * written as a `\uXXXX` escape, then a newline. The same document as `JSON.stringify(pack)`, but
 * a browser decodes an all-ASCII response and parses it into one-byte strings, faster than text
 * with a few `≥` or `°` in it; no indentation, since a browser reads it and an author reads the YAML.
 *
 * @example packJsonText(compileRuleset(files)); // '{"format":1,"name":"backplan-lbp",…}\n'
 */
export function packJsonText(ruleset: Ruleset): string {
  return `${JSON.stringify(packToJson(ruleset)).replace(/[\u0080-\uffff]/g, escapeCodeUnit)}\n`;
}

/** One UTF-16 code unit as a JSON escape (a pair outside the BMP becomes two, as JSON allows). */
function escapeCodeUnit(unit: string): string {
  return `\\u${unit.charCodeAt(0).toString(16).padStart(4, "0")}`;
}

function bundledRule(compiled: CompiledRule): BundledRule {
  const rule: Rule = {
    id: compiled.id,
    title: compiled.title,
    ...(compiled.description === undefined ? {} : { description: compiled.description }),
    ...compiled.governance,
    priority: compiled.priority,
    when: compiled.when,
    then: actionOf(compiled),
    evidence: compiled.evidence as Rule["evidence"],
  };
  return { source: { ...compiled.source }, rule };
}

/** `then` as written: the compiler fills in empty lists the schema forbids writing. */
function actionOf({ add, withhold, halt }: CompiledRule): RuleAction {
  return {
    ...(add.length === 0 ? {} : { add: add as NonNullable<RuleAction["add"]> }),
    ...(withhold.length === 0 ? {} : { withhold: withhold as NonNullable<RuleAction["withhold"]> }),
    ...(halt === undefined ? {} : { halt: { reason: halt.reason } }),
  };
}

function bySource(a: CompiledRule, b: CompiledRule): number {
  const [x, y] = [a.source, b.source];
  return (x.file < y.file ? -1 : x.file > y.file ? 1 : 0) || x.line - y.line || x.column - y.column;
}
