/**
 * The Condition codes the intake reads: which diagnosis sets which assessment flag to `true`.
 * Only codes verified against a cited source are here (notes: fhir-research.md, section 2);
 * subtypes would need a terminology server, so the list is explicit. Left out as unverified:
 * ICD-10 M80/M81 (osteoporosis), D84.821 (immunosuppression), Z79.52 (corticosteroids), L40 (psoriasis),
 * Z87.11 (history of peptic ulcer), SNOMED 51868009 (duodenal ulcer) and the CKD stages' own codes.
 * Sources of the SNOMED CT codes below: FHIR IGs (Swiss CH CRL, GECCO) and public codelists
 * (OpenSAFELY-style, OMOP concept sets) that give each code with its fully specified name.
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
  {
    // "History of GI bleeding or peptic ulcer": a healed ulcer is that history, so it counts.
    field: "comorbidities.gastrointestinalBleedOrUlcer",
    countsWhenResolved: true,
    codes: [
      // ICD-10-CM K25 gastric, K26 duodenal, K27 peptic (site unspecified), K28 gastrojejunal ulcer.
      { system: ICD10CM, categories: { from: "K25", to: "K28" } },
      // K92.0 haematemesis, K92.1 melaena, K92.2 gastrointestinal haemorrhage, unspecified.
      { system: ICD10CM, code: "K92.0" },
      { system: ICD10CM, code: "K92.1" },
      { system: ICD10CM, code: "K92.2" },
      // Peptic ulcer (disorder): CH CRL IG; gastric ulcer (disorder); gastrointestinal hemorrhage (disorder).
      { system: SNOMED, code: "13200003" },
      { system: SNOMED, code: "397825006" },
      { system: SNOMED, code: "74474003" },
    ],
  },
  {
    // Kidney function is a state now: a CKD the clinician marks resolved does not count.
    field: "comorbidities.chronicKidneyDisease",
    countsWhenResolved: false,
    codes: [
      // ICD-10-CM N18 chronic kidney disease (N18.1–N18.9, stages and ESRD).
      { system: ICD10CM, categories: { from: "N18", to: "N18" } },
      // Chronic kidney disease (disorder): GECCO IG.
      { system: SNOMED, code: "709044004" },
    ],
  },
  {
    // "Heart failure, ischaemic heart disease, stroke or TIA": a past infarction or stroke is
    // the risk an NSAID raises, so a resolved one counts.
    field: "comorbidities.cardiovascularDisease",
    countsWhenResolved: true,
    codes: [
      // ICD-10-CM I20–I25 ischaemic heart diseases (I25.2 old MI), I50 heart failure, I63
      // cerebral infarction (WHO ICD-10's I64 has no ICD-10-CM code), Z86.73 personal history of
      // TIA and cerebral infarction without residual deficits.
      { system: ICD10CM, categories: { from: "I20", to: "I25" } },
      { system: ICD10CM, categories: { from: "I50", to: "I50" } },
      { system: ICD10CM, categories: { from: "I63", to: "I63" } },
      { system: ICD10CM, code: "Z86.73" },
      // G45 transient cerebral ischaemic attacks, but not G45.4 transient global amnesia, which
      // is not vascular.
      { system: ICD10CM, code: "G45.0" },
      { system: ICD10CM, code: "G45.1" },
      { system: ICD10CM, code: "G45.2" },
      { system: ICD10CM, code: "G45.3" },
      { system: ICD10CM, code: "G45.8" },
      { system: ICD10CM, code: "G45.9" },
      // Heart failure, ischemic heart disease, myocardial infarction, cerebrovascular accident,
      // transient ischemic attack (each "(disorder)").
      { system: SNOMED, code: "84114007" },
      { system: SNOMED, code: "414545008" },
      { system: SNOMED, code: "22298006" },
      { system: SNOMED, code: "230690007" },
      { system: SNOMED, code: "266257000" },
    ],
  },
  {
    // Asthma alone (J45) is not sensitivity to NSAIDs: only a code that says aspirin-induced.
    // ICD-10-CM has none (J45 with Z88.6 "allergy status to analgesic agent" would be any
    // analgesic, a pairing of two Conditions; an AllergyIntolerance is not read). A sensitivity
    // does not go away, so a resolved one counts.
    field: "comorbidities.asthmaNsaidSensitive",
    countsWhenResolved: true,
    // Aspirin-induced asthma (disorder): NHS asthma codelists. Not 233683003, "Hay fever with asthma".
    codes: [{ system: SNOMED, code: "407674008" }],
  },
];

/** `C50.911` → `C50`; `undefined` for what is not shaped like an ICD-10-CM code. */
function categoryOf(code: string): string | undefined {
  return /^[A-Z]\d[\dA-Z](?:\.?[\dA-Z]{1,4})?$/.test(code) ? code.slice(0, 3) : undefined;
}

/** An ICD-10-CM code with or without its dot (`K92.2`, `K922`); other systems' codes as written. */
function comparable(system: string, code: string): string {
  return system === ICD10CM && categoryOf(code) !== undefined ? code.replace(".", "") : code;
}

/** Whether a coding is one of `codes`, by system and code only (a display is never read). */
export function matchesCode(codes: readonly ConditionCode[], system: unknown, code: unknown): boolean {
  if (typeof system !== "string" || typeof code !== "string") return false;
  const category = categoryOf(code);
  return codes.some((entry) =>
    "code" in entry
      ? entry.system === system && comparable(system, entry.code) === comparable(system, code)
      : entry.system === system &&
        category !== undefined &&
        category >= entry.categories.from &&
        category <= entry.categories.to,
  );
}
