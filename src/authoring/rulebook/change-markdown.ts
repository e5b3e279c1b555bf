import * as words from "./change-wording.js";
import type { Clause } from "./condition-text.js";
import { codeSpan, escapeMarkdown as esc, markdownLink, markdownTable } from "./markdown-text.js";
import type { CatalogChangeEntry, ChangesEntry, PartChange, RuleChangeEntry } from "./model.js";
import { anchor } from "./wording.js";

/**
 * The change section of the Markdown rulebook: each rule's change as a before/after table (a
 * condition set out as a list is written on one line in its cell) with its figures on the
 * cohort, catalog changes, and a sign-off table with a row per rule.
 */
export function changeSectionMarkdown(changes: ChangesEntry): string[] {
  const { CHANGE_SECTIONS } = words;
  const blanks = words.CHANGE_SIGN_OFF_COLUMNS.slice(2).map(() => " ");
  return [
    "",
    anchorTag(CHANGE_SECTIONS.changes.anchor),
    "",
    `## ${esc(words.changesTitle(changes))}`,
    "",
    ...words.changesIntro(changes).flatMap((p) => [esc(p), ""]),
    ...changes.rules.flatMap((rule) => ruleChange(rule, changes)),
    ...catalog("Component catalog", changes.components),
    ...catalog("Evidence catalog", changes.evidence),
    anchorTag(CHANGE_SECTIONS.signOff.anchor),
    "",
    `### ${esc(CHANGE_SECTIONS.signOff.title)}`,
    "",
    esc(words.SIGN_OFF_CHANGES_TEXT),
    "",
    ...(changes.rules.length === 0
      ? []
      : markdownTable(
          words.CHANGE_SIGN_OFF_COLUMNS.map(esc),
          changes.rules.map((r) => [
            `${esc(r.title)} ${codeSpan(r.id)}`,
            esc(words.CHANGE_KIND_WORDS[r.change]),
            ...blanks,
          ]),
        )),
  ];
}

function anchorTag(id: string): string {
  return `<a id="${id}"></a>`;
}

function ruleChange(rule: RuleChangeEntry, changes: ChangesEntry): string[] {
  const impact = words.ruleImpactLine(rule, changes.cohort);
  const link =
    rule.change === "removed" ? "" : ` · ${markdownLink("the rule as it now reads", `#${anchor("rule", rule.id)}`)}`;
  return [
    anchorTag(words.changeAnchor(rule)),
    "",
    `### ${esc(words.CHANGE_KIND_WORDS[rule.change])}: ${esc(rule.title)} (${codeSpan(rule.id)})`,
    "",
    ...(impact === undefined ? [] : [`**${esc(impact)}**`, ""]),
    ...markdownTable(words.beforeAfterColumns(changes).map(esc), rule.parts.map(partRow)),
    "",
    `Source: ${codeSpan(rule.source)}${link}`,
    "",
  ];
}

function partRow(part: PartChange): string[] {
  const cell = (value: Clause | undefined) =>
    value === undefined ? `*${words.NO_PART}*` : esc(words.clauseLine(value));
  return [esc(part.label), cell(part.before), cell(part.after)];
}

function catalog(title: string, entries: readonly CatalogChangeEntry[]): string[] {
  if (entries.length === 0) return [];
  return [`### ${esc(title)}`, "", ...entries.map((e) => `- ${esc(words.catalogLine(e))}`), ""];
}
