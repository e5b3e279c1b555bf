import { CHANGES_CSS, changeSectionHtml } from "./change-html.js";
import type { Clause } from "./condition-text.js";
import { contentsOf, type ContentsEntry } from "./contents.js";
import type { DetailEntry } from "./details.js";
import { RULEBOOK_CSS } from "./html-style.js";
import { escapeHtml as esc, htmlLink } from "./html-text.js";
import type { ComponentEntry, ContraindicationEntry, EvidenceEntry, RuleEntry, Rulebook } from "./model.js";
import type { TemplateText } from "./template-text.js";
import * as words from "./wording.js";

/**
 * The rulebook as one self-contained HTML page: inline CSS, no scripts, fonts or images; a
 * linked table of contents; a print style for the signed copy. Every text from the pack is
 * escaped, so a title holding `<script>` shows as text.
 *
 * @example await writeFile("rulebook.html", renderRulebookHtml(buildRulebook(ruleset, { files })));
 */
export function renderRulebookHtml(book: Rulebook): string {
  const { SECTIONS } = words;
  const title = words.documentTitle(book);
  const warning = words.draftsWarning(book);
  const body = [
    "<header>",
    `<h1>${esc(title)}</h1>`,
    `<table class="pack"><tbody>`,
    row("th", ["Pack", esc(book.pack.name)]),
    row("th", ["Version", esc(book.pack.version)]),
    row("th", ["Digest", `<code>${esc(book.pack.digest)}</code>`]),
    "</tbody></table>",
    ...(warning === undefined ? [] : [`<p class="banner" role="alert">${esc(warning)}</p>`]),
    ...(book.pack.description === undefined ? [] : [`<p>${esc(book.pack.description)}</p>`]),
    "</header>",
    `<nav id="contents" aria-label="Contents"><h2>Contents</h2>${contents(contentsOf(book))}</nav>`,
    "<main>",
    ...(book.changes === undefined ? [] : [changeSectionHtml(book.changes)]),
    section(
      SECTIONS.reading,
      words.READING_GUIDE.map((p) => `<p>${esc(p)}</p>`),
    ),
    section(SECTIONS.signOff, signOff(book)),
    section(SECTIONS.summary, [
      `<ul class="plain">${words
        .summaryLines(book)
        .map((l) => `<li>${esc(l)}</li>`)
        .join("")}</ul>`,
    ]),
    section(
      SECTIONS.rules,
      book.topics.map((topic) =>
        [
          `<section id="${words.anchor("topic", topic.file)}">`,
          `<h3>${esc(topic.title)} <code>${esc(topic.file)}</code></h3>`,
          ...(topic.description === undefined ? [] : [`<p>${esc(topic.description)}</p>`]),
          ...topic.rules.map((rule) => ruleBlock(rule, book.tests.scenarios.length)),
          "</section>",
        ].join("\n"),
      ),
    ),
    section(SECTIONS.profiles, profiles(book)),
    section(SECTIONS.components, book.components.map(component)),
    section(SECTIONS.evidence, book.evidence.map(evidence)),
    section(SECTIONS.tests, tests(book)),
    ...(book.inactive.length === 0
      ? []
      : [
          section(
            SECTIONS.inactive,
            book.inactive.map((r) => ruleBlock(r, 0, "h3")),
          ),
        ]),
    "</main>",
  ];
  return [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title>`,
    `<style>${RULEBOOK_CSS}${book.changes === undefined ? "" : CHANGES_CSS}</style>`,
    "</head>",
    "<body>",
    ...body,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

function section(s: { anchor: string; title: string }, body: readonly string[]): string {
  return [`<section id="${s.anchor}">`, `<h2>${esc(s.title)}</h2>`, ...body, "</section>"].join("\n");
}

function row(cell: "th" | "td", cells: readonly string[]): string {
  return `<tr>${cells.map((c, i) => (i === 0 && cell === "th" ? `<th>${c}</th>` : `<td>${c}</td>`)).join("")}</tr>`;
}

function contents(entries: readonly ContentsEntry[]): string {
  if (entries.length === 0) return "";
  return `<ul>${entries.map((e) => `<li><a href="#${e.anchor}">${esc(e.title)}</a>${contents(e.children)}</li>`).join("")}</ul>`;
}

function signOff(book: Rulebook): string[] {
  const head = words.SIGN_OFF_COLUMNS.map((c) => `<th>${esc(c)}</th>`).join("");
  const blank = `<tr>${words.SIGN_OFF_COLUMNS.map(() => "<td></td>").join("")}</tr>`;
  return [
    `<p>${esc(words.SIGN_OFF_TEXT)} Digest: <code>${esc(book.pack.digest)}</code>.</p>`,
    `<table class="sign-off"><thead><tr>${head}</tr></thead><tbody>${blank.repeat(words.SIGN_OFF_ROWS)}</tbody></table>`,
  ];
}

/** A rule under its topic (`h4`), or among the inactive rules (`h3`). */
function ruleBlock(rule: RuleEntry, scenarios: number, heading: "h3" | "h4" = "h4"): string {
  const { status } = rule.governance;
  const inactive = status !== "active" && rule.tests === undefined;
  const facts = words
    .ruleFacts(rule)
    .map(
      ([label, value]) =>
        `<span>${esc(label)}: ${label === "Source" ? `<code>${esc(value)}</code>` : esc(value)}</span>`,
    );
  return [
    `<article class="rule${inactive ? " inactive" : ""}" id="${words.anchor("rule", rule.id)}">`,
    `<${heading}>${esc(rule.title)}${status === "active" ? "" : ` <span class="status">${esc(status)}</span>`}</${heading}>`,
    sentence(rule),
    `<p class="facts">${facts.join(" ")}<span>Id: <code>${esc(rule.id)}</code></span></p>`,
    ...(rule.description === undefined ? [] : [`<p class="note">Author's note: ${esc(rule.description)}</p>`]),
    list(
      "Adds",
      rule.additions.map(
        (a) =>
          `${htmlLink(a.title, `#${words.anchor("component", a.component)}`)}: ${template(a.reason)}${details(a.details)}`,
      ),
    ),
    list(
      "Withholds",
      rule.withholdings.map((w) => `${esc(w.target)}: ${template(w.reason)}`),
    ),
    rule.halt === undefined ? "" : `<p><strong>Halts the plan:</strong> ${template(rule.halt)}</p>`,
    list("Evidence", rule.evidence.map(citation)),
    ruleTests(rule, scenarios),
    "</article>",
  ]
    .filter((line) => line !== "")
    .join("\n");
}

function sentence(rule: RuleEntry): string {
  if (rule.when.kind === "phrase") return `<p class="sentence">${esc(words.ruleSentence(rule, rule.when))}</p>`;
  return `<div class="sentence">${esc(words.whenLead(rule.when.lead))}${clause(rule.when)}then ${esc(rule.action)}.</div>`;
}

function clause(c: Clause): string {
  if (c.kind === "phrase") return esc(c.text);
  const items = c.items.map((item) => `<li>${item.kind === "list" ? `${esc(item.lead)}:` : ""}${clause(item)}</li>`);
  return `<ul>${items.join("")}</ul>`;
}

function list(title: string, items: readonly string[]): string {
  if (items.length === 0) return "";
  return `<p class="label">${esc(title)}</p><ul class="plain">${items.map((i) => `<li>${i}</li>`).join("")}</ul>`;
}

function details(entries: readonly DetailEntry[]): string {
  if (entries.length === 0) return "";
  return `<ul class="plain">${entries.map((d) => `<li>${esc(d.label)}: ${template(d.value)}</li>`).join("")}</ul>`;
}

function template(text: TemplateText): string {
  return text
    .map((part) => (typeof part === "string" ? esc(part) : `<span class="slot">⟨${esc(part.label)}⟩</span>`))
    .join("");
}

function citation(e: EvidenceEntry): string {
  const link = e.link === undefined ? "" : ` ${htmlLink(e.link.text, e.link.href)}`;
  const note = e.certaintyNote === undefined ? "" : ` Caveat: ${esc(e.certaintyNote)}`;
  return `${esc(e.citation)}${link} (${htmlLink(e.id, `#${words.anchor("evidence", e.id)}`)}). Certainty: ${esc(e.certainty)}.${note}`;
}

function ruleTests(rule: RuleEntry, scenarios: number): string {
  if (rule.tests === undefined) return `<p class="label">Tests</p><p>Not run (the rule is not active).</p>`;
  const [fired, coverage] = words.testLines(rule.tests, scenarios);
  const { named, more } = words.namedScenarios(rule.tests);
  const items = [
    ...named.map((s) => `${esc(s.name)} (<code>${esc(s.source)}</code>, ${outcome(s.outcome)})`),
    ...(more === 0 ? [] : [`and ${more} more`]),
    ...rule.tests.untested.map((u) => `<span class="untested">Untested: ${esc(u)}</span>`),
  ];
  const firedClass = rule.tests.firedIn.length === 0 ? ` class="never"` : "";
  return `<p class="label">Tests</p><p><span${firedClass}>${esc(fired)}</span> ${esc(coverage)}</p>${items.length === 0 ? "" : `<ul class="plain">${items.map((i) => `<li>${i}</li>`).join("")}</ul>`}`;
}

function outcome(value: string): string {
  return `<span class="outcome-${esc(value)}">${esc(value)}</span>`;
}

function ruleLinks(ids: readonly string[]): string {
  return ids.length === 0 ? "no rule" : ids.map((id) => htmlLink(id, `#${words.anchor("rule", id)}`)).join(", ");
}

function profiles(book: Rulebook): string[] {
  const { profiles: all, readers } = book.profiles;
  const blocks = all.map((p) =>
    [
      `<section id="${words.anchor("profile", p.id)}">`,
      `<h3>${esc(p.title)} <code>${esc(p.id)}</code>${p.isDefault ? " (the default)" : ""}</h3>`,
      ...(p.description === undefined ? [] : [`<p>${esc(p.description)}</p>`]),
      p.neverApplies.length === 0
        ? "<p>Every rule can apply under this profile.</p>"
        : `<p>Rules that never apply under this profile: ${ruleLinks(p.neverApplies)}.</p>`,
      "</section>",
    ].join("\n"),
  );
  if (readers.length === 0) return [...blocks, "<p>No rule reads the profile: every profile gives the same plans.</p>"];
  const head = `<tr><th>Rule</th><th>What it does</th>${all.map((p) => `<th><code>${esc(p.id)}</code></th>`).join("")}</tr>`;
  const rows = readers.map(
    (r) =>
      `<tr><td>${htmlLink(r.title, `#${words.anchor("rule", r.rule)}`)}</td><td>${esc(r.action)}</td>${r.applies
        .map((yes) => (yes ? "<td>can apply</td>" : `<td class="applies-no">never applies</td>`))
        .join("")}</tr>`,
  );
  return [
    ...blocks,
    "<h3>Rules that read the profile</h3>",
    `<table><thead>${head}</thead><tbody>${rows.join("")}</tbody></table>`,
  ];
}

function component(c: ComponentEntry): string {
  return [
    `<article class="component" id="${words.anchor("component", c.id)}">`,
    `<h3>${esc(c.title)} <code>${esc(c.id)}</code></h3>`,
    `<p>Category: ${esc(c.category)}. ${esc(c.description)}</p>`,
    `<p><em>For the patient:</em> ${esc(c.patientText)}</p>`,
    c.details.length === 0 ? "" : `<p class="label">Default details</p>${details(c.details)}`,
    `<p>Added by: ${ruleLinks(c.addedBy)}.</p>`,
    `<p class="guards">Guarded by: ${guards(c)}.</p>`,
    ...c.contraindications.map(contraindication),
    "</article>",
  ]
    .filter((line) => line !== "")
    .join("\n");
}

/** `contraindications Osteoporosis, …; withholding rules fever (all adjunct components), …`, each linked. */
function guards(c: ComponentEntry): string {
  const parts = [
    ...(c.contraindications.length === 0
      ? []
      : [
          `contraindications ${c.contraindications
            .map((x) => htmlLink(x.title, `#${words.anchor("contraindication", x.id)}`))
            .join(", ")}`,
        ]),
    ...(c.withheldBy.length === 0
      ? []
      : [
          `withholding rules ${c.withheldBy
            .map((w) => `${htmlLink(w.rule, `#${words.anchor("rule", w.rule)}`)}${note(words.reachNote(w, c))}`)
            .join(", ")}`,
        ]),
  ];
  return parts.length === 0 ? esc(words.UNGUARDED) : parts.join("; ");
}

function contraindication(x: ContraindicationEntry): string {
  const when =
    x.when.kind === "phrase"
      ? `<p class="sentence">${esc(words.contraindicationSentence(x.when))}</p>`
      : `<div class="sentence">${esc(words.contraindicationLead(x.when.lead))}${clause(x.when)}</div>`;
  return [
    `<section class="contraindication" id="${words.anchor("contraindication", x.id)}">`,
    `<h4>Contraindication: ${esc(x.title)} <code>${esc(x.id)}</code></h4>`,
    when,
    `<p><em>Reason:</em> ${template(x.reason)}</p>`,
    list("Evidence", x.evidence.map(citation)),
    "</section>",
  ]
    .filter((line) => line !== "")
    .join("\n");
}

function evidence(e: EvidenceEntry): string {
  const link = e.link === undefined ? "" : ` ${htmlLink(e.link.text, e.link.href)}`;
  return [
    `<article class="source" id="${words.anchor("evidence", e.id)}">`,
    `<h3><code>${esc(e.id)}</code></h3>`,
    `<p>${esc(e.citation)}${link}</p>`,
    `<ul class="plain"><li>Finding: ${esc(e.finding)}</li><li>Certainty: ${esc(e.certainty)}</li>`,
    e.certaintyNote === undefined ? "" : `<li>Caveat: ${esc(e.certaintyNote)}</li>`,
    `<li>Cited by: ${ruleLinks(e.citedBy)}${
      e.citedByContraindications.length === 0
        ? ""
        : `; contraindications ${e.citedByContraindications
            .map((id) => htmlLink(id, `#${words.anchor("contraindication", id)}`))
            .join(", ")}`
    }</li></ul>`,
    "</article>",
  ]
    .filter((line) => line !== "")
    .join("\n");
}

function tests(book: Rulebook): string[] {
  const { scenarios } = book.tests;
  if (scenarios.length === 0) return ["<p>The pack has no scenario tests.</p>"];
  const rows = scenarios.map((s, i) => {
    const problems =
      s.problems.length === 0 ? "" : `<ul class="plain">${s.problems.map((p) => `<li>${esc(p)}</li>`).join("")}</ul>`;
    return `<tr><td>${i + 1}</td><td>${esc(s.name)}${problems}</td><td><code>${esc(s.source)}</code></td><td>${outcome(s.outcome)}</td></tr>`;
  });
  return [
    `<table><thead><tr><th>#</th><th>Scenario</th><th>Source</th><th>Outcome</th></tr></thead><tbody>`,
    ...rows,
    "</tbody></table>",
  ];
}

/** ` (all adjunct components)` after a rule on a guard line, or nothing. */
function note(text: string | undefined): string {
  return text === undefined ? "" : ` (${esc(text)})`;
}
