/** Shared by the format tests: what a YAML text or a compiled pack says, and the comments a text holds. */
import { isNode, parseDocument, visit } from "yaml";
import type { Ruleset } from "../../../src/core/load/types.js";
import { comparable } from "../../arbitraries/ruleset.js";

/** The plain data a YAML text holds, as the pack loader reads it (core schema, no custom tags). */
export function parsedData(text: string): unknown {
  return described(text).data;
}

/**
 * What a YAML text says and every comment line it holds (trimmed, sorted), from one parse:
 * formatting may move comments, never drop one.
 */
export function described(text: string): { data: unknown; comments: string[] } {
  const doc = parseDocument(text, { resolveKnownTags: false, uniqueKeys: false });
  const comments: string[] = [doc.commentBefore ?? "", doc.comment ?? ""];
  visit(doc, (_key, node) => {
    if (isNode(node)) comments.push(node.commentBefore ?? "", node.comment ?? "");
  });
  const lines = comments
    .flatMap((comment) => comment.split("\n"))
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .sort();
  return { data: doc.toJS({ maxAliasCount: -1 }), comments: lines };
}

/** What a value says without where it was written (`source`) or the digest of its text. */
export function withoutPositions(value: unknown): unknown {
  const replacer = (key: string, inner: unknown): unknown => (key === "source" || key === "digest" ? undefined : inner);
  return JSON.parse(JSON.stringify(value, replacer));
}

/** What a compiled pack decides: its content, its warnings by code and place (their messages cite positions). */
export function packDecisions(ruleset: Ruleset): unknown {
  const warnings = ruleset.warnings.map(({ code, path }) => ({ code, path }));
  return withoutPositions({ ...(comparable(ruleset) as object), warnings });
}
