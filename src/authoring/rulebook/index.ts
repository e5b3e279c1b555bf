/**
 * The rulebook: a whole rule pack as a document a clinical reviewer signs off. Built once into a
 * model (`buildRulebook`), rendered to Markdown or to a self-contained HTML page. Pure.
 */
import type { Rulebook } from "./model.js";
import { renderRulebookHtml } from "./html.js";
import { renderRulebookMarkdown } from "./markdown.js";

export { buildRulebook, type RulebookOptions } from "./build.js";
export { cohortImpact } from "./change-impact.js";
export { rulebookChanges } from "./changes.js";
export { renderRulebookHtml } from "./html.js";
export { renderRulebookMarkdown } from "./markdown.js";
export type * from "./model.js";

/** Every rendering of a rulebook, by name. */
export const RULEBOOK_FORMATS = {
  html: renderRulebookHtml,
  markdown: renderRulebookMarkdown,
} as const satisfies Readonly<Record<string, (book: Rulebook) => string>>;

export type RulebookFormat = keyof typeof RULEBOOK_FORMATS;
