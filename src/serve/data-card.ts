import type { Issue } from "../core/errors.js";
import type { DataGap } from "../core/generated/types.js";
import type { CdsCard, CdsSource } from "./cds-types.js";
import { escapeMarkdown } from "./markdown.js";
import { summaryOf } from "./summary.js";

function issueLine(issue: Issue): string {
  return `- ${escapeMarkdown(issue.message)}${issue.path === "" ? "" : ` (at \`${issue.path}\`)`}`;
}

/**
 * The data gaps as one `info` card: each missing answer with why the plan needs it, and the FHIR
 * data the intake left out (unusable values). `undefined` when nothing is missing or left out.
 */
export function dataGapsCard(
  gaps: readonly DataGap[],
  leftOut: readonly Issue[],
  source: CdsSource,
  uuid: () => string,
): CdsCard | undefined {
  if (gaps.length === 0 && leftOut.length === 0) return undefined;
  const answers = gaps.length === 1 ? "1 answer is" : `${gaps.length} answers are`;
  const summary =
    gaps.length === 0
      ? "Some FHIR data could not be used for the low back pain plan"
      : `${answers} missing for a complete low back pain plan`;
  const lines = [
    ...(gaps.length === 0
      ? []
      : ["### Missing answers", "", ...gaps.map((gap) => `- \`${gap.fact}\`: ${escapeMarkdown(gap.reason)}`), ""]),
    ...(leftOut.length === 0 ? [] : ["### FHIR data left out", "", ...leftOut.map(issueLine), ""]),
    "Record them (as coded Observations or backplan's assessment QuestionnaireResponse) to complete the plan.",
  ];
  return { uuid: uuid(), summary: summaryOf(summary), detail: lines.join("\n"), indicator: "info", source };
}

/**
 * Why no plan was made (conflicting or invalid FHIR data, each issue naming its resources) as a
 * `warning` card: the clinician can fix the record, which a 400 would hide from them.
 */
export function problemCard(issues: readonly Issue[], source: CdsSource, uuid: () => string): CdsCard {
  return {
    uuid: uuid(),
    summary: summaryOf("No low back pain plan: the patient's FHIR data conflicts or is invalid"),
    detail: [
      "### Problems",
      "",
      ...issues.map(issueLine),
      "",
      "Correct the record; the plan is made once the data agrees.",
    ].join("\n"),
    indicator: "warning",
    source,
  };
}
