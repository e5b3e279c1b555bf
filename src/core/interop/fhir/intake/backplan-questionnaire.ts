/**
 * backplan's own Questionnaire, generated from the assessment schema so it cannot drift: one
 * item per field FHIR has no code for (red flags, examination, preferences…), and for every other
 * field too, so one form can carry a whole assessment. linkIds are the fields' dotted paths;
 * fixed-length lists (questionnaire items) are groups of `path[i]` items.
 */
import { assessmentSchema, type SchemaNode } from "../../../run/assessment/schema.js";
import type { Coding, Extension, Questionnaire, QuestionnaireItem } from "fhir/r4.js";

/** The canonical URL a QuestionnaireResponse names in `questionnaire` to be read as backplan's. */
export const BACKPLAN_QUESTIONNAIRE = "https://backplan.dev/fhir/Questionnaire/backplan-assessment";
/** The system of the answer codings of choice items: the code is the schema's enum value. */
export const BACKPLAN_ANSWERS = "https://backplan.dev/fhir/CodeSystem/assessment-answers";

/** Top-level fields that are not answers: the file's schema, its id and the visit date (passed in). */
const notAsked: ReadonlySet<string> = new Set(["$schema", "id", "assessedOn"]);

/** The Questionnaire (FHIR R4) whose responses the intake reads by linkId. */
export function backplanQuestionnaire(): Questionnaire {
  return {
    resourceType: "Questionnaire",
    id: "backplan-assessment",
    url: BACKPLAN_QUESTIONNAIRE,
    name: "BackplanAssessment",
    title: "backplan assessment",
    status: "active",
    subjectType: ["Patient"],
    description:
      "The fields of backplan's assessment (schemas/assessment.schema.json), for the answers FHIR resources do not carry (red flags, examination, preferences…). linkId = the field's dotted path.",
    item: childrenOf(assessmentSchema, "").filter((item) => !notAsked.has(item.linkId)),
  };
}

/** The type and shape of one answerable item, as the reader needs it. */
export interface BackplanItem {
  readonly linkId: string;
  readonly type: QuestionnaireItem["type"];
  readonly repeats: boolean;
  /** For choice items: the allowed codes. */
  readonly codes?: readonly string[];
}

let items: ReadonlyMap<string, BackplanItem> | undefined;

/**
 * Every answerable item of the Questionnaire, by linkId. Built on first use, from the whole
 * Questionnaire: a page that never reads a FHIR record does not build it as it starts.
 */
export function backplanItems(): ReadonlyMap<string, BackplanItem> {
  items ??= new Map(
    leavesOf(backplanQuestionnaire().item ?? []).map((item) => [
      item.linkId,
      {
        linkId: item.linkId,
        type: item.type,
        repeats: item.repeats === true,
        ...(item.answerOption === undefined
          ? {}
          : {
              codes: item.answerOption.flatMap((option) =>
                option.valueCoding?.code === undefined ? [] : [option.valueCoding.code],
              ),
            }),
      },
    ]),
  );
  return items;
}

function leavesOf(items: readonly QuestionnaireItem[]): QuestionnaireItem[] {
  return items.flatMap((item) => (item.type === "group" ? leavesOf(item.item ?? []) : [item]));
}

function childrenOf(node: SchemaNode, path: string): QuestionnaireItem[] {
  return Object.entries(node.properties ?? {}).map(([name, child]) =>
    itemOf(child, path === "" ? name : `${path}.${name}`),
  );
}

function itemOf(node: SchemaNode, linkId: string): QuestionnaireItem {
  const text = node.description ?? linkId;
  if (node.properties !== undefined) return { linkId, text, type: "group", item: childrenOf(node, linkId) };
  const items = node.items;
  if (node.type === "array" && items !== undefined) {
    if (node.minItems !== undefined && node.minItems === node.maxItems) {
      const positions = Array.from({ length: node.minItems }, (_, index) => ({
        ...itemOf(items, `${linkId}[${String(index)}]`),
        text: `${text} Item ${String(index + 1)}.`,
      }));
      return { linkId, text, type: "group", item: positions };
    }
    return { ...itemOf(items, linkId), text, repeats: true };
  }
  if (node.enum !== undefined) {
    const answerOption = node.enum.map((value) => ({ valueCoding: codingOf(String(value)) }));
    return { linkId, text, type: "choice", answerOption };
  }
  const type = typeOf(node.type);
  const bounds = boundsOf(node, type);
  return { linkId, text, type, ...(bounds.length === 0 ? {} : { extension: bounds }) };
}

function codingOf(code: string): Coding {
  return { system: BACKPLAN_ANSWERS, code, display: code };
}

function typeOf(type: SchemaNode["type"]): QuestionnaireItem["type"] {
  const types = typeof type === "string" ? [type] : (type ?? []);
  if (types.includes("boolean")) return "boolean";
  if (types.includes("integer")) return "integer";
  if (types.includes("number")) return "decimal";
  return "string";
}

/** The schema's range as the standard minValue/maxValue extensions, so forms can enforce it. */
function boundsOf(node: SchemaNode, type: QuestionnaireItem["type"]): Extension[] {
  if (type !== "integer" && type !== "decimal") return [];
  const key = type === "integer" ? "valueInteger" : "valueDecimal";
  const bound = (name: string, value: number | undefined): Extension[] =>
    value === undefined ? [] : [{ url: `http://hl7.org/fhir/StructureDefinition/${name}`, [key]: value }];
  return [...bound("minValue", node.minimum), ...bound("maxValue", node.maximum)];
}
