/**
 * A patient's episode as a series over time, for a chart: ODI % and pain (NPRS) per visit date,
 * and the dates backplan's CarePlans began. The intake (index.ts) reads one visit; this reads
 * every visit the record holds, with the same carriers, so a result counts here exactly when it
 * would count there.
 */
import { isDate } from "../../../calendar.js";
import { odiPercent } from "../../../run/assessment/instruments/odi.js";
import { toOneDecimal } from "../../../run/assessment/instruments/scoring.js";
import { carePlanDate, isBackplanCarePlan } from "./backplan-care-plan.js";
import { type BundleResource, indexBundle } from "./bundle-index.js";
import type { Finding } from "./finding.js";
import { activeCarePlans } from "./follow-up.js";
import { readObservation } from "./observation.js";
import { indexQuestionnaires } from "./questionnaire.js";
import { readQuestionnaireResponse } from "./questionnaire-response.js";
import { resultDays } from "./recency.js";
import { aboutThePatient } from "./subject.js";
import type { JsonObject as Json } from "../types.js";

/** One visit date's results. */
export interface EpisodePoint {
  /** `YYYY-MM-DD`, the date of the results as the sender wrote it (its local date). */
  readonly date: string;
  /** ODI %, 0–100: the coded score, or scored from the ODI items of backplan's Questionnaire. */
  readonly odiPercent?: number;
  /** Pain 0–10 (NPRS). */
  readonly painIntensity?: number;
  /** The resources the values came from, `Type/id`. */
  readonly sources: string[];
}

/** A backplan CarePlan of the record and the date it began (`period.start`, else `created`). */
export interface EpisodePlanChange {
  readonly date: string;
  /** `Type/id`. */
  readonly carePlan: string;
}

export interface EpisodeSeries {
  /** One per date with an ODI or pain result, in date order. */
  readonly points: EpisodePoint[];
  /** backplan's CarePlans in date order (then by `Type/id`). */
  readonly planChanges: EpisodePlanChange[];
}

export interface EpisodeOptions {
  /** The last day of the series, `YYYY-MM-DD` (today's visit); later results and plans are left out. Default: no end. */
  readonly assessedOn?: string;
}

/** A dated finding of a result resource. */
export interface DatedFinding {
  readonly finding: Finding;
  readonly date: string;
}

/**
 * The ODI and pain results of a patient's record by visit date, and backplan's CarePlans by the
 * date they began: the data of a progress chart. Pure: no clock, no I/O. A result is placed on its
 * day (Observation.effective[x], QuestionnaireResponse.authored, as written); a result dated only
 * to a month or year, or undated, has no visit date and is left out, as is anything after
 * `assessedOn`, withdrawn (entered in error), or about someone other than the Bundle's patient.
 * Two results of one day that disagree give no value for that day (neither is guessed; the
 * intake reports such a conflict). Input that is not a readable Bundle, or an `assessedOn` that
 * is not a date, gives an empty series.
 *
 * @example
 * const { points, planChanges } = episodeSeries(bundle, { assessedOn: "2026-11-23" });
 * // points: [{ date: "2026-08-31", odiPercent: 46, painIntensity: 6, sources: [...] }, ...]
 */
export function episodeSeries(bundle: unknown, options: EpisodeOptions = {}): EpisodeSeries {
  const empty: EpisodeSeries = { points: [], planChanges: [] };
  const assessedOn = options.assessedOn;
  if (assessedOn !== undefined && (typeof assessedOn !== "string" || !isDate(assessedOn))) return empty;
  const indexed = indexBundle(bundle);
  if (!indexed.ok) return empty;
  const about = aboutThePatient(indexed.index.resources);
  if (about.issues.some((issue) => issue.severity === "error")) return empty;
  const inRange = (date: string): boolean => assessedOn === undefined || date <= assessedOn;
  const byDate = new Map<string, { odi: DatedFinding[]; pain: DatedFinding[]; odiItems: DatedFinding[] }>();
  for (const dated of datedFindings(about.resources)) {
    if (!inRange(dated.date)) continue;
    const kind =
      dated.finding.field === "questionnaires.odi.percent"
        ? "odi"
        : dated.finding.field === "pain.intensity"
          ? "pain"
          : dated.finding.field.startsWith("questionnaires.odi.items[")
            ? "odiItems"
            : undefined;
    if (kind === undefined) continue;
    const day = byDate.get(dated.date) ?? { odi: [], pain: [], odiItems: [] };
    day[kind].push(dated);
    byDate.set(dated.date, day);
  }
  const points: EpisodePoint[] = [];
  for (const [date, day] of [...byDate].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const odi = agreed([...day.odi.map(numberOf), ...scoredOdi(day.odiItems)]);
    const pain = agreed(day.pain.map(numberOf));
    if (odi === undefined && pain === undefined) continue;
    points.push({
      date,
      ...(odi === undefined ? {} : { odiPercent: odi.value }),
      ...(pain === undefined ? {} : { painIntensity: pain.value }),
      sources: [...new Set([...(odi?.sources ?? []), ...(pain?.sources ?? [])])],
    });
  }
  const find = finder(about.resources);
  const planChanges = about.resources
    .filter((source) => isBackplanCarePlan(source, find))
    .flatMap((source) => {
      const date = carePlanDate(source.resource);
      return date === undefined || !inRange(date) ? [] : [{ date, carePlan: source.label }];
    })
    .sort((a, b) => (a.date === b.date ? a.carePlan.localeCompare(b.carePlan) : a.date < b.date ? -1 : 1));
  return { points, planChanges };
}

/**
 * The active CarePlan made by backplan that a visit on `assessedOn` follows (the latest begun on
 * or before it; see follow-up.ts), as the record holds it; `undefined` when there is none or the
 * input is not a readable Bundle. A CDS service revises this one rather than proposing a second.
 */
export function activeBackplanCarePlan(bundle: unknown, options: EpisodeOptions = {}): Json | undefined {
  const indexed = indexBundle(bundle);
  if (!indexed.ok) return undefined;
  const about = aboutThePatient(indexed.index.resources);
  if (about.issues.some((issue) => issue.severity === "error")) return undefined;
  return activeCarePlans(about.resources, options.assessedOn, finder(about.resources))[0]?.source.resource;
}

/** A resource of the patient's resources by `Type/id` or by its entry's fullUrl. */
function finder(resources: readonly BundleResource[]): (reference: string) => Json | undefined {
  const byReference = new Map<string, Json>();
  for (const source of resources) {
    byReference.set(source.label, source.resource);
    if (source.fullUrl !== undefined) byReference.set(source.fullUrl, source.resource);
  }
  return (reference) => byReference.get(reference.replace(/\/_history\/[^/]+$/, ""));
}

/**
 * The findings of every Observation and QuestionnaireResponse dated to a day, with that day
 * (the intake's carriers; warnings are the intake's to give, so none here).
 */
export function datedFindings(resources: readonly BundleResource[]): DatedFinding[] {
  const questionnaires = indexQuestionnaires(resources);
  return resources.flatMap((source) => {
    const reading =
      source.type === "Observation"
        ? readObservation(source)
        : source.type === "QuestionnaireResponse"
          ? readQuestionnaireResponse(source, questionnaires)
          : undefined;
    const days = reading === undefined ? undefined : resultDays(source.resource);
    if (reading === undefined || days === undefined || days.first !== days.last) return [];
    return reading.findings.map((finding) => ({ finding, date: days.first }));
  });
}

interface Valued {
  readonly value: number;
  readonly sources: readonly string[];
}

function numberOf({ finding }: DatedFinding): Valued | undefined {
  return typeof finding.value === "number" ? { value: finding.value, sources: [finding.source.label] } : undefined;
}

/** ODI % scored from each resource's ODI items (as the ODI instrument scores them), one per resource. */
function scoredOdi(items: readonly DatedFinding[]): (Valued | undefined)[] {
  const byResource = new Map<string, (number | null)[]>();
  for (const { finding } of items) {
    const index = Number(/\[(\d+)\]$/.exec(finding.field)?.[1]);
    const answers = byResource.get(finding.source.label) ?? Array.from({ length: 10 }, () => null);
    if (index < answers.length && typeof finding.value === "number") answers[index] = finding.value;
    byResource.set(finding.source.label, answers);
  }
  return [...byResource].map(([label, answers]) => {
    const percent = odiPercent(answers);
    return percent === undefined ? undefined : { value: toOneDecimal(percent), sources: [label] };
  });
}

/** The value all readings agree on, with every source; none when they disagree or none was readable. */
function agreed(values: readonly (Valued | undefined)[]): Valued | undefined {
  const usable = values.filter((value): value is Valued => value !== undefined);
  const [first] = usable;
  if (first === undefined || usable.some((value) => value.value !== first.value)) return undefined;
  return { value: first.value, sources: [...new Set(usable.flatMap((value) => value.sources))] };
}
