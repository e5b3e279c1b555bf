/**
 * Follow-up visits in the generated cohort (population.ts `followUp`, reference.md §6.10): their
 * share, the trajectory mix as the progress facts measure it, and fields that agree with each
 * other. The bounds are loose around population.ts: they catch a broken generator, not a retuned
 * figure.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { safeParseAssessment } from "../../../src/core/run/assessment/index.js";
import { generateCohort } from "../../../src/authoring/cohort/index.js";
import { deriveFacts } from "../../../src/core/run/facts/catalog.js";
import type { Assessment } from "../../../src/core/generated/types.js";

type FollowUp = NonNullable<Assessment["followUp"]>;
type Visit = Assessment & { followUp: FollowUp };

const cohort = generateCohort(5000, 17);
const visits = cohort.filter((a): a is Visit => a.followUp !== undefined);
const facts = new Map(visits.map((a) => [a, deriveFacts(a)]));
const fact = (a: Visit, name: string) => facts.get(a)?.get(name);
const share = <T>(list: readonly T[], test: (item: T) => boolean) => list.filter(test).length / list.length;

/** The component ids of the bundled pack, read from its catalog. */
const catalog: string[] = (
  parse(readFileSync(new URL("../../../rules/components.yaml", import.meta.url), "utf8")) as {
    components: { id: string }[];
  }
).components.map((c) => c.id);

describe("follow-up visits", () => {
  it("are about 30% of the cohort, each with a followUp the progress facts read", () => {
    expect(visits.length / cohort.length).toBeGreaterThan(0.26);
    expect(visits.length / cohort.length).toBeLessThan(0.34);
    expect(visits.every((a) => fact(a, "visit") === "follow-up")).toBe(true);
    const first = cohort.filter((a) => a.followUp === undefined);
    expect(first.every((a) => deriveFacts(a).get("visit") === "first")).toBe(true);
  });

  it("are valid assessments, without warnings", () => {
    const rejected = visits
      .map((a) => ({ id: a.id, result: safeParseAssessment(a) }))
      .filter(({ result }) => !result.ok || result.warnings.length > 0);
    expect(rejected).toEqual([]);
  });

  it("mix responders (~50%), non-responders (~35%) and patients worse (~15%), as progress.overall measures them", () => {
    const measured = visits.filter((a) => fact(a, "progress.overall") !== undefined);
    // Both baselines and both of today's scores are needed: most visits have them all.
    expect(measured.length / visits.length).toBeGreaterThan(0.6);
    const overall = (value: string) => share(measured, (a) => fact(a, "progress.overall") === value);
    expect(overall("improved")).toBeGreaterThan(0.42);
    expect(overall("improved")).toBeLessThan(0.56);
    expect(overall("unchanged")).toBeGreaterThan(0.3);
    expect(overall("unchanged")).toBeLessThan(0.44);
    expect(overall("worse")).toBeGreaterThan(0.1);
    expect(overall("worse")).toBeLessThan(0.2);
  });

  it("improve by the minimal important change on function and on pain, and worsen by it", () => {
    for (const name of ["progress.function", "progress.pain"]) {
      const known = visits.filter((a) => fact(a, name) !== undefined);
      expect(
        share(known, (a) => fact(a, name) === "improved"),
        name,
      ).toBeGreaterThan(0.3);
      expect(
        share(known, (a) => fact(a, name) === "worse"),
        name,
      ).toBeGreaterThan(0.05);
    }
    // An improvement is the MIC or more: ODI 10 points or 30 % (with 5); NPRS 2 points or 30 % (with 1).
    for (const a of visits.filter((v) => fact(v, "progress.function") === "improved")) {
      const points = fact(a, "progress.odiChange") as number;
      expect(points >= 10 || (points >= 5 && (fact(a, "progress.odiChangePercent") as number) >= 30)).toBe(true);
    }
  });

  it("have today's pain and ODI following the baseline: correlated, and lower on average", () => {
    const pairs = (today: (a: Visit) => number | undefined, then: (f: FollowUp) => number | undefined) =>
      visits.flatMap((a) => {
        const [x, y] = [then(a.followUp), today(a)];
        return x === undefined || y === undefined ? [] : [[x, y] as const];
      });
    const pain = pairs(
      (a) => a.pain.intensity,
      (f) => f.baseline?.painIntensity,
    );
    const odi = pairs(
      (a) => facts.get(a)?.get("odi.percent") as number | undefined,
      (f) => f.baseline?.odiPercent,
    );
    for (const [name, list] of [
      ["pain", pain],
      ["odi", odi],
    ] as const) {
      expect(list.length, name).toBeGreaterThan(800);
      expect(correlation(list), name).toBeGreaterThan(0.6);
      expect(mean(list.map(([, today]) => today)), name).toBeLessThan(mean(list.map(([then]) => then)));
    }
  });

  it("come mostly 4–16 weeks after the first assessment, in an episode at least that long", () => {
    const weeks = visits.flatMap((a) => a.followUp.weeksSinceBaseline ?? []);
    expect(share(weeks, (w) => w >= 4 && w <= 16)).toBeGreaterThan(0.7);
    expect(Math.min(...weeks)).toBeGreaterThanOrEqual(1);
    for (const a of visits) expect(a.pain.durationWeeks).toBeGreaterThanOrEqual(a.followUp.weeksSinceBaseline ?? 0);
    // An episode first seen acute is often subacute or chronic by its follow-up.
    expect(share(visits, (a) => fact(a, "chronicity") === "acute")).toBeLessThan(
      share(
        cohort.filter((a) => a.followUp === undefined),
        (a) => a.pain.durationWeeks < 6,
      ),
    );
  });

  it("have poor adherence more often without a response than with one", () => {
    const poor = (overall: string) =>
      share(
        visits.filter((a) => fact(a, "progress.overall") === overall && a.followUp.adherence !== undefined),
        (a) => a.followUp.adherence === "poor",
      );
    expect(poor("unchanged")).toBeGreaterThan(2 * poor("improved"));
    expect(poor("improved")).toBeGreaterThan(0);
    const adherence = visits.flatMap((a) => a.followUp.adherence ?? []);
    for (const value of ["good", "partial", "poor"]) expect(adherence, value).toContain(value);
  });

  it("attend supervised sessions consistent with the weeks: never more than one a week, none without supervised care", () => {
    const both = visits.filter(
      (a) => a.followUp.sessionsAttended !== undefined && a.followUp.weeksSinceBaseline !== undefined,
    );
    expect(both.every((a) => (a.followUp.sessionsAttended ?? 0) <= (a.followUp.weeksSinceBaseline ?? 0))).toBe(true);
    expect(share(both, (a) => (a.followUp.sessionsAttended ?? 0) >= 4)).toBeGreaterThan(0.2);
    const unsupervised = visits.filter(
      (a) =>
        a.followUp.previousComponents !== undefined &&
        a.followUp.sessionsAttended !== undefined &&
        a.followUp.previousComponents.length === 3,
    );
    expect(unsupervised.length).toBeGreaterThan(0);
    expect(unsupervised.every((a) => a.followUp.sessionsAttended === 0)).toBe(true);
  });

  it("name only components of the bundled pack, in catalog order, the stratified-care core always", () => {
    const lists = visits.flatMap((a) => (a.followUp.previousComponents ? [a.followUp.previousComponents] : []));
    expect(catalog).toContain("follow-up-reassessment");
    for (const list of lists) {
      expect(
        list.every((id) => catalog.includes(id)),
        list.join(),
      ).toBe(true);
      const positions = list.map((id) => catalog.indexOf(id));
      expect(positions).toEqual([...positions].sort((x, y) => x - y));
      expect(list).toEqual(expect.arrayContaining(["education-reassurance", "self-management-activity"]));
      expect(list).toContain("follow-up-reassessment");
    }
    const including = (id: string) => share(lists, (list) => list.includes(id));
    expect(including("physiotherapy-exercise")).toBeGreaterThan(0.4);
    expect(including("physiotherapy-exercise")).toBeLessThan(0.8);
    expect(including("psychologically-informed-pt")).toBeGreaterThan(0.05);
    expect(including("cbt")).toBeGreaterThan(0.02);
    expect(including("cbt")).toBeLessThan(0.2);
  });

  it("leave each field out sometimes, and the baseline now and then", () => {
    const fields = ["weeksSinceBaseline", "baseline", "sessionsAttended", "adherence", "previousComponents"] as const;
    for (const field of fields) {
      const missing = share(visits, (a) => a.followUp[field] === undefined);
      expect(missing, field).toBeGreaterThan(0.01);
      expect(missing, field).toBeLessThan(0.2);
    }
    const baselines = visits.flatMap((a) => a.followUp.baseline ?? []);
    for (const score of ["odiPercent", "painIntensity", "startBackTotal", "phq9Total"] as const) {
      const missing = share(baselines, (b) => b[score] === undefined);
      expect(missing, score).toBeGreaterThan(0.005);
      expect(missing, score).toBeLessThan(0.25);
    }
  });

  it("are the same on every run", () => {
    expect(generateCohort(400, 17).filter((a) => a.followUp !== undefined)).toEqual(
      visits.filter((a) => Number(a.id?.slice("cohort-".length)) < 400),
    );
  });
});

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** Pearson's r of `[x, y]` pairs. */
function correlation(pairs: readonly (readonly [number, number])[]): number {
  const mx = mean(pairs.map(([x]) => x));
  const my = mean(pairs.map(([, y]) => y));
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const [x, y] of pairs) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
    syy += (y - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}
