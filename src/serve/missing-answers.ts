import { assessmentIssueCodes, backplanQuestionnaire, type Issue, type QuestionnaireItem } from "../core/index.js";

/** A required answer the patient's data lacks: the field and, when known, its question in backplan's Questionnaire. */
export interface MissingAnswer {
  /** The field's dotted path, the item's linkId (or the issue's message when no item matches). */
  readonly field: string;
  readonly question?: string;
}

function itemsOf(items: readonly QuestionnaireItem[]): QuestionnaireItem[] {
  return items.flatMap((item) => [item, ...itemsOf(item.item ?? [])]);
}

/** Every item of backplan's Questionnaire, longest linkId first so `pain.durationWeeks` wins over `pain`. */
const QUESTIONS = itemsOf(backplanQuestionnaire().item ?? []).sort((a, b) => b.linkId.length - a.linkId.length);

/** The item a re-pointed issue is about: its message starts with the field, `pain.durationWeeks: …`. */
function answerOf(issue: Issue): MissingAnswer {
  const item = QUESTIONS.find(({ linkId }) => issue.message.startsWith(`${linkId}: `));
  if (item === undefined) return { field: issue.message };
  return { field: item.linkId, ...(item.text === undefined ? {} : { question: item.text }) };
}

/**
 * The missing required answers when they are the only reason the data was refused (every error is
 * the assessment validator's `assessment/missing-field`), else `undefined`: a conflict or an
 * invalid value is another matter, which the clinician fixes differently.
 */
export function onlyMissingAnswers(issues: readonly Issue[]): MissingAnswer[] | undefined {
  const errors = issues.filter((issue) => issue.severity === "error");
  if (errors.length === 0 || errors.some((issue) => issue.code !== assessmentIssueCodes.missingField)) return undefined;
  return errors.map(answerOf);
}
