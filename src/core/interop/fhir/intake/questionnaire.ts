import type { BundleResource } from "./bundle-index.js";
import { type FormFields, formFields } from "./instrument-form.js";
import { isRecord } from "./mappings/values.js";
import type { JsonObject as Json } from "../types.js";

/** The Questionnaires of one Bundle, each indexed once however many responses name it. */
export interface Questionnaires {
  /**
   * The Questionnaire a response's canonical names: contained (`#id`, or its url) first, then in
   * the Bundle by url (and version, when the canonical has one).
   */
  readonly find: (response: Json, url: string, version: string | undefined) => Json | undefined;
  /** linkId → the Questionnaire's item, over nested items; built on first use. */
  readonly itemsOf: (questionnaire: Json) => ReadonlyMap<string, Json>;
  /** Which field each item answers (instrument-form.ts); built on first use. */
  readonly fieldsOf: (questionnaire: Json) => FormFields;
  /** What `answerValueSet` names: a ValueSet contained in the Questionnaire (`#id`), else in the Bundle by url. */
  readonly valueSet: (questionnaire: Json, reference: string) => Json | undefined;
  /** A CodeSystem of the Bundle by url (the SDC IG scores answers with its concepts' `itemWeight` property). */
  readonly codeSystem: (url: string) => Json | undefined;
}

/**
 * An index of the Bundle's Questionnaires by url and version, and a cache of their items, so a
 * Bundle of many responses to one large Questionnaire is read in linear time. Made per Bundle:
 * nothing is kept between calls.
 */
export function indexQuestionnaires(bundle: readonly BundleResource[]): Questionnaires {
  const byUrl = new Map<string, Json[]>();
  const terminology = new Map<string, Json>();
  for (const { resource } of bundle) {
    const url = resource["url"];
    if (typeof url !== "string") continue;
    const type = resource["resourceType"];
    // The first of a url wins: two versions of one ValueSet are not told apart here.
    if ((type === "ValueSet" || type === "CodeSystem") && !terminology.has(`${type} ${url}`))
      terminology.set(`${type} ${url}`, resource);
    if (type !== "Questionnaire") continue;
    const same = byUrl.get(url);
    if (same === undefined) byUrl.set(url, [resource]);
    else same.push(resource);
  }
  const items = new WeakMap<Json, ReadonlyMap<string, Json>>();
  const fields = new WeakMap<Json, FormFields>();
  const itemsOf = (questionnaire: Json): ReadonlyMap<string, Json> => {
    const known = items.get(questionnaire);
    if (known !== undefined) return known;
    const found = itemsByLinkId(questionnaire["item"]);
    items.set(questionnaire, found);
    return found;
  };
  return {
    find(response, url, version) {
      const contained = containedOf(response, "Questionnaire");
      const matches = (candidate: Json): boolean =>
        candidate["url"] === url && (version === undefined || candidate["version"] === version);
      return (
        contained.find(
          (candidate) => (url.startsWith("#") && candidate["id"] === url.slice(1)) || matches(candidate),
        ) ?? byUrl.get(url)?.find(matches)
      );
    },
    itemsOf,
    fieldsOf(questionnaire) {
      const known = fields.get(questionnaire);
      if (known !== undefined) return known;
      const found = formFields(questionnaire, itemsOf(questionnaire));
      fields.set(questionnaire, found);
      return found;
    },
    valueSet(questionnaire, reference) {
      const [url] = reference.split("|");
      if (url === undefined) return undefined;
      if (url.startsWith("#")) return containedOf(questionnaire, "ValueSet").find((set) => set["id"] === url.slice(1));
      return (
        containedOf(questionnaire, "ValueSet").find((set) => set["url"] === url) ?? terminology.get(`ValueSet ${url}`)
      );
    },
    codeSystem: (url) => terminology.get(`CodeSystem ${url}`),
  };
}

function containedOf(resource: Json, type: string): Json[] {
  const contained = resource["contained"];
  return Array.isArray(contained)
    ? (contained as unknown[]).filter(
        (candidate): candidate is Json => isRecord(candidate) && candidate["resourceType"] === type,
      )
    : [];
}

/** linkId → the Questionnaire item, over nested items. */
function itemsByLinkId(items: unknown, found = new Map<string, Json>()): Map<string, Json> {
  if (!Array.isArray(items)) return found;
  for (const item of (items as unknown[]).filter(isRecord)) {
    if (typeof item["linkId"] === "string") found.set(item["linkId"], item);
    itemsByLinkId(item["item"], found);
  }
  return found;
}
