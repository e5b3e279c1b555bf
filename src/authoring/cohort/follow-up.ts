import { odiPercent } from "../../core/run/assessment/instruments/odi.js";
import { startBackScores } from "../../core/run/assessment/instruments/start-back.js";
import type { Assessment } from "../../core/generated/types.js";
import { compact, nonEmpty, pick, recorded, spread } from "./draw.js";
import type { Person } from "./person.js";
import { population } from "./population.js";
import type { Random } from "./random.js";

type FollowUp = NonNullable<Assessment["followUp"]>;
type Odi = NonNullable<NonNullable<Assessment["questionnaires"]>["odi"]>;
type Adherence = NonNullable<FollowUp["adherence"]>;
/** How the episode went since the first assessment (see `population.followUp.trajectory`). */
export type Trajectory = "responder" | "non-responder" | "worse";
type Range = readonly [min: number, max: number];
/** What worsened, for a trajectory "worse". */
type Worsened = "function" | "pain" | "both";

/** What the patient scored at the first assessment of the episode, recorded or not. */
interface Baseline {
  readonly odiPercent: number;
  readonly painIntensity: number;
  readonly startBackTotal: number;
  readonly phq9Total: number;
}

/**
 * The assessment as a follow-up visit for `population.followUp.share` of patients, else as it
 * was. Drawn after every first-visit field, so a first visit is the same with or without this.
 * At a follow-up the first-visit pain, ODI and duration become the baseline, and today's follow
 * a trajectory: pain and ODI change by it, the episode is longer by the weeks since.
 */
export function asVisit(person: Person, first: Assessment): Assessment {
  const { random } = person;
  const spec = population.followUp;
  if (!random.chance(spec.share)) return first;
  const trajectory = pick(random, spec.trajectory);
  const weeks = recorded(random, spec.weeksSinceBaseline);
  const worsened = trajectory === "worse" ? pick(random, spec.worse.which) : undefined;
  const baseline = baselineOf(person, first, trajectory);
  const odi = first.questionnaires?.odi;
  const odiNow = odi && odiAt(random, odi, odiToday(random, trajectory, worsened, baseline.odiPercent));
  const painIntensity =
    first.pain.intensity === undefined ? undefined : painToday(random, trajectory, worsened, baseline.painIntensity);
  const adherence = pick(random, spec.adherence.byTrajectory[trajectory]);
  const components = previousComponents(random, person, first, baseline);
  const sessions = sessionsAttended(random, weeks, adherence, components);
  const followUp = compact<FollowUp>({
    weeksSinceBaseline: random.absent(spec.weeksSinceBaseline.missing) ? undefined : weeks,
    baseline: random.absent(spec.baseline.missing) ? undefined : recordedBaseline(random, baseline),
    sessionsAttended: random.absent(spec.sessions.missing) ? undefined : sessions,
    adherence: random.absent(spec.adherence.missing) ? undefined : adherence,
    previousComponents: random.absent(spec.previousComponents.missing) ? undefined : components,
  });
  const { questionnaires } = first;
  return {
    ...first,
    pain: compact({
      ...first.pain,
      durationWeeks: Math.round((first.pain.durationWeeks + weeks) * 10) / 10,
      intensity: painIntensity,
    }),
    ...(questionnaires && odiNow ? { questionnaires: { ...questionnaires, odi: odiNow } } : {}),
    followUp,
  };
}

/**
 * The first assessment's scores: the pain and ODI drawn for the first visit where they were
 * recorded (else drawn as at a first visit), STarT Back and PHQ-9 near today's by trajectory.
 */
function baselineOf(person: Person, first: Assessment, trajectory: Trajectory): Baseline {
  const { random, distress, severity } = person;
  const spec = population.followUp.baseline;
  const q = population.questionnaires;
  const odi = first.questionnaires?.odi;
  const odiThen = odi && (odi.items === undefined ? odi.percent : odiPercent(odi.items));
  const startBack = first.questionnaires?.startBack;
  const startBackNow =
    startBack && (startBack.items === undefined ? startBack.total : startBackScores(startBack.items).total);
  const phq9 = first.questionnaires?.phq9;
  const phq9Now = phq9 && (phq9.items === undefined ? phq9.total : phq9.items.reduce((a, b) => a + b, 0));
  return {
    odiPercent: Math.round(odiThen ?? recorded(random, q.odi.percent, severity)),
    painIntensity: first.pain.intensity ?? recorded(random, population.pain.intensity, severity),
    startBackTotal:
      startBackNow === undefined
        ? recorded(random, q.startBack.psychosocial, distress) + recorded(random, q.startBack.physical, severity)
        : clamp(startBackNow + between(random, spec.startBackHigherThen[trajectory]), 0, 9),
    phq9Total:
      phq9Now === undefined
        ? recorded(random, q.phq9.total, distress)
        : clamp(phq9Now + between(random, spec.phq9HigherThen[trajectory]), 0, 27),
  };
}

/** The baseline as the follow-up records it: each score sometimes left out. */
function recordedBaseline(random: Random, baseline: Baseline): FollowUp["baseline"] {
  const spec = population.followUp.baseline;
  return nonEmpty(
    compact<NonNullable<FollowUp["baseline"]>>({
      odiPercent: random.absent(spec.odiPercentMissing) ? undefined : baseline.odiPercent,
      painIntensity: random.absent(spec.painIntensityMissing) ? undefined : baseline.painIntensity,
      startBackTotal: random.absent(spec.startBackTotalMissing) ? undefined : baseline.startBackTotal,
      phq9Total: random.absent(spec.phq9TotalMissing) ? undefined : baseline.phq9Total,
    }),
  );
}

/** Today's ODI %, from the baseline by trajectory (a whole number; the items then round it). */
function odiToday(random: Random, trajectory: Trajectory, worsened: Worsened | undefined, then: number): number {
  const { responder, nonResponder, worse } = population.followUp;
  switch (trajectory) {
    case "responder": {
      const points = Math.max(then * within(random, responder.odiShare), Math.min(responder.odiMinPoints, then));
      return clamp(Math.round(then - points), 0, 100);
    }
    case "non-responder":
      return clamp(then + random.int(-nonResponder.odiPoints, nonResponder.odiPoints), 0, 100);
    case "worse":
      return clamp(then + between(random, worsened === "pain" ? worse.otherOdiPoints : worse.odiPoints), 0, 100);
  }
}

/** Today's NPRS, from the baseline by trajectory. */
function painToday(random: Random, trajectory: Trajectory, worsened: Worsened | undefined, then: number): number {
  const { responder, nonResponder, worse } = population.followUp;
  switch (trajectory) {
    case "responder":
      return clamp(then - between(random, responder.nprsPoints), 0, 10);
    case "non-responder":
      return then < nonResponder.nprsFrom
        ? then
        : clamp(then + random.int(-nonResponder.nprsPoints, nonResponder.nprsPoints), 0, 10);
    case "worse":
      return worsened === "function" ? then : clamp(then + between(random, worse.nprsPoints), 0, 10);
  }
}

/**
 * Today's ODI in the form it was recorded at the first visit (items, with the same section left
 * unanswered; a percentage; or both), scoring `target` % as near as the items allow.
 */
function odiAt(random: Random, odi: Odi, target: number): Odi {
  if (odi.items === undefined) return { percent: target };
  const unanswered = odi.items.indexOf(null);
  const answered = unanswered === -1 ? 10 : 9;
  const answers: (number | null)[] = spread(random, Math.round((target / 100) * 5 * answered), answered, 5);
  if (unanswered !== -1) answers.splice(unanswered, 0, null);
  const items = answers as NonNullable<Odi["items"]>;
  if (odi.percent === undefined) return { items };
  return { items, percent: Math.round((odiPercent(items) ?? 0) * 10) / 10 };
}

/** The last plan's components, in catalog order: the stratified-care core, the rest by the baseline. */
function previousComponents(random: Random, person: Person, first: Assessment, baseline: Baseline): string[] {
  const holds: Record<string, boolean> = {
    "phq9-10-or-more": baseline.phq9Total >= 10,
    "off-work": first.work?.status === "off-work",
    "start-back-4-or-more": baseline.startBackTotal >= 4,
    "start-back-6-or-more": baseline.startBackTotal >= 6,
    chronic: person.chronic,
    smoker: first.lifestyle?.smoker === true,
  };
  const ids: string[] = [];
  for (const entry of population.followUp.previousComponents.rates) {
    const rate = entry.length === 2 ? entry[1] : holds[entry[3]] === true ? entry[1] : entry[2];
    if (random.chance(rate)) ids.push(entry[0]);
  }
  return ids;
}

/** Supervised sessions: about weekly while supervised care was planned, attended by adherence. */
function sessionsAttended(random: Random, weeks: number, adherence: Adherence, components: readonly string[]): number {
  const spec = population.followUp.sessions;
  const supervised: readonly string[] = spec.supervised;
  if (!components.some((id) => supervised.includes(id))) return 0;
  const planned = Math.min(Math.ceil(weeks * spec.perWeek), spec.maxPlanned);
  return Math.min(Math.round(planned * within(random, spec.attended[adherence])), weeks);
}

/** An integer in `[min, max]`. */
function between(random: Random, [min, max]: Range): number {
  return random.int(min, max);
}

/** A number in `[min, max)`. */
function within(random: Random, [min, max]: Range): number {
  return min + random.unit() * (max - min);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
