import type { FactDefinition } from "../../core/run/facts/types.js";

/** How a fact is named in plain language: `pain duration`, with its values shown in `weeks`. */
export interface FactLabel {
  readonly label: string;
  /** Written after a number compared with the fact: `≥ 12 weeks`, `≥ 2 of 6`, `≥ 40%`. */
  readonly unit?: string;
}

/**
 * Names for the facts whose catalog description is a sentence or a note rather than a name
 * ("Total score; an alternative to items.", "Duration of the current episode in weeks (1.4 =
 * ten days)."). Every other fact is named by its description's first phrase (`labelOf`), so a
 * new field or instrument is readable without an entry here.
 */
const LABELS: Readonly<Record<string, FactLabel>> = {
  "patient.age": { label: "age", unit: "years" },
  "pain.durationWeeks": { label: "pain duration", unit: "weeks" },
  "pain.intensity": { label: "pain intensity (NPRS)", unit: "of 10" },
  "pain.legPain": { label: "leg pain" },
  "history.previousEpisodes": { label: "earlier episodes" },
  "history.failedTreatments": { label: "treatments that did not help" },
  "history.lumbarSurgeryWeeksAgo": { label: "time since the most recent lumbar spine surgery", unit: "weeks" },
  "redFlags.bladderOrBowelDysfunction": { label: "new bladder or bowel dysfunction" },
  "redFlags.bilateralLegSymptoms": { label: "new or worsening bilateral neurological leg symptoms" },
  "redFlags.progressiveNeurologicalDeficit": { label: "progressive neurological deficit" },
  "redFlags.fever": { label: "fever (≥ 38 °C, or systemically unwell)" },
  "inflammatory.ageAtOnset": { label: "age at onset", unit: "years" },
  "questionnaires.startBack.total": { label: "STarT Back total as given" },
  "questionnaires.startBack.psychosocial": { label: "STarT Back psychosocial subscore as given" },
  "questionnaires.odi.percent": { label: "ODI as given", unit: "%" },
  "questionnaires.phq9.total": { label: "PHQ-9 total as given" },
  "questionnaires.phq9.item9": { label: "PHQ-9 item 9 as given" },
  "questionnaires.gad7.total": { label: "GAD-7 total as given" },
  "questionnaires.fabq.physicalActivity": { label: "FABQ physical activity subscale" },
  "questionnaires.fabq.work": { label: "FABQ work subscale" },
  "questionnaires.tsk.total": { label: "TSK-17 total" },
  "examination.movementControl.positiveTests": { label: "positive movement control tests", unit: "of 6" },
  "examination.directionalPreference": { label: "directional preference" },
  "examination.neurologicalDeficit": { label: "neurological deficit on examination" },
  "medications.current": { label: "medicines taken now" },
  "comorbidities.chronicKidneyDisease": { label: "chronic kidney disease" },
  "work.status": { label: "work status" },
  "work.weeksOffWork": { label: "time off work", unit: "weeks" },
  "work.physicallyDemanding": { label: "physically demanding job" },
  "investigations.imagingConcordant": { label: "imaging done, matching the leg symptoms" },
  "followUp.weeksSinceBaseline": { label: "time since the first assessment", unit: "weeks" },
  "followUp.baseline.odiPercent": { label: "ODI at the first assessment", unit: "%" },
  "followUp.baseline.painIntensity": { label: "pain intensity at the first assessment", unit: "of 10" },
  "followUp.baseline.startBackTotal": { label: "STarT Back total at the first assessment" },
  "followUp.baseline.phq9Total": { label: "PHQ-9 total at the first assessment" },
  "followUp.sessionsAttended": { label: "supervised sessions attended" },
  "followUp.adherence": { label: "adherence to the home programme" },
  "followUp.previousComponents": { label: "components of the last plan" },
  visit: { label: "visit" },
  "progress.odiChange": { label: "ODI change since the first assessment", unit: "points" },
  "progress.odiChangePercent": { label: "ODI change since the first assessment", unit: "%" },
  "progress.painChange": { label: "pain change since the first assessment", unit: "points" },
  "progress.painChangePercent": { label: "pain change since the first assessment", unit: "%" },
  "progress.function": { label: "function since the first assessment" },
  "progress.pain": { label: "pain since the first assessment" },
  "progress.overall": { label: "progress since the first assessment" },
  "lifestyle.bmi": { label: "BMI", unit: "kg/m²" },
  "lifestyle.heightCm": { label: "height", unit: "cm" },
  "lifestyle.weightKg": { label: "weight", unit: "kg" },
  "lifestyle.activityMinutesPerWeek": { label: "moderate activity", unit: "minutes a week" },
  "lifestyle.sittingHoursPerDay": { label: "sitting", unit: "hours a day" },
  "lifestyle.sleepHoursPerNight": { label: "sleep", unit: "hours a night" },
  "preferences.setting": { label: "preferred exercise setting" },
  "preferences.requestedTreatments": { label: "treatments the patient asks for" },
  "preferences.declinedTreatments": { label: "treatments the patient declines" },
  chronicity: { label: "chronicity" },
  "startBack.total": { label: "STarT Back total" },
  "startBack.risk": { label: "STarT Back risk group" },
  "odi.percent": { label: "ODI", unit: "%" },
  "phq9.total": { label: "PHQ-9 total" },
  "phq9.severity": { label: "PHQ-9 severity" },
  "phq9.item9": { label: "PHQ-9 item 9 (thoughts of self-harm)" },
  "gad7.total": { label: "GAD-7 total" },
  "gad7.severity": { label: "GAD-7 severity" },
  "redFlags.present": { label: "red flags present" },
  "redFlags.count": { label: "number of red flags" },
  "axialSpa.features": { label: "axial spondyloarthritis features (NICE NG65)" },
  "flynnCpr.criteriaMet": { label: "Flynn manipulation rule criteria met", unit: "of 5" },
  "lifestyle.bmiClass": { label: "BMI class" },
  "lifestyle.meetsActivityGuideline": { label: "meets the activity guideline (150 minutes a week)" },
  profile: { label: "the profile" },
  "plan.components": { label: "components already in the plan" },
  "plan.categories": { label: "categories already in the plan" },
};

/**
 * The plain-language name of a fact: the table above, else its description's first phrase
 * (up to the first `.`, `:`, `;` or ` (`), lower-cased unless it starts with an acronym, else
 * its dotted name.
 *
 * @example labelOf("redFlags.saddleAnaesthesia", facts); // { label: "saddle anaesthesia" } ("Saddle anaesthesia (cauda equina sign).")
 */
export function labelOf(fact: string, facts: ReadonlyMap<string, FactDefinition>): FactLabel {
  const known = LABELS[fact];
  if (known !== undefined) return known;
  const phrase = firstPhrase(facts.get(fact)?.description ?? "");
  return { label: phrase === "" ? fact : inSentence(phrase) };
}

function firstPhrase(description: string): string {
  return (description.split(/\.(?:\s|$)|[:;]|\s\(/)[0] ?? "").trim();
}

/**
 * A name as it reads inside a sentence: `Mental health referral` → `mental health referral`,
 * while `STarT Back total`, `BMI` and `CBT approach` keep their capitals.
 */
export function inSentence(name: string): string {
  return /^[A-Z][^A-Z]/.test(name) && !/^[A-Z][a-z]*[A-Z]/.test(name.split(" ")[0] ?? "")
    ? name.charAt(0).toLowerCase() + name.slice(1)
    : name;
}
