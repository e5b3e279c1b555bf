/**
 * Which assessment field each item of a Questionnaire answers. An item's own `code` says so
 * (FHIR R4: the response's items carry none). Items without a code are matched only when the
 * Questionnaire is known to be the instrument (a known canonical URL, or its own `code` is the
 * instrument's panel): by a linkId that is the item's LOINC code (`/44250-9`, as LOINC's forms
 * write them), else by position when its uncoded questions are exactly the instrument's items.
 * Nothing else is guessed; what looks like an instrument but cannot be matched is reported.
 */
import { type CodedField, type InstrumentMapping, codedFieldOf, instrumentMappings } from "./mappings/index.js";
import { codeKey, isRecord } from "./mappings/values.js";
import type { JsonObject as Json } from "../types.js";

/** The fields of a Questionnaire's items, and what the reader should say about the rest. */
export interface FormFields {
  /** linkId → the field its answer fills. */
  readonly fields: ReadonlyMap<string, CodedField>;
  /** The instrument the Questionnaire is, or looks like (by its url, name, title or id); `undefined` if neither. */
  readonly instrument?: InstrumentMapping;
  /** Whether `instrument` is known (a form or panel code) rather than only looked like. */
  readonly known: boolean;
}

/** Item types that hold an instrument's scored answer. */
const answerTypes: ReadonlySet<unknown> = new Set(["choice", "open-choice", "integer", "decimal", "coding"]);

export function formFields(questionnaire: Json, items: ReadonlyMap<string, Json>): FormFields {
  const fields = new Map<string, CodedField>();
  const uncoded: Json[] = [];
  for (const [linkId, item] of items) {
    const field = codedFieldOf(item["code"]);
    if (field !== undefined) fields.set(linkId, field);
    else if (!hasCode(item) && answerTypes.has(item["type"])) uncoded.push(item);
  }
  const known = knownInstrument(questionnaire);
  if (known === undefined) {
    const looks = instrumentMappings.find((mapping) => looksLike(mapping, questionnaire));
    return { fields, known: false, ...(looks === undefined ? {} : { instrument: looks }) };
  }
  const itemFields = itemFieldsOf(known);
  const byLinkId = uncoded.filter((item) => {
    const field = itemFields.find((candidate) => linkIdNames(item["linkId"], candidate.code));
    if (field !== undefined) fields.set(item["linkId"] as string, field);
    return field !== undefined;
  });
  if (byLinkId.length === 0 && uncoded.length === itemFields.length)
    uncoded.forEach((item, index) => {
      const field = itemFields[index];
      if (field !== undefined) fields.set(item["linkId"] as string, field);
    });
  return { fields, instrument: known, known: true };
}

/** The instrument a Questionnaire is: one of its known canonical URLs, or its own `code` is the panel. */
function knownInstrument(questionnaire: Json): InstrumentMapping | undefined {
  const url = typeof questionnaire["url"] === "string" ? questionnaire["url"].split("|")[0] : undefined;
  const codes = Array.isArray(questionnaire["code"]) ? (questionnaire["code"] as unknown[]).filter(isRecord) : [];
  const keys = new Set(codes.map((coding) => codeKey(coding["system"], coding["code"])));
  return instrumentMappings.find(
    (mapping) =>
      (url !== undefined && mapping.forms?.includes(url) === true) ||
      (mapping.panel !== undefined && keys.has(codeKey(mapping.panel.system, mapping.panel.code))),
  );
}

function looksLike(mapping: InstrumentMapping, questionnaire: Json): boolean {
  const pattern = mapping.looksLike;
  if (pattern === undefined) return false;
  return ["url", "name", "title", "id"].some((key) => {
    const value = questionnaire[key];
    return typeof value === "string" && pattern.test(value);
  });
}

/** The instrument's item fields in published order (`…items[0]`, `…items[1]`, …). */
function itemFieldsOf(mapping: InstrumentMapping): CodedField[] {
  const position = (field: CodedField): number => Number(/\.items\[(\d+)\]$/.exec(field.fields[0] ?? "")?.[1] ?? NaN);
  return mapping.fields.filter((field) => !Number.isNaN(position(field))).sort((a, b) => position(a) - position(b));
}

/** `/44250-9` or `44250-9`: the linkId LOINC's forms give an item is its code. */
function linkIdNames(linkId: unknown, code: string): boolean {
  return typeof linkId === "string" && (linkId === code || linkId.endsWith(`/${code}`));
}

function hasCode(item: Json): boolean {
  return Array.isArray(item["code"]) && (item["code"] as unknown[]).length > 0;
}
