import type { FactDefinition } from "../../core/run/facts/types.js";
import { compileTemplate, templateFacts } from "../../core/load/reason-template.js";
import { labelOf } from "./fact-labels.js";

/** A reason or detail as written, its `{fact}` placeholders as slots the patient's value fills. */
export type TemplateText = readonly TemplatePart[];

export type TemplatePart = string | { readonly fact: string; readonly label: string };

/**
 * Pack files cannot hold NUL (the checker rejects it), so it marks where each placeholder was;
 * the template is split by the same code that fills it in plans.
 */
const MARK = "\0";

/**
 * Splits a template into text and slots, each slot named by its fact's label so a reviewer
 * reads "PHQ-9 total ⟨PHQ-9 total⟩ ≥ 10" where the plan will show the patient's value.
 *
 * @example templateText("Total {phq9.total}", facts); // ["Total ", { fact: "phq9.total", label: "PHQ-9 total" }]
 */
export function templateText(text: string, facts: ReadonlyMap<string, FactDefinition>): TemplateText {
  const marked = compileTemplate(text)(new Map(templateFacts(text).map((fact) => [fact, `${MARK}${fact}${MARK}`])));
  return marked
    .split(MARK)
    .map((piece, index) => (index % 2 === 1 ? { fact: piece, label: labelOf(piece, facts).label } : piece))
    .filter((part) => part !== "");
}

/** The template as one line of text: slots as `⟨label⟩`. */
export function templatePlain(text: TemplateText): string {
  return text.map((part) => (typeof part === "string" ? part : `⟨${part.label}⟩`)).join("");
}
