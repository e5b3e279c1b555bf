/**
 * The generated population looks like adult primary care: the shares below are loose bounds
 * around the table in population.ts (they catch a broken generator, not a retuned figure).
 */
import { describe, expect, it } from "vitest";
import { generateCohort } from "../../../src/authoring/cohort/index.js";
import { deriveFacts } from "../../../src/core/run/facts/catalog.js";
import type { Assessment } from "../../../src/core/generated/types.js";

const cohort = generateCohort(5000, 3);
const facts = cohort.map((a) => deriveFacts(a));
const share = (test: (a: Assessment, i: number) => boolean) => cohort.filter(test).length / cohort.length;
const factShare = (name: string, value: unknown) => facts.filter((f) => f.get(name) === value).length / facts.length;
const recorded = (name: string) => facts.filter((f) => f.has(name)).length / facts.length;

describe("the generated population", () => {
  it("is adult, most aged 30–60", () => {
    expect(cohort.every((a) => a.patient.age >= 18 && a.patient.age <= 90)).toBe(true);
    expect(share((a) => a.patient.age >= 30 && a.patient.age <= 60)).toBeGreaterThan(0.55);
  });

  it("mixes acute, subacute and chronic pain at first visits (a follow-up's episode is longer by the weeks since)", () => {
    const first = facts.filter((f) => f.get("visit") === "first");
    const firstShare = (value: string) => first.filter((f) => f.get("chronicity") === value).length / first.length;
    expect(firstShare("acute")).toBeGreaterThan(0.35);
    expect(firstShare("subacute")).toBeGreaterThan(0.12);
    expect(firstShare("chronic")).toBeGreaterThan(0.25);
    expect(factShare("chronicity", "acute")).toBeGreaterThan(0.25);
    expect(factShare("chronicity", "chronic")).toBeGreaterThan(0.35);
  });

  it("is pregnant only as a woman aged 18–45, and rarely", () => {
    const pregnant = cohort.filter((a) => a.patient.pregnant === true);
    expect(pregnant.every((a) => a.patient.sex === "female" && a.patient.age >= 18 && a.patient.age <= 45)).toBe(true);
    expect(pregnant.length).toBeGreaterThan(0);
    expect(pregnant.length / cohort.length).toBeLessThan(0.03);
    expect(cohort.every((a) => a.patient.gestationWeeks === undefined || a.patient.pregnant === true)).toBe(true);
  });

  it("has each red flag rarely (0.1–5%), and some red flags in all", () => {
    const flags = ["saddleAnaesthesia", "historyOfCancer", "fever", "recentTrauma", "osteoporosis"] as const;
    for (const flag of flags) {
      const rate = share((a) => a.redFlags?.[flag] === true);
      expect(rate, flag).toBeGreaterThan(0.001);
      expect(rate, flag).toBeLessThan(0.05);
    }
  });

  it("answers PHQ-9 and GAD-7 mostly minimal or mild, and they go together", () => {
    const phq = facts.filter((f) => f.has("phq9.severity"));
    const low = phq.filter((f) => ["minimal", "mild"].includes(f.get("phq9.severity") as string)).length;
    expect(low / phq.length).toBeGreaterThan(0.75);
    expect(factShare("phq9.severity", "severe")).toBeGreaterThan(0);
    const both = facts.filter((f) => f.has("phq9.total") && f.has("gad7.total"));
    const highPhq = both.filter((f) => (f.get("phq9.total") as number) >= 10);
    const highGad = (list: typeof both) =>
      list.filter((f) => (f.get("gad7.total") as number) >= 10).length / list.length;
    expect(highGad(highPhq)).toBeGreaterThan(2 * highGad(both));
  });

  it("spreads STarT Back over low, medium and high risk", () => {
    for (const risk of ["low", "medium", "high"]) expect(factShare("startBack.risk", risk), risk).toBeGreaterThan(0.12);
  });

  it("leaves answers out now and then, so plans have data gaps", () => {
    for (const name of ["startBack.total", "phq9.total", "gad7.total", "lifestyle.bmi", "lifestyle.smoker"]) {
      expect(recorded(name), name).toBeGreaterThan(0.75);
      expect(recorded(name), name).toBeLessThan(0.98);
    }
  });

  it("records pain onset and course at their rates, sometimes not at all", () => {
    const onset = cohort.flatMap((a) => a.pain.onset ?? []);
    expect(onset.length / cohort.length).toBeGreaterThan(0.75);
    expect(onset.length / cohort.length).toBeLessThan(0.98);
    expect(onset.filter((o) => o === "sudden").length / onset.length).toBeGreaterThan(0.3);
    expect(onset.filter((o) => o === "sudden").length / onset.length).toBeLessThan(0.5);
    const course = cohort.flatMap((a) => a.pain.course ?? []);
    expect(course.length / cohort.length).toBeLessThan(0.98);
    const of = (value: string) => course.filter((c) => c === value).length / course.length;
    for (const value of ["improving", "stable"]) expect(of(value), value).toBeGreaterThan(0.3);
    expect(of("worsening")).toBeGreaterThan(0.12);
    expect(of("worsening")).toBeLessThan(0.28);
  });

  it("gives major trauma only after recent trauma, and a red flag screen without it when there was none", () => {
    const major = cohort.filter((a) => a.redFlags?.majorTrauma === true);
    expect(major.every((a) => a.redFlags?.recentTrauma === true)).toBe(true);
    const trauma = cohort.filter((a) => a.redFlags?.recentTrauma === true);
    expect(major.length / trauma.length).toBeGreaterThan(0.05);
    expect(major.length / trauma.length).toBeLessThan(0.3);
    expect(cohort.some((a) => a.redFlags?.recentTrauma === false && a.redFlags.majorTrauma === undefined)).toBe(true);
    expect(cohort.some((a) => a.redFlags?.recentTrauma === false && a.redFlags.majorTrauma === false)).toBe(true);
    // A screen that answers no recent trauma is whole without the major-trauma question.
    expect(recorded("redFlags.count")).toBeGreaterThan(0.6);
  });

  it("finds neurogenic claudication in about 10% of those examined, more often from 60", () => {
    const examined = cohort.filter((a) => a.examination?.neurogenicClaudication !== undefined);
    const rate = (list: readonly Assessment[]) =>
      list.filter((a) => a.examination?.neurogenicClaudication === true).length / list.length;
    expect(rate(examined)).toBeGreaterThan(0.06);
    expect(rate(examined)).toBeLessThan(0.14);
    expect(rate(examined.filter((a) => a.patient.age >= 60))).toBeGreaterThan(
      2 * rate(examined.filter((a) => a.patient.age < 60)),
    );
  });

  it("has previous lumbar surgery rarely, dated only when there was one and never before age 16", () => {
    const surgery = share((a) => a.history?.lumbarSurgery === true);
    expect(surgery).toBeGreaterThan(0.02);
    expect(surgery).toBeLessThan(0.08);
    const dated = cohort.filter((a) => a.history?.lumbarSurgeryWeeksAgo !== undefined);
    expect(dated.length).toBeGreaterThan(0);
    for (const a of dated) {
      expect(a.history?.lumbarSurgery).toBe(true);
      expect(a.history?.lumbarSurgeryWeeksAgo).toBeLessThanOrEqual((a.patient.age - 16) * 52);
    }
    expect(cohort.some((a) => a.history?.lumbarSurgery === true && a.history.lumbarSurgeryWeeksAgo === undefined)).toBe(
      true,
    );
  });

  it("has an anticoagulant in about 3% of medicine reviews, mostly from 65, and sometimes no review", () => {
    const reviewed = cohort.filter((a) => a.medications?.anticoagulant !== undefined);
    const rate = (list: readonly Assessment[]) =>
      list.filter((a) => a.medications?.anticoagulant === true).length / list.length;
    expect(rate(reviewed)).toBeGreaterThan(0.01);
    expect(rate(reviewed)).toBeLessThan(0.06);
    expect(rate(reviewed.filter((a) => a.patient.age >= 65))).toBeGreaterThan(
      3 * rate(reviewed.filter((a) => a.patient.age < 65)),
    );
    expect(share((a) => a.medications === undefined)).toBeGreaterThan(0.05);
  });

  it("gives a positive PHQ-9 item 9 rarely, and the Flynn rule's five findings together sometimes", () => {
    const item9 = factShare("phq9.item9", 1) + factShare("phq9.item9", 2) + factShare("phq9.item9", 3);
    expect(item9).toBeGreaterThan(0.002);
    expect(item9).toBeLessThan(0.05);
    expect(facts.some((f) => f.get("flynnCpr.criteriaMet") === 5)).toBe(true);
  });
});
