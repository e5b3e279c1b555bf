import type { FactValue } from "../../core/run/facts/types.js";
import type {
  CohortSource,
  Counted,
  DetailValue,
  IdEdits,
  ImpactExample,
  ImpactReport,
  ImpactSection,
  PackSummary,
  ScenarioRename,
} from "./types.js";

/** A shown value of free text (a detail's notes) is cut here. */
const MAX_TEXT = 60;

/** One row of a tally as shown: its label and its count, then its examples. */
interface Row {
  readonly label: string;
  readonly count: number;
  readonly examples: readonly string[];
}

/**
 * The report for people: the two packs and what differs in them, then for the scenario tests
 * and the cohort how many plans changed and how, each kind of change with its examples.
 *
 * @example console.log(renderImpactText(compareRulesets(base, head, input)));
 */
export function renderImpactText(report: ImpactReport): string {
  const lines = [
    `impact of ${report.base.label} → ${report.head.label}`,
    ...packLines(report.base, report.head),
    ...editLines(report),
    "",
    ...sectionLines("scenario tests", report.scenarios),
    ...renamedLines(report.scenarios.renamed),
    "",
    ...sectionLines(`cohort (${cohortName(report.cohort.source)})`, report.cohort),
  ];
  return `${lines.join("\n")}\n`;
}

function packLines(base: PackSummary, head: PackSummary): string[] {
  const width = Math.max(base.label.length, head.label.length);
  const line = (side: string, p: PackSummary) =>
    `  ${side}  ${p.label.padEnd(width)}  ${p.name} ${p.version}  ${p.digest.slice(0, 19)}  ${p.rules} rule${p.rules === 1 ? "" : "s"}`;
  return [line("base", base), line("head", head)];
}

function editLines({ edits, profile, base }: ImpactReport): string[] {
  const ids = (what: string, e: IdEdits) =>
    (["added", "removed", "modified"] as const).flatMap((kind) =>
      e[kind].length === 0 ? [] : [`  ${what} ${kind}: ${e[kind].join(", ")}`],
    );
  const lines = [...ids("rules", edits.rules), ...ids("components", edits.components)];
  if (lines.length === 0) lines.push("  no rule or catalog component differs");
  const defaults = edits.defaultProfile;
  lines.push(
    `  profile: ${
      profile !== null
        ? `${profile} (--profile)`
        : defaults === null
          ? `${base.defaultProfile} (the packs' default)`
          : `${defaults.from} → ${defaults.to} (each pack's default)`
    }`,
  );
  return lines;
}

function cohortName(source: CohortSource): string {
  return source.kind === "generated"
    ? `${thousands(source.size)} generated, seed ${source.seed}`
    : `${thousands(source.size)} from ${source.file}`;
}

/**
 * How many changed plans changed only in wording, or only in their trace (the same plan, a rule's
 * outcome changed), when some did: what a reviewer may skim.
 */
function wording({ changed, beyondWording, traceOnly }: ImpactSection): string {
  if (traceOnly.count === 0)
    return beyondWording === changed
      ? ""
      : `; ${thousands(beyondWording)} in what they decide, ${thousands(changed - beyondWording)} in wording only`;
  const parts = [
    `${thousands(beyondWording - traceOnly.count)} in what they decide`,
    `${thousands(changed - beyondWording)} in wording only`,
    `${thousands(traceOnly.count)} in rule outcomes only (trace only)`,
  ];
  return `; ${parts.join(", ")}`;
}

/** The scenario tests renamed, old name → new: one test, not a removal and an addition. */
function renamedLines(renamed: readonly ScenarioRename[]): string[] {
  if (renamed.length === 0) return [];
  return [
    `  tests renamed: ${renamed.length} (matched by assessment)`,
    ...renamed.map((r) => `    "${r.from}" → "${r.to}" (${r.source})`),
  ];
}

function sectionLines(title: string, section: ImpactSection): string[] {
  const { assessments, changed, skipped } = section;
  const share = assessments === 0 ? "" : ` (${((100 * changed) / assessments).toFixed(1)}%)`;
  const head =
    changed === 0
      ? `${title}: no plan changed (of ${thousands(assessments)})`
      : `${title}: ${thousands(changed)} of ${thousands(assessments)} plans changed${share}${wording(section)}`;
  const groups: [string, Row[]][] = [
    ["status", section.status.map((t) => row(`${t.from} → ${t.to}`, t))],
    ["urgency", section.urgency.map((t) => row(`${t.from} → ${t.to}`, t))],
    ["components added", section.componentsAdded.map((t) => row(t.component, t))],
    ["components removed", section.componentsRemoved.map((t) => row(t.component, t))],
    [
      "details changed",
      section.details.map((t) => ({
        label: `${t.component} ${t.field}`,
        count: t.count,
        examples: t.examples.map((e) => `${exampleText(e)}: ${value(e.from)} → ${value(e.to)}`),
      })),
    ],
    ["reasons or evidence changed", section.reasons.map((t) => row(t.component, t))],
    ["withheld added", section.withheldAdded.map((t) => row(t.component, t))],
    ["withheld removed", section.withheldRemoved.map((t) => row(t.component, t))],
    ["data gaps added", section.dataGapsAdded.map((t) => row(t.field, t))],
    ["data gaps removed", section.dataGapsRemoved.map((t) => row(t.field, t))],
    ["rule outcomes", section.rules.map((t) => row(`${t.rule}: ${t.from} → ${t.to}`, t))],
    [
      "changed otherwise (wording, texts, missing facts)",
      section.other.count === 0 ? [] : [row("plans", section.other)],
    ],
    [
      `trace only: ${thousands(section.traceOnly.count)} plans the same but for these rule outcomes (counted above too)`,
      section.traceOnly.rules.map((t) => row(`${t.rule}: ${t.from} → ${t.to}`, t)),
    ],
  ];
  const skippedLines = skipped.flatMap((s) =>
    s.problems.map((problem) => `    ${exampleText(s.example)}: ${s.side === "both" ? "" : `${s.side}: `}${problem}`),
  );
  return [
    head,
    ...groups.flatMap(([name, rows]) => groupLines(name, rows)),
    ...(skipped.length === 0 ? [] : [`  skipped: ${skipped.length} (could not be planned)`, ...skippedLines]),
  ];
}

function row(label: string, { count, examples }: Counted): Row {
  return { label, count, examples: examples.map(exampleText) };
}

/** A group's rows, labels padded so the counts line up, each row's examples under it. */
function groupLines(name: string, rows: readonly Row[]): string[] {
  if (rows.length === 0) return [];
  const width = Math.max(...rows.map((r) => r.label.length));
  return [
    `  ${name}`,
    ...rows.flatMap((r) => [
      `    ${r.label.padEnd(width)}  ${thousands(r.count)}`,
      ...r.examples.map((e) => `      ${e}`),
    ]),
  ];
}

/** `"name" (rules/tests/x.yaml:12)`, or `#17 phq9.total=10, gad7.total=not recorded`. */
function exampleText(example: ImpactExample): string {
  if (example.kind === "scenario")
    return `"${example.name}" (${example.source}${example.renamedFrom === undefined ? "" : `, was "${example.renamedFrom}"`})`;
  const id = example.id === undefined || example.id === `cohort-${example.index}` ? "" : ` (${example.id})`;
  const facts = Object.entries(example.facts).map(([name, v]) => `${name}=${v === null ? "not recorded" : fact(v)}`);
  return `#${example.index}${id}${facts.length === 0 ? "" : ` ${facts.join(", ")}`}`;
}

function fact(v: FactValue): string {
  return Array.isArray(v) ? `[${v.join(", ")}]` : String(v);
}

function value(v: DetailValue): string {
  if (v === null) return "(unset)";
  if (typeof v === "number") return String(v);
  return JSON.stringify(v.length > MAX_TEXT ? `${v.slice(0, MAX_TEXT - 1)}…` : v);
}

/** `10,000`. */
function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}
