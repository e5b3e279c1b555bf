/**
 * The Condition codes the intake reads: which diagnosis sets which assessment flag to `true`.
 * Only codes verified against a cited source are here (notes: fhir-research.md, section 2);
 * subtypes would need a terminology server, so the list is explicit. Left out as unverified:
 * ICD-10 M80/M81 (osteoporosis), D84.821 (immunosuppression), Z79.52 (corticosteroids), L40 (psoriasis).
 */
import { ICD10CM, SNOMED } from "./systems.js";

/** One code, or (ICD-10-CM) every code whose three-character category is in `from`–`to`. */
export type ConditionCode =
  | { readonly system: string; readonly code: string }
  | { readonly system: string; readonly categories: { readonly from: string; readonly to: string } };

/** A flag a Condition can only ever set to `true`: no Condition is missing data, never `false`. */
export interface ConditionFlag {
  /** Dotted assessment path. */
  readonly field: string;
  /** Whether an inactive, remission or resolved Condition still counts: a past cancer is a history of cancer. */
  readonly countsWhenResolved: boolean;
  readonly codes: readonly ConditionCode[];
}

export const conditionFlags: readonly ConditionFlag[] = [
  {
    field: "redFlags.historyOfCancer",
    countsWhenResolved: true,
    codes: [
      // ICD-10-CM chapter 2, malignant neoplasms (C4A, C7A, C7B fall inside the range).
      { system: ICD10CM, categories: { from: "C00", to: "C97" } },
      // Z85 Personal history of malignant neoplasm: billingncoding.com/icd10cm-code/z85.
      { system: ICD10CM, categories: { from: "Z85", to: "Z85" } },
      // Malignant neoplastic disease (disorder): hl7.org/fhir/STU3/condition-example-f202-malignancy.html.
      { system: SNOMED, code: "363346000" },
      // Metastatic malignant neoplasm; history of metastatic malignant neoplasm (situation): mCODE STU3 examples.
      { system: SNOMED, code: "128462008" },
      { system: SNOMED, code: "1287652008" },
    ],
  },
  {
    // A resolved osteoporosis is the clinician saying the bone is no longer fragile: only active counts.
    field: "redFlags.osteoporosis",
    countsWhenResolved: false,
    // Osteoporosis (disorder): CH LAB-Order ValueSet normal-contexts-vitamin-d ("is-a 64859006").
    codes: [{ system: SNOMED, code: "64859006" }],
  },
];

/** `C50.911` → `C50`; `undefined` for what is not shaped like an ICD-10-CM code. */
function categoryOf(code: string): string | undefined {
  return /^[A-Z]\d[\dA-Z](?:\.?[\dA-Z]{1,4})?$/.test(code) ? code.slice(0, 3) : undefined;
}

/** Whether a coding is one of `codes`, by system and code only (a display is never read). */
export function matchesCode(codes: readonly ConditionCode[], system: unknown, code: unknown): boolean {
  if (typeof system !== "string" || typeof code !== "string") return false;
  const category = categoryOf(code);
  return codes.some((entry) =>
    "code" in entry
      ? entry.system === system && entry.code === code
      : entry.system === system &&
        category !== undefined &&
        category >= entry.categories.from &&
        category <= entry.categories.to,
  );
}
