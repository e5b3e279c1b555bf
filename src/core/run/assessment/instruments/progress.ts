import type { FactTable } from "../../facts/fact-table.js";
import type { Assessment } from "../../../generated/types.js";
import { odiPercent } from "./odi.js";
import { derivedFact, toOneDecimal } from "./scoring.js";
import type { Instrument } from "./types.js";

/** improved, unchanged or worse: whether a change reached the minimal important change. */
export type Change = "improved" | "unchanged" | "worse";

/**
 * The minimal important change (Ostelo et al., Spine 2008): a number of points, or a share of
 * the baseline with an absolute floor, so a change inside measurement error at a low baseline is
 * never counted (NPRS 1 → 0 is 100 % but 1 point).
 */
interface MinimalImportantChange {
  readonly points: number;
  readonly percent: number;
  readonly floor: number;
}

const ODI_MIC: MinimalImportantChange = { points: 10, percent: 30, floor: 5 };
const NPRS_MIC: MinimalImportantChange = { points: 2, percent: 30, floor: 1 };

const CHANGES: readonly Change[] = ["improved", "unchanged", "worse"];

/** Today's ODI %, as the ODI instrument scores it: from the items when answered, else as given. */
function odiToday(assessment: Assessment): number | undefined {
  const odi = assessment.questionnaires?.odi;
  if (odi?.items !== undefined) {
    const percent = odiPercent(odi.items);
    return percent === undefined ? undefined : toOneDecimal(percent);
  }
  return odi?.percent;
}

/**
 * How a score changed from baseline, as points (baseline − today: positive is better, since
 * higher ODI and NPRS are worse), as a percentage of the baseline (absent for a baseline of 0,
 * never infinite), and as improved / worse when either criterion is reached, else unchanged.
 *
 * @example changeOf(46, 30, ODI_MIC); // { points: 16, percent: 34.8, change: "improved" }
 */
export function changeOf(
  baseline: number,
  today: number,
  mic: MinimalImportantChange,
): { points: number; percent: number | undefined; change: Change } {
  const points = toOneDecimal(baseline - today);
  const percent = baseline === 0 ? undefined : toOneDecimal((points / baseline) * 100);
  const change = reaches(1, points, percent, mic)
    ? "improved"
    : reaches(-1, points, percent, mic)
      ? "worse"
      : "unchanged";
  return { points, percent, change };
}

/** Whether a change in the direction of `sign` (1: better) is at least the minimal important one. */
function reaches(sign: 1 | -1, points: number, percent: number | undefined, mic: MinimalImportantChange): boolean {
  return (
    sign * points >= mic.points ||
    (percent !== undefined && sign * percent >= mic.percent && sign * points >= mic.floor)
  );
}

/** Improved when one improved and neither is worse; worse when one is worse and neither improved. */
export function overallOf(changes: readonly Change[]): Change {
  const improved = changes.includes("improved");
  const worse = changes.includes("worse");
  if (improved && !worse) return "improved";
  if (worse && !improved) return "worse";
  return "unchanged";
}

function setChange(facts: FactTable, prefix: "odi" | "pain", result: ReturnType<typeof changeOf>): void {
  facts.set(`progress.${prefix}Change`, result.points);
  if (result.percent !== undefined) facts.set(`progress.${prefix}ChangePercent`, result.percent);
}

const changeFact = (name: string, what: string, collect: string[]) =>
  derivedFact({
    name,
    type: "number",
    description: `${what} since the first assessment, points (baseline − today: positive is better).`,
    collect,
  });
const percentFact = (name: string, what: string, collect: string[]) =>
  derivedFact({
    name,
    type: "number",
    description: `${what} since the first assessment, % of the baseline (absent for a baseline of 0).`,
    collect,
  });

const ODI_FIELDS = ["followUp.baseline.odiPercent", "questionnaires.odi.items"];
const PAIN_FIELDS = ["followUp.baseline.painIntensity", "pain.intensity"];

/**
 * Progress at a follow-up visit against the episode's baseline (reference §6.10). A fact with any
 * input absent is itself absent, and a gap it causes names the assessment fields to collect.
 * `progress.overall` needs both function and pain: with one unknown, whether the other's change
 * stands alone cannot be told.
 */
export const progress: Instrument = {
  name: "Progress since baseline",
  facts: [
    derivedFact({
      name: "visit",
      type: "string",
      enum: ["first", "follow-up"],
      description:
        "Which visit of the episode: follow-up when the assessment has followUp, else first. Always known, so a rule about follow-up never asks a first visit for a baseline.",
      collect: ["followUp.weeksSinceBaseline"],
    }),
    changeFact("progress.odiChange", "Change in ODI", ODI_FIELDS),
    percentFact("progress.odiChangePercent", "Change in ODI", ODI_FIELDS),
    changeFact("progress.painChange", "Change in pain (NPRS)", PAIN_FIELDS),
    percentFact("progress.painChangePercent", "Change in pain (NPRS)", PAIN_FIELDS),
    derivedFact({
      name: "progress.function",
      type: "string",
      enum: [...CHANGES],
      description:
        "Function since baseline: improved (ODI better by ≥ 10 points, or ≥ 30 % and ≥ 5 points; Ostelo 2008), worse (as much worse), else unchanged.",
      collect: ODI_FIELDS,
    }),
    derivedFact({
      name: "progress.pain",
      type: "string",
      enum: [...CHANGES],
      description:
        "Pain since baseline: improved (NPRS better by ≥ 2 points, or ≥ 30 % and ≥ 1 point; Ostelo 2008), worse (as much worse), else unchanged.",
      collect: PAIN_FIELDS,
    }),
    derivedFact({
      name: "progress.overall",
      type: "string",
      enum: [...CHANGES],
      description:
        "Overall: improved when function or pain improved and neither is worse; worse when either is worse and neither improved; else unchanged.",
      collect: [...ODI_FIELDS, ...PAIN_FIELDS],
    }),
  ],
  checks: [],
  derive(assessment, facts) {
    facts.set("visit", assessment.followUp === undefined ? "first" : "follow-up");
    const baseline = assessment.followUp?.baseline;
    if (baseline === undefined) return;
    const changes: Change[] = [];
    const odiNow = odiToday(assessment);
    if (baseline.odiPercent !== undefined && odiNow !== undefined) {
      const result = changeOf(baseline.odiPercent, odiNow, ODI_MIC);
      setChange(facts, "odi", result);
      facts.set("progress.function", result.change);
      changes.push(result.change);
    }
    const painNow = assessment.pain.intensity;
    if (baseline.painIntensity !== undefined && painNow !== undefined) {
      const result = changeOf(baseline.painIntensity, painNow, NPRS_MIC);
      setChange(facts, "pain", result);
      facts.set("progress.pain", result.change);
      changes.push(result.change);
    }
    if (changes.length === 2) facts.set("progress.overall", overallOf(changes));
  },
};
