import { issue } from "../issue.js";
import { templateFact, templateSyntax } from "../messages.js";
import { templateFacts } from "../reason-template.js";
import type { Check } from "./check.js";
import { suggestFact } from "./suggest-fact.js";
import { templatedTextsOf } from "./rule-parts.js";

export const reasonTemplates: Check = {
  name: "reason-templates",
  description:
    "Every {placeholder} in a reason, halt or detail text names a known fact, and every brace belongs to one " +
    "(`{phq9.total` or `{}` would reach the plan as written).",
  run({ rules, facts }) {
    return rules.items.flatMap(({ value: rule, file, pointer }) =>
      templatedTextsOf(rule, pointer)
        // Half the texts hold no brace, hence neither a placeholder nor a malformed one.
        .filter(({ text }) => BRACE.test(text))
        .flatMap(({ text, pointer: at }) => {
          const names = templateFacts(text);
          return [
            ...malformedPlaceholders(text, names).map(({ written, needle }) =>
              issue(templateSyntax, file.placeOfText(at, needle), { rule: rule.id, written }),
            ),
            ...names
              .filter((name) => !facts.has(name))
              .map((name) =>
                issue(templateFact, file.placeOfText(at, `{${name}}`), {
                  rule: rule.id,
                  fact: name,
                  suggestion: suggestFact(name, facts.keys()),
                }),
              ),
          ];
        }),
    );
  },
};

const BRACE = /[{}]/;

/**
 * Braces that make no placeholder, once each: `{phq9.total` (never closed), `{}`, `{phq9 total}`,
 * a `}` that closes nothing. A brace pair holding no `{`/`}` is one candidate; an unclosed `{` runs
 * to the next space. `needle` finds it in the file: the shortest text from it on that occurs
 * there first (a lone `}` after `{}` is placed on itself, not on the pair's).
 */
function malformedPlaceholders(text: string, names: readonly string[]): { written: string; needle: string }[] {
  // A well-formed placeholder is exactly one fact name in braces, as reason-template.ts reads it:
  // one of the text's `names` (a placeholder holds no brace, so reading the whole text finds each).
  const wellFormed = new Set(names.map((name) => `{${name}}`));
  const seen = new Set<string>();
  return Array.from(text.matchAll(/\{[^{}]*\}|\{[^{}\s]*|\}/g)).flatMap(({ 0: written, index }) => {
    if (wellFormed.has(written) || seen.has(written)) return [];
    seen.add(written);
    let end = index + written.length;
    while (text.indexOf(text.slice(index, end)) !== index && end < text.length) end++;
    return [{ written, needle: text.slice(index, end) }];
  });
}
