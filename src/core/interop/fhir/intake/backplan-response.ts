import type { BundleResource } from "./bundle-index.js";
import { BACKPLAN_ANSWERS, type BackplanItem, backplanItems } from "./backplan-questionnaire.js";
import { type Finding, type Reading, merge } from "./finding.js";
import { instrumentMappings } from "./mappings/index.js";
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
 * The fields an item's answer also fills, as its code does in the mappings: PHQ-9 item 9
 * (`questionnaires.phq9.items[8]`) is also `questionnaires.phq9.item9`, which stands alone when
 * another item is missing, so the suicide-risk rule still sees it.
 */
const alsoFills: ReadonlyMap<string, readonly string[]> = new Map(
  instrumentMappings
    .flatMap((mapping) => mapping.fields)
    .flatMap(({ fields: [first, ...rest] }) => (first === undefined || rest.length === 0 ? [] : [[first, rest]])),
);

/**
 * The answers of a response to backplan's own Questionnaire: linkId is the field, the item's
 * type says which `value[x]` to read. An unknown linkId or an unusable answer is a warning and
 * the field stays missing.
 */
export function readBackplanResponse(source: BundleResource, items: readonly ResponseItem[]): Reading {
  const reading: Reading = { findings: [], issues: [] };
  const pointers = new Map<string, string>();
  const known = backplanItems();
  for (const { linkId, answers, pointer } of items) {
    const item = known.get(linkId);
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
    pointers.set(linkId, pointer);
  }
  return merge([reading, alsoFilled(reading.findings, pointers)]);
}

/**
 * The fields the answers also fill (`alsoFills`). When the response answers such a field itself,
 * the same value is agreement and another value is a conflict naming both linkIds.
 */
function alsoFilled(findings: readonly Finding[], pointers: ReadonlyMap<string, string>): Reading {
  const answered = new Map<string, Finding>();
  for (const finding of findings) if (!answered.has(finding.field)) answered.set(finding.field, finding);
  const reading: Reading = { findings: [], issues: [] };
  for (const finding of findings) {
    for (const field of alsoFills.get(finding.field) ?? []) {
      const stated = answered.get(field);
      if (stated === undefined) reading.findings.push({ ...finding, field });
      else if (JSON.stringify(stated.value) !== JSON.stringify(finding.value)) {
        const message = messages.linkIdsDisagree(
          finding.source.label,
          finding.field,
          finding.value,
          field,
          stated.value,
        );
        reading.issues.push(fhirIssue(codes.conflict, pointers.get(field) ?? finding.source.pointer, message));
      }
    }
  }
  return reading;
}
