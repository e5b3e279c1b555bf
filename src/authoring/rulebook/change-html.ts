import type { Clause } from "./condition-text.js";
import * as words from "./change-wording.js";
import { escapeHtml as esc, htmlLink } from "./html-text.js";
import type { CatalogChangeEntry, ChangesEntry, PartChange, RuleChangeEntry } from "./model.js";
import { anchor } from "./wording.js";

/**
 * The change section of the HTML rulebook: each rule's change as a before/after table with its
 * figures on the cohort, catalog changes, and a sign-off table with a row per rule to fill in.
 */
export function changeSectionHtml(changes: ChangesEntry): string {
  const { CHANGE_SECTIONS } = words;
  const head = words.CHANGE_SIGN_OFF_COLUMNS.map((c) => `<th>${esc(c)}</th>`).join("");
  const rows = changes.rules.map(
    (r) =>
      `<tr><td>${esc(r.title)} <code>${esc(r.id)}</code></td><td>${esc(words.CHANGE_KIND_WORDS[r.change])}</td>` +
      `${"<td></td>".repeat(words.CHANGE_SIGN_OFF_COLUMNS.length - 2)}</tr>`,
  );
  return [
    `<section id="${CHANGE_SECTIONS.changes.anchor}" class="changes">`,
    `<h2>${esc(words.changesTitle(changes))}</h2>`,
    ...words.changesIntro(changes).map((p) => `<p>${esc(p)}</p>`),
    ...changes.rules.map((rule) => ruleChange(rule, changes)),
    catalog("Component catalog", changes.components),
    catalog("Evidence catalog", changes.evidence),
    `<section id="${CHANGE_SECTIONS.signOff.anchor}">`,
    `<h3>${esc(CHANGE_SECTIONS.signOff.title)}</h3>`,
    `<p>${esc(words.SIGN_OFF_CHANGES_TEXT)}</p>`,
    rows.length === 0
      ? ""
      : `<table class="sign-off change-sign-off"><thead><tr>${head}</tr></thead><tbody>${rows.join("")}</tbody></table>`,
    "</section>",
    "</section>",
  ]
    .filter((line) => line !== "")
    .join("\n");
}

/** The styles only a rulebook with a change section needs (the book without one keeps its bytes). */
export const CHANGES_CSS = `
.change { border: 1px solid var(--line); border-left: 4px solid var(--accent); border-radius: 6px; padding: 1rem 1.1rem; margin: 1rem 0; }
.change.added { border-left-color: #2e7d32; }
.change.removed { border-left-color: var(--bad); }
.changes p { overflow-wrap: anywhere; }
.change h3 { margin-top: 0; }
.change-kind { font-size: .8rem; font-weight: 600; text-transform: uppercase; letter-spacing: .04em; padding: .05rem .4rem; border-radius: 3px; background: var(--soft); color: var(--accent); margin-right: .4rem; vertical-align: middle; }
.impact { font-weight: 600; }
.before-after { table-layout: fixed; }
.before-after th:first-child { width: 11rem; }
.before-after td { overflow-wrap: anywhere; }
.before-after td ul { margin: .2rem 0; padding-left: 1.1rem; }
.before-after .before { background: #fdf0f0; }
.before-after .after { background: #eef7ee; }
.before-after .none { color: var(--muted); font-style: italic; background: none; }
.before-after mark { background: none; color: inherit; font-weight: 700; text-decoration: underline 2px; }
.change-sign-off { table-layout: fixed; }
.change-sign-off td { height: 2.6rem; }
.change-sign-off th, .change-sign-off td { overflow-wrap: anywhere; }
.change-sign-off th:nth-child(1) { width: 30%; }
.change-sign-off th:nth-child(2) { width: 10%; }
.change-sign-off th:nth-child(5) { width: 11%; }
@media print {
  #changes > h2 { break-before: auto; }
  .change { break-inside: avoid; }
}
`;

function ruleChange(rule: RuleChangeEntry, changes: ChangesEntry): string {
  const impact = words.ruleImpactLine(rule, changes.cohort);
  const [part, before, after] = words.beforeAfterColumns(changes);
  const link =
    rule.change === "removed" ? "" : ` · ${htmlLink("the rule as it now reads", `#${anchor("rule", rule.id)}`)}`;
  return [
    `<article class="change ${rule.change}" id="${words.changeAnchor(rule)}">`,
    `<h3><span class="change-kind">${esc(words.CHANGE_KIND_WORDS[rule.change])}</span>${esc(rule.title)} <code>${esc(rule.id)}</code></h3>`,
    impact === undefined ? "" : `<p class="impact">${esc(impact)}</p>`,
    `<table class="before-after"><thead><tr><th>${esc(part)}</th><th>${esc(before)}</th><th>${esc(after)}</th></tr></thead>`,
    `<tbody>${rule.parts.map(partRow).join("")}</tbody></table>`,
    `<p class="facts">Source: <code>${esc(rule.source)}</code>${link}</p>`,
    "</article>",
  ]
    .filter((line) => line !== "")
    .join("\n");
}

function partRow(part: PartChange): string {
  const { before, after } = part;
  const cell = (side: "before" | "after", value: Clause | undefined) =>
    value === undefined ? `<td class="none">${esc(words.NO_PART)}</td>` : `<td class="${side}">${clause(value)}</td>`;
  const cells =
    before?.kind === "phrase" && after?.kind === "phrase"
      ? marked(before.text, after.text).map((html, i) => `<td class="${i === 0 ? "before" : "after"}">${html}</td>`)
      : [cell("before", before), cell("after", after)];
  return `<tr><th>${esc(part.label)}</th>${cells.join("")}</tr>`;
}

/**
 * Two one-line texts, escaped, with the words between their common start and common end marked
 * (`PHQ-9 total ≥ <mark>10</mark>`), so the eye finds what changed in a long reason; nothing is
 * marked when they share neither.
 */
function marked(before: string, after: string): [string, string] {
  const [a, b] = [before.split(/(\s+)/), after.split(/(\s+)/)];
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  if (start === 0 && end === 0) return [esc(before), esc(after)];
  const mark = (tokens: readonly string[]) => {
    const middle = tokens.slice(start, tokens.length - end).join("");
    const text = (from: number, to: number) => esc(tokens.slice(from, to).join(""));
    return `${text(0, start)}${middle === "" ? "" : `<mark>${esc(middle)}</mark>`}${text(tokens.length - end, tokens.length)}`;
  };
  return [mark(a), mark(b)];
}

function clause(c: Clause): string {
  if (c.kind === "phrase") return esc(c.text);
  const items = c.items.map((item) => `<li>${clause(item)}</li>`);
  return `${esc(c.lead)}:<ul>${items.join("")}</ul>`;
}

function catalog(title: string, entries: readonly CatalogChangeEntry[]): string {
  if (entries.length === 0) return "";
  return `<h3>${esc(title)}</h3><ul class="plain">${entries.map((e) => `<li>${esc(words.catalogLine(e))}</li>`).join("")}</ul>`;
}
