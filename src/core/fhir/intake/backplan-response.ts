import type { BundleResource } from "./bundle-index.js";
import { BACKPLAN_ANSWERS, type BackplanItem, backplanItems } from "./backplan-questionnaire.js";
import type { Finding, Reading } from "./finding.js";
import { isRecord } from "./mappings/values.js";
import { codes, fhirIssue, messages } from "./messages.js";
import type { ResponseItem } from "./response-items.js";

type Value = Finding["value"];

/** How each item type's answer is read: the `value[x]` it takes, checked. */
const answerReaders: Readonly<
  Record<string, (answer: Readonly<Record<string, unknown>>, item: BackplanItem) => Value | undefined>
> = {
  boolean: (answer) => (typeof answer["valueBoolean"] === "boolean" ? answer["valueBoolean"] : undefined),
  integer: (answer) => (Number.isInteger(answer["valueInteger"]) ? (answer["valueInteger"] as number) : undefined),
  decimal: (answer) => {
    const value = answer["valueDecimal"] ?? answer["valueInteger"];
    return typeof value === "number" && Number.isFinite(value) ? value : undefined;
  },
  string: (answer) => (typeof answer["valueString"] === "string" ? answer["valueString"] : undefined),
  choice: (answer, item) => {
    const coding = answer["valueCoding"];
    if (!isRecord(coding) || coding["system"] !== BACKPLAN_ANSWERS || typeof coding["code"] !== "string")
      return undefined;
    return item.codes?.includes(coding["code"]) === true ? coding["code"] : undefined;
  },
};

/**
 * The answers of a response to backplan's own Questionnaire: linkId is the field, the item's
 * type says which `value[x]` to read. An unknown linkId or an unusable answer is a warning and
 * the field stays missing.
 */
export function readBackplanResponse(source: BundleResource, items: readonly ResponseItem[]): Reading {
  const reading: Reading = { findings: [], issues: [] };
  for (const { linkId, answers, pointer } of items) {
    const item = backplanItems.get(linkId);
    if (item === undefined) {
      reading.issues.push(
        fhirIssue(codes.unknownLinkId, pointer, messages.unknownLinkId(source.label, linkId), "warning"),
      );
      continue;
    }
    const values = answers.map((answer) => answerReaders[item.type]?.(answer, item));
    const usable = values.every((value) => value !== undefined) && (item.repeats || values.length === 1);
    if (!usable) {
      const expected = `${item.repeats ? "answers" : "one answer"} of type ${item.type}`;
      reading.issues.push(
        fhirIssue(codes.unreadableValue, pointer, messages.unreadableValue(source.label, linkId, expected), "warning"),
      );
      continue;
    }
    const value: Value = item.repeats ? (values as string[]) : (values[0] as Value);
    reading.findings.push({ field: linkId, value, source });
  }
  return reading;
}
