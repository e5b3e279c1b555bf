import { decide } from "../../core/present/explain/findings.js";
import type { Truth } from "../../core/run/evaluate/truth.js";
import type { Facts } from "../../core/run/facts/types.js";
import type { Contraindication } from "../../core/generated/types.js";
import type { CompiledRule } from "../../core/load/types.js";

/** Past this many deciding conditions, the rest are counted rather than listed. */
const MAX_SHOWN = 6;

/**
 * One line saying what a rule decided and on which of the patient's values:
 * `rule "depression" (psychological.yaml:12) did not fire: phq9.total ≥ 10 (found 9)`.
 * Only the conditions that decided the outcome are shown (for a rule that did not fire, the
 * false ones; for an undetermined rule, the unanswered ones). `facts` are those the rule saw
 * when it ran (`FactsSeen.at`), so the verdict is the one in the plan's trace; `locate` shows
 * the rule's file.
 */
export function explainRule(
  rule: CompiledRule,
  facts: Facts,
  locate: (file: string) => string = (file) => file,
): string {
  const { truth, findings } = decide(rule.when, facts);
  const { file, line } = rule.source;
  return `rule "${rule.id}" (${locate(file)}:${line}) ${verdict(truth)}: ${shown(findings)}`;
}

/** A contraindication screened, with the line that says so (see `explainContraindication`). */
export interface ScreenedContraindication {
  readonly id: string;
  readonly title: string;
  readonly truth: Truth;
  readonly line: string;
}

/**
 * What a contraindication decided, as `explainRule` says it of a rule: `contraindication
 * "manipulation-osteoporosis" (Osteoporosis) holds: redFlags.osteoporosis = true (found true)`.
 * `facts` are those the contraindications saw (`FactsSeen.screenedOn`).
 */
export function explainContraindication({ id, title, when }: Contraindication, facts: Facts): ScreenedContraindication {
  const { truth, findings } = decide(when, facts);
  const said = truth === "unknown" ? "is undetermined" : truth ? "holds" : "does not hold";
  return { id, title, truth, line: `contraindication "${id}" (${title}) ${said}: ${shown(findings)}` };
}

function shown(findings: readonly { readonly text: string }[]): string {
  const listed = findings.slice(0, MAX_SHOWN).map((f) => f.text);
  const more = findings.length > MAX_SHOWN ? [`and ${findings.length - MAX_SHOWN} more`] : [];
  return [...listed, ...more].join("; ");
}

function verdict(truth: Truth): string {
  if (truth === "unknown") return "is undetermined";
  return truth ? "fired" : "did not fire";
}
