import type { BundleResource } from "./bundle-index.js";
import { BACKPLAN_QUESTIONNAIRE } from "./backplan-questionnaire.js";
import { readBackplanResponse } from "./backplan-response.js";
import { type Reading, merge, nothing, readCoded } from "./finding.js";
import { codedFieldOf } from "./mappings/index.js";
import { codes, fhirIssue, messages } from "./messages.js";
import { type Questionnaires, ordinalAnswer } from "./questionnaire.js";
import { answeredItems } from "./response-items.js";

/** The status that withdraws a response: its answers must not be read. */
const withdrawn: ReadonlySet<unknown> = new Set(["entered-in-error"]);

/**
 * Statuses of a response answered in part ("stopped": abandoned part way, FHIR R4): what it
 * answers is real (a PHQ-9 item 9 of 3 must not be lost), what it does not answer stays missing.
 */
const incomplete: ReadonlySet<unknown> = new Set(["in-progress", "stopped"]);

/**
 * A QuestionnaireResponse's mapped answers. Its items carry no codes (FHIR R4), so each linkId
 * is looked up in the Questionnaire it names (`questionnaire`, a canonical), found contained or
 * in the Bundle, and that item's `code` is matched. Without the Questionnaire nothing is guessed
 * from the linkIds: the answers are ignored, with a warning. A response to backplan's own
 * Questionnaire is read by linkId (the field's path). A response entered in error is ignored; one
 * in progress or stopped is read with a warning that it is incomplete.
 */
export function readQuestionnaireResponse(source: BundleResource, questionnaires: Questionnaires): Reading {
  const { resource, pointer, label } = source;
  const status = resource["status"];
  if (withdrawn.has(status)) {
    const message = messages.ignoredResource(label, String(status));
    return { findings: [], issues: [fhirIssue(codes.ignoredResource, pointer, message, "warning")] };
  }
  const answers = readAnswers(source, questionnaires);
  if (!incomplete.has(status)) return answers;
  const message = messages.incompleteResponse(label, String(status));
  return merge([{ findings: [], issues: [fhirIssue(codes.incompleteResponse, pointer, message, "warning")] }, answers]);
}

/** The answers, whatever the status. */
function readAnswers(source: BundleResource, questionnaires: Questionnaires): Reading {
  const { resource, pointer, label } = source;
  const items = answeredItems(resource["item"], `${pointer}/item`);
  const canonical = typeof resource["questionnaire"] === "string" ? resource["questionnaire"] : undefined;
  const [url, version] = canonical === undefined ? [] : canonical.split("|");
  if (url === BACKPLAN_QUESTIONNAIRE) return readBackplanResponse(source, items);
  const questionnaire = url === undefined ? undefined : questionnaires.find(resource, url, version);
  if (questionnaire === undefined) {
    const message = messages.unknownQuestionnaire(label, canonical);
    return {
      findings: [],
      issues: [fhirIssue(codes.unknownQuestionnaire, `${pointer}/questionnaire`, message, "warning")],
    };
  }
  const questions = questionnaires.itemsOf(questionnaire);
  return merge(
    items.map(({ linkId, answers, pointer: at }) => {
      const question = questions.get(linkId);
      const field = codedFieldOf(question?.["code"]);
      const [answer] = answers;
      if (field === undefined || answer === undefined) return nothing();
      if (answers.length === 1) {
        // An answer the mapping cannot read may still have a score in the Questionnaire.
        const scored = field.read.read(answer) === undefined ? ordinalAnswer(question, answer) : undefined;
        return readCoded(field, scored ?? answer, source, `${at}/answer/0`);
      }
      // One answer per scored item; choosing among several would be a guess.
      const message = messages.unreadableValue(label, field.fields.join(" and "), `one answer, ${field.read.expected}`);
      return { findings: [], issues: [fhirIssue(codes.unreadableValue, at, message, "warning")] };
    }),
  );
}
