import type { BundleResource } from "./bundle-index.js";
import { BACKPLAN_QUESTIONNAIRE } from "./backplan-questionnaire.js";
import { readBackplanResponse } from "./backplan-response.js";
import { type Reading, merge, nothing, readCoded } from "./finding.js";
import { codedFieldOf } from "./mappings/index.js";
import { codes, fhirIssue, messages } from "./messages.js";
import { findQuestionnaire, itemsByLinkId, ordinalAnswer } from "./questionnaire.js";
import { answeredItems } from "./response-items.js";

/** Statuses that withdraw a response: its answers must not be read. */
const withdrawn: ReadonlySet<unknown> = new Set(["entered-in-error", "stopped"]);

/**
 * A QuestionnaireResponse's mapped answers. Its items carry no codes (FHIR R4), so each linkId
 * is looked up in the Questionnaire it names (`questionnaire`, a canonical), found contained or
 * in the Bundle, and that item's `code` is matched. Without the Questionnaire nothing is guessed
 * from the linkIds: the answers are ignored, with a warning. A response to backplan's own
 * Questionnaire is read by linkId (the field's path).
 */
export function readQuestionnaireResponse(source: BundleResource, bundle: readonly BundleResource[]): Reading {
  const { resource, pointer, label } = source;
  if (withdrawn.has(resource["status"])) {
    const message = messages.ignoredResource(label, String(resource["status"]));
    return { findings: [], issues: [fhirIssue(codes.ignoredResource, pointer, message, "warning")] };
  }
  const items = answeredItems(resource["item"], `${pointer}/item`);
  const canonical = typeof resource["questionnaire"] === "string" ? resource["questionnaire"] : undefined;
  const [url, version] = canonical === undefined ? [] : canonical.split("|");
  if (url === BACKPLAN_QUESTIONNAIRE) return readBackplanResponse(source, items);
  const questionnaire = url === undefined ? undefined : findQuestionnaire(resource, bundle, url, version);
  if (questionnaire === undefined) {
    const message = messages.unknownQuestionnaire(label, canonical);
    return {
      findings: [],
      issues: [fhirIssue(codes.unknownQuestionnaire, `${pointer}/questionnaire`, message, "warning")],
    };
  }
  const questions = itemsByLinkId(questionnaire["item"]);
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
