import { changeSectionMarkdown } from "./change-markdown.js";
import type { Clause } from "./condition-text.js";
import { contentsOf, type ContentsEntry } from "./contents.js";
import type { DetailEntry } from "./details.js";
import { codeSpan, escapeMarkdown as esc, markdownLink, markdownTable } from "./markdown-text.js";
import type { ComponentEntry, ContraindicationEntry, EvidenceEntry, RuleEntry, Rulebook } from "./model.js";
import { templatePlain, type TemplateText } from "./template-text.js";
import * as words from "./wording.js";

/**
 * The rulebook as CommonMark with GFM tables: one file a reviewer can read in any Markdown viewer
 * or diff between versions. Every text from the pack is escaped; anchors are `<a id>` tags.
 *
 * @example await writeFile("rulebook.md", renderRulebookMarkdown(buildRulebook(ruleset, { files })));
 */
export function renderRulebookMarkdown(book: Rulebook): string {
  const { SECTIONS } = words;
  const warning = words.draftsWarning(book);
  const lines = [
    `# ${esc(words.documentTitle(book))}`,
    "",
    ...markdownTable(
      ["Pack", esc(book.pack.name)],
      [
        ["Version", esc(book.pack.version)],
        ["Digest", codeSpan(book.pack.digest)],
      ],
    ),
    "",
    ...(warning === undefined ? [] : [`> **${esc(warning)}**`, ""]),
    ...(book.pack.description === undefined ? [] : [esc(book.pack.description), ""]),
    "## Contents",
    "",
    ...contents(contentsOf(book), ""),
    ...(book.changes === undefined ? [] : changeSectionMarkdown(book.changes)),
    ...section(
      SECTIONS.reading,
      words.READING_GUIDE.map(esc).flatMap((p) => [p, ""]),
    ),
    ...section(SECTIONS.signOff, signOff(book)),
    ...section(
      SECTIONS.summary,
      words.summaryLines(book).map((line) => `- ${esc(line)}`),
    ),
    ...section(
      SECTIONS.rules,
      book.topics.flatMap((topic) => [
        anchorTag(words.anchor("topic", topic.file)),
        "",
        `### ${esc(topic.title)} (${codeSpan(topic.file)})`,
        "",
        ...(topic.description === undefined ? [] : [esc(topic.description), ""]),
        ...topic.rules.flatMap((rule) => ruleBlock(rule, book.tests.scenarios.length)),
      ]),
    ),
    ...section(SECTIONS.profiles, profiles(book)),
    ...section(SECTIONS.components, book.components.flatMap(component)),
    ...section(SECTIONS.evidence, book.evidence.flatMap(evidence)),
    ...section(SECTIONS.tests, tests(book)),
    ...(book.inactive.length === 0
      ? []
      : section(
          SECTIONS.inactive,
          book.inactive.flatMap((r) => ruleBlock(r, 0, "###")),
        )),
  ];
  return `${lines
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trimEnd()}\n`;
}

function section(s: { anchor: string; title: string }, body: readonly string[]): string[] {
  return ["", anchorTag(s.anchor), "", `## ${esc(s.title)}`, "", ...body];
}

function anchorTag(id: string): string {
  return `<a id="${id}"></a>`;
}

function contents(entries: readonly ContentsEntry[], indent: string): string[] {
  return entries.flatMap((e) => [`${indent}- [${esc(e.title)}](#${e.anchor})`, ...contents(e.children, `${indent}  `)]);
}

function signOff(book: Rulebook): string[] {
  const blank = words.SIGN_OFF_COLUMNS.map(() => " ");
  return [
    `${esc(words.SIGN_OFF_TEXT)} Digest: ${codeSpan(book.pack.digest)}.`,
    "",
    ...markdownTable(
      words.SIGN_OFF_COLUMNS.map(esc),
      Array.from({ length: words.SIGN_OFF_ROWS }, () => blank),
    ),
  ];
}

/** A rule under its topic (`####`), or among the inactive rules (`###`). */
function ruleBlock(rule: RuleEntry, scenarios: number, heading = "####"): string[] {
  const { status } = rule.governance;
  return [
    anchorTag(words.anchor("rule", rule.id)),
    "",
    `${heading} ${esc(rule.title)}${status === "active" ? "" : ` (${esc(status)})`}`,
    "",
    ...sentence(rule),
    "",
    words
      .ruleFacts(rule)
      .map(([label, value]) => `${esc(label)}: ${label === "Source" ? codeSpan(value) : esc(value)}`)
      .join(" · ") + ` · Id: ${codeSpan(rule.id)}`,
    "",
    ...(rule.description === undefined ? [] : [`*Author's note:* ${esc(rule.description)}`, ""]),
    ...list(
      "Adds",
      rule.additions.map((a) => [
        `${markdownLink(a.title, `#${words.anchor("component", a.component)}`)}: ${template(a.reason)}`,
        ...details(a.details, "  "),
      ]),
    ),
    ...list(
      "Withholds",
      rule.withholdings.map((w) => [`${esc(w.target)}: ${template(w.reason)}`]),
    ),
    ...(rule.halt === undefined ? [] : [`**Halts the plan:** ${template(rule.halt)}`, ""]),
    ...list(
      "Evidence",
      rule.evidence.map((e) => [citation(e)]),
    ),
    ...ruleTests(rule, scenarios),
  ];
}

function sentence(rule: RuleEntry): string[] {
  if (rule.when.kind === "phrase") return [`**${esc(words.ruleSentence(rule, rule.when))}**`];
  return [
    `**${esc(words.whenLead(rule.when.lead))}**`,
    "",
    ...clause(rule.when, ""),
    "",
    `**then ${esc(rule.action)}.**`,
  ];
}

function clause(c: Clause, indent: string): string[] {
  if (c.kind === "phrase") return [`${indent}- ${esc(c.text)}`];
  return c.items.flatMap((item) =>
    item.kind === "phrase" ? clause(item, indent) : [`${indent}- ${esc(item.lead)}:`, ...clause(item, `${indent}  `)],
  );
}

function list(title: string, items: readonly string[][]): string[] {
  if (items.length === 0) return [];
  return [`**${title}**`, "", ...items.flatMap(([first = "", ...rest]) => [`- ${first}`, ...rest]), ""];
}

function details(entries: readonly DetailEntry[], indent: string): string[] {
  return entries.map((d) => `${indent}- ${esc(d.label)}: ${template(d.value)}`);
}

function template(text: TemplateText): string {
  return esc(templatePlain(text));
}

function citation(e: EvidenceEntry): string {
  const note = e.certaintyNote === undefined ? "" : ` Caveat: ${esc(e.certaintyNote)}`;
  const linked = e.link === undefined ? "" : ` ${markdownLink(e.link.text, e.link.href)}`;
  return `${esc(e.citation)}${linked} (${markdownLink(e.id, `#${words.anchor("evidence", e.id)}`)}). Certainty: ${esc(e.certainty)}.${note}`;
}

function ruleTests(rule: RuleEntry, scenarios: number): string[] {
  if (rule.tests === undefined) return ["**Tests:** not run (the rule is not active).", ""];
  const [fired, coverage] = words.testLines(rule.tests, scenarios);
  const { named, more } = words.namedScenarios(rule.tests);
  return [
    `**Tests:** ${esc(fired)} ${esc(coverage)}`,
    "",
    ...named.map((s) => `- ${esc(s.name)} (${codeSpan(s.source)}, ${s.outcome})`),
    ...(more === 0 ? [] : [`- and ${more} more`]),
    ...rule.tests.untested.map((u) => `- Untested: ${esc(u)}`),
    "",
  ];
}

function profiles(book: Rulebook): string[] {
  const { profiles: all, readers } = book.profiles;
  const table = markdownTable(
    ["Rule", "What it does", ...all.map((p) => esc(p.id))],
    readers.map((r) => [
      markdownLink(r.title, `#${words.anchor("rule", r.rule)}`),
      esc(r.action),
      ...r.applies.map((yes) => (yes ? "can apply" : "never applies")),
    ]),
  );
  return [
    ...all.flatMap((p) => [
      anchorTag(words.anchor("profile", p.id)),
      "",
      `### ${esc(p.title)} (${codeSpan(p.id)}${p.isDefault ? ", the default" : ""})`,
      "",
      ...(p.description === undefined ? [] : [esc(p.description), ""]),
      p.neverApplies.length === 0
        ? "Every rule can apply under this profile."
        : `Rules that never apply under this profile: ${p.neverApplies.map(ruleLink).join(", ")}.`,
      "",
    ]),
    ...(readers.length === 0
      ? ["No rule reads the profile: every profile gives the same plans."]
      : ["### Rules that read the profile", "", ...table]),
  ];
}

function ruleLink(id: string): string {
  return markdownLink(id, `#${words.anchor("rule", id)}`);
}

function component(c: ComponentEntry): string[] {
  return [
    anchorTag(words.anchor("component", c.id)),
    "",
    `### ${esc(c.title)} (${codeSpan(c.id)})`,
    "",
    `Category: ${esc(c.category)}. ${esc(c.description)}`,
    "",
    `*For the patient:* ${esc(c.patientText)}`,
    "",
    ...(c.details.length === 0 ? [] : ["Default details:", "", ...details(c.details, ""), ""]),
    `Added by: ${c.addedBy.length === 0 ? "no rule" : c.addedBy.map(ruleLink).join(", ")}.`,
    "",
    `Guarded by: ${guards(c)}.`,
    "",
    ...c.contraindications.flatMap(contraindication),
  ];
}

/** `contraindications [Osteoporosis](#…); withholding rules [fever](#…) (all adjunct components)`. */
function guards(c: ComponentEntry): string {
  const parts = [
    ...(c.contraindications.length === 0
      ? []
      : [
          `contraindications ${c.contraindications
            .map((x) => markdownLink(x.title, `#${words.anchor("contraindication", x.id)}`))
            .join(", ")}`,
        ]),
    ...(c.withheldBy.length === 0
      ? []
      : [
          `withholding rules ${c.withheldBy.map((w) => `${ruleLink(w.rule)}${note(words.reachNote(w, c))}`).join(", ")}`,
        ]),
  ];
  return parts.length === 0 ? esc(words.UNGUARDED) : parts.join("; ");
}

function contraindication(x: ContraindicationEntry): string[] {
  const when =
    x.when.kind === "phrase"
      ? [`**${esc(words.contraindicationSentence(x.when))}**`]
      : [`**${esc(words.contraindicationLead(x.when.lead))}**`, "", ...clause(x.when, "")];
  return [
    anchorTag(words.anchor("contraindication", x.id)),
    "",
    `#### Contraindication: ${esc(x.title)} (${codeSpan(x.id)})`,
    "",
    ...when,
    "",
    `*Reason:* ${template(x.reason)}`,
    "",
    ...list(
      "Evidence",
      x.evidence.map((e) => [citation(e)]),
    ),
  ];
}

function evidence(e: EvidenceEntry): string[] {
  return [
    anchorTag(words.anchor("evidence", e.id)),
    "",
    `### ${codeSpan(e.id)}`,
    "",
    `${esc(e.citation)}${e.link === undefined ? "" : ` ${markdownLink(e.link.text, e.link.href)}`}`,
    "",
    `- Finding: ${esc(e.finding)}`,
    `- Certainty: ${esc(e.certainty)}`,
    ...(e.certaintyNote === undefined ? [] : [`- Caveat: ${esc(e.certaintyNote)}`]),
    `- Cited by: ${e.citedBy.length === 0 ? "no rule" : e.citedBy.map(ruleLink).join(", ")}${
      e.citedByContraindications.length === 0
        ? ""
        : `; contraindications ${e.citedByContraindications
            .map((id) => markdownLink(id, `#${words.anchor("contraindication", id)}`))
            .join(", ")}`
    }`,
    "",
  ];
}

function tests(book: Rulebook): string[] {
  const rows = book.tests.scenarios.map((s, i) => [String(i + 1), esc(s.name), esc(s.source), s.outcome]);
  const problems = book.tests.scenarios.filter((s) => s.problems.length > 0);
  return [
    ...(rows.length === 0
      ? ["The pack has no scenario tests."]
      : markdownTable(["#", "Scenario", "Source", "Outcome"], rows)),
    "",
    ...problems.flatMap((s) => [
      `**${esc(s.name)}** (${codeSpan(s.source)}, ${s.outcome}):`,
      "",
      ...s.problems.map((p) => `- ${esc(p)}`),
      "",
    ]),
  ];
}

/** ` (all adjunct components)` after a rule on a guard line, or nothing. */
function note(text: string | undefined): string {
  return text === undefined ? "" : ` (${esc(text)})`;
}
