import { printable, type Issue, BACKPLAN_QUESTIONNAIRE, type DataGap } from "../core/index.js";
import type { CdsCard, CdsSource } from "./cds-types.js";
import { escapeMarkdown } from "./markdown.js";
import { onlyMissingAnswers, type MissingAnswer } from "./missing-answers.js";
import { summaryOf } from "./summary.js";

/**
 * One issue as a list item. Its message names the resources (`Observation/phq9-total`); its path,
 * a pointer into the Bundle the service assembled from the prefetch, means nothing to the
 * clinician and is not shown.
 */
function issueLine(issue: Issue): string {
  // Messages quote the Bundle (a linkId, a code): control characters escaped, a long one cut.
  return `- ${escapeMarkdown(printable(issue.message, 500))}`;
}

function leftOutSection(issues: readonly Issue[]): string[] {
  return issues.length === 0 ? [] : ["### FHIR data left out", "", ...issues.map(issueLine), ""];
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
    ...leftOutSection(leftOut),
    "Record them (as coded Observations or backplan's assessment QuestionnaireResponse) to complete the plan.",
  ];
  return { uuid: uuid(), summary: summaryOf(summary), detail: lines.join("\n"), indicator: "info", source };
}

function answerLine({ field, question }: MissingAnswer): string {
  // A code span shows its text as is: only a backtick could end it early.
  return `- \`${field.replace(/`/g, "'")}\`${question === undefined ? "" : `: ${escapeMarkdown(question)}`}`;
}

/**
 * No plan because required answers are missing (typically no backplan QuestionnaireResponse was
 * sent): a `warning` card naming each answer and the Questionnaire that asks it, not a claim that
 * the data is wrong.
 */
function missingAnswersCard(
  answers: readonly MissingAnswer[],
  leftOut: readonly Issue[],
  source: CdsSource,
  uuid: () => string,
): CdsCard {
  const count = answers.length === 1 ? "1 required answer is" : `${answers.length} required answers are`;
  return {
    uuid: uuid(),
    summary: summaryOf(`No low back pain plan: ${count} missing`),
    detail: [
      "### Missing required answers",
      "",
      ...answers.map(answerLine),
      "",
      ...leftOutSection(leftOut),
      "They are items of backplan's assessment Questionnaire " +
        `(\`${BACKPLAN_QUESTIONNAIRE}\`, linkId = the field): record them in a QuestionnaireResponse ` +
        "to it, sent with the prefetched QuestionnaireResponses, and the plan is made.",
    ].join("\n"),
    indicator: "warning",
    source,
  };
}

/**
 * Why no plan was made, as a `warning` card the clinician can act on (a 400 would hide it from
 * them): required answers that are missing, or else conflicting or invalid FHIR data, each issue
 * naming its resources.
 */
export function problemCard(issues: readonly Issue[], source: CdsSource, uuid: () => string): CdsCard {
  const leftOut = issues.filter((issue) => issue.severity !== "error");
  const missing = onlyMissingAnswers(issues);
  if (missing !== undefined) return missingAnswersCard(missing, leftOut, source, uuid);
  return {
    uuid: uuid(),
    summary: summaryOf("No low back pain plan: the patient's FHIR data conflicts or is invalid"),
    detail: [
      "### Problems",
      "",
      ...issues.filter((issue) => issue.severity === "error").map(issueLine),
      "",
      ...leftOutSection(leftOut),
      "Correct the record; the plan is made once the data agrees.",
    ].join("\n"),
    indicator: "warning",
    source,
  };
}
