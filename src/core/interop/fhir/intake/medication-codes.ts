/**
 * The medication codes the intake reads: WHO ATC (`http://www.whocc.no/atc`) classes and
 * substances, each entry a code prefix (`M01AE` is every propionic acid NSAID; a seven-character
 * code is one substance or combination). ATC codes carry their class in the code itself, so a
 * prefix is a class; RxNorm (US records, Synthea) has no hierarchy in its codes and would need a
 * terminology server or an explicit list of clinical drugs, so it is not read. Only codes seen in
 * a cited source are here; left out as unverified: the other N02AJ opioid combinations (codeine
 * or tramadol with an NSAID, oxycodone with aspirin or ibuprofen), N02AA58 (dihydrocodeine
 * combinations), N02AX52 (tramadol combinations), N07BC51 (buprenorphine combinations).
 */

/** The kinds of medicine of `medications.current` (schemas/assessment.schema.json). */
export type MedicineKind =
  | "nsaid"
  | "paracetamol"
  | "weak-opioid"
  | "strong-opioid"
  | "gabapentinoid"
  | "antidepressant"
  | "muscle-relaxant"
  | "benzodiazepine"
  | "oral-corticosteroid";

/** A boolean field set to `true` by any medication whose ATC code starts with one of `atc`. */
export interface MedicationFlag {
  readonly field: string;
  readonly atc: readonly string[];
}

export const medicationFlags: readonly MedicationFlag[] = [
  {
    // "Warfarin, DOAC or heparin" (assessment spec): B01AA vitamin K antagonists, B01AB heparin
    // group, B01AE direct thrombin inhibitors, B01AF direct factor Xa inhibitors. Not B01AC
    // (platelet aggregation inhibitors: aspirin, clopidogrel), which the field does not mean.
    field: "medications.anticoagulant",
    atc: ["B01AA", "B01AB", "B01AE", "B01AF"],
  },
];

/** The kinds of `medications.current` a medication is, by ATC prefix; a combination is each of its kinds. */
const medicineKinds: Readonly<Record<MedicineKind, readonly string[]>> = {
  // M01A non-steroidal anti-inflammatories taken systemically: butylpyrazolidines (M01AA),
  // acetic acid derivatives (M01AB, diclofenac), oxicams (M01AC), propionic acids (M01AE,
  // ibuprofen, naproxen), fenamates (M01AG), coxibs (M01AH), and of M01AX (other) only
  // nabumetone (M01AX01): the rest of M01AX is glucosamine, chondroitin, diacerein, not NSAIDs.
  // Not topical NSAIDs (M02AA), nor aspirin (B01AC06 antiplatelet, N02BA01 analgesic), which the
  // field does not mean.
  nsaid: ["M01AA", "M01AB", "M01AC", "M01AE", "M01AG", "M01AH", "M01AX01"],
  // N02BE01 paracetamol; N02AJ01, N02AJ06, N02AJ13, N02AJ17: dihydrocodeine, codeine, tramadol
  // and oxycodone each with paracetamol (ATC since 2015; earlier co-codamol was N02AA59).
  paracetamol: ["N02BE01", "N02AJ01", "N02AJ06", "N02AJ13", "N02AJ17"],
  // Codeine (R05DA04, its only single-substance code; N02AA59 its analgesic combinations),
  // dihydrocodeine (N02AA08), tramadol (N02AX02), and their combinations with paracetamol.
  "weak-opioid": ["R05DA04", "N02AA59", "N02AA08", "N02AX02", "N02AJ01", "N02AJ06", "N02AJ13"],
  // Morphine (N02AA01, combinations N02AA51), hydromorphone (N02AA03), oxycodone (N02AA05,
  // with naloxone N02AA55, with paracetamol N02AJ17), phenylpiperidines (N02AB: fentanyl,
  // pethidine), buprenorphine (N02AE01; N07BC01 for opioid dependence), tapentadol
  // (N02AX06), methadone (N07BC02).
  "strong-opioid": [
    "N02AA01",
    "N02AA51",
    "N02AA03",
    "N02AA05",
    "N02AA55",
    "N02AJ17",
    "N02AB",
    "N02AE01",
    "N07BC01",
    "N02AX06",
    "N07BC02",
  ],
  // Gabapentin and pregabalin: N03AX12 and N03AX16 (antiepileptics), N02BF01 and N02BF02 (the
  // gabapentinoids' own group since ATC 2023); a record may carry either.
  gabapentinoid: ["N03AX12", "N03AX16", "N02BF01", "N02BF02"],
  // N06A antidepressants, whatever they are taken for (amitriptyline N06AA09, duloxetine N06AX21).
  antidepressant: ["N06A"],
  // M03B centrally acting muscle relaxants (methocarbamol, baclofen, tizanidine, cyclobenzaprine).
  "muscle-relaxant": ["M03B"],
  // N05BA anxiolytic and N05CD hypnotic benzodiazepines, N03AE clonazepam; not the Z-drugs (N05CF).
  benzodiazepine: ["N05BA", "N05CD", "N03AE"],
  // H02AB systemic glucocorticoids (prednisolone, dexamethasone). The route is not read, so an
  // H02AB given by injection counts too; not H02AA (mineralocorticoids), inhaled or topical ones.
  "oral-corticosteroid": ["H02AB"],
};

/** The kinds an ATC code is, in the schema's order. */
export function kindsOf(code: string): MedicineKind[] {
  return (Object.keys(medicineKinds) as MedicineKind[]).filter((kind) =>
    medicineKinds[kind].some((prefix) => code.startsWith(prefix)),
  );
}
