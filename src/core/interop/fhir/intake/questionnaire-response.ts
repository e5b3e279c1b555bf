import type { BundleResource } from "./bundle-index.js";
import { BACKPLAN_QUESTIONNAIRE } from "./backplan-questionnaire.js";
import { readBackplanResponse } from "./backplan-response.js";
import { scoredAnswer } from "./answer-score.js";
import { type Reading, merge, nothing, readCoded, unreadable } from "./finding.js";
import { isRecord } from "./mappings/values.js";
import { codes, fhirIssue, messages } from "./messages.js";
import type { Questionnaires } from "./questionnaire.js";
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
 * in the Bundle, and that item's `code` is matched, or, for a Questionnaire known to be the
 * instrument, its linkId or position (instrument-form.ts); a coded answer the mapping does not
 * know is scored as the Questionnaire says (answer-score.ts). What looks like an instrument but
 * cannot be matched or scored is a warning naming the items. Without the Questionnaire nothing is
 * guessed from the linkIds: the answers are ignored, with a warning. A response to backplan's own
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
  const form = questionnaires.fieldsOf(questionnaire);
  const unmatched: string[] = [];
  const readings = items.map(({ linkId, answers, pointer: at }) => {
    const question = questions.get(linkId);
    const field = form.fields.get(linkId);
    const [answer] = answers;
    if (field === undefined) {
      if (form.instrument !== undefined && !hasCode(question)) unmatched.push(linkId);
      return nothing();
    }
    if (answer === undefined) return nothing();
    if (answers.length === 1) {
      // An answer the mapping cannot read may still have a score in the Questionnaire.
      const scored =
        field.read.read(answer) === undefined
          ? scoredAnswer(questionnaires, questionnaire, question, answer)
          : undefined;
      if (scored === undefined && field.read.read(answer) === undefined && isRecord(answer["valueCoding"]))
        return unreadable(
          field,
          source,
          `${at}/answer/0`,
          `${field.read.expected}, or a code the Questionnaire scores`,
        );
      return readCoded(field, scored ?? answer, source, `${at}/answer/0`);
    }
    // One answer per scored item; choosing among several would be a guess.
    return unreadable(field, source, at, `one answer, ${field.read.expected}`);
  });
  const instrument = form.instrument;
  if (instrument === undefined || unmatched.length === 0) return merge(readings);
  const message = messages.unmatchedItems(
    label,
    instrument.name,
    typeof questionnaire["url"] === "string" ? questionnaire["url"] : String(canonical),
    unmatched,
    form.known,
  );
  const issue = fhirIssue(codes.unmatchedItems, `${pointer}/item`, message, "warning");
  return merge([...readings, { findings: [], issues: [issue] }]);
}

function hasCode(item: Readonly<Record<string, unknown>> | undefined): boolean {
  return item !== undefined && Array.isArray(item["code"]) && (item["code"] as unknown[]).length > 0;
}
