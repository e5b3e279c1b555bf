import { isRecord } from "./mappings/values.js";

/** An answered item of a QuestionnaireResponse, nested or not, with where it sits in the Bundle. */
export interface ResponseItem {
  readonly linkId: string;
  readonly answers: readonly Readonly<Record<string, unknown>>[];
  readonly pointer: string;
}

/** Every item with answers, depth first (items nest under items and under answers). */
export function answeredItems(items: unknown, pointer: string): ResponseItem[] {
  if (!Array.isArray(items)) return [];
  return (items as unknown[]).flatMap((item, index) => {
    if (!isRecord(item)) return [];
    const at = `${pointer}/${String(index)}`;
    const answers = Array.isArray(item["answer"]) ? (item["answer"] as unknown[]).filter(isRecord) : [];
    const own: ResponseItem[] =
      typeof item["linkId"] === "string" && answers.length > 0
        ? [{ linkId: item["linkId"], answers, pointer: at }]
        : [];
    return [
      ...own,
      ...answeredItems(item["item"], `${at}/item`),
      ...answers.flatMap((answer, n) => answeredItems(answer["item"], `${at}/answer/${String(n)}/item`)),
    ];
  });
}
