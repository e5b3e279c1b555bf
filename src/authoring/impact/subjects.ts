import { generateAssessment } from "../cohort/index.js";
import type { ScenarioTest } from "../../core/load/types.js";
import { canonicalJson } from "./canonical-json.js";
import type { CohortExample, ScenarioExample } from "./types.js";

/** Which assessment a subject is: a scenario test by name and place, or a cohort member by index. */
export type SubjectRef = ScenarioExample | Omit<CohortExample, "facts">;

/** One assessment to plan on both sides. */
export interface ImpactSubject {
  readonly ref: SubjectRef;
  /** Unvalidated: the engines validate it (and an invalid one is reported as skipped). */
  readonly assessment: unknown;
  /** The profile the assessment asks for (a scenario's own), if any. */
  readonly profile?: string;
}

/**
 * Assessments by position: an array, or a list that makes each one when asked (a generated
 * cohort: 10,000 assessments never held at once, so each is garbage as soon as it is planned).
 */
export interface SubjectList {
  readonly length: number;
  at(index: number): ImpactSubject | undefined;
}

/** A pack's scenario tests, and how to show their files (`rules/tests/x.yaml`). */
export interface ScenarioSource {
  readonly scenarios: readonly ScenarioTest[];
  readonly locate?: (file: string) => string;
}

/**
 * The scenario tests' assessments of several packs, each (assessment, profile) once: the first
 * pack's tests first, in their order, then the others' tests the earlier packs do not share.
 * Tests are matched by name first; a later pack's test whose name the first pack lacks, holding
 * the assessment of a first-pack test whose name it lacks, is that test renamed: the subject is
 * named `renamedFrom` the later pack's name (give head first, base after).
 *
 * @example scenarioSubjects([{ scenarios: head.scenarios }, { scenarios: base.scenarios }]);
 */
export function scenarioSubjects(sources: readonly ScenarioSource[]): ImpactSubject[] {
  const firstNames = new Set(sources[0]?.scenarios.map((s) => s.scenario.name));
  /** Each key's subject, by position, and whether the first pack's tests named it. */
  const seen = new Map<string, { index: number; first: boolean }>();
  const subjects: ImpactSubject[] = [];
  sources.forEach(({ scenarios, locate = (file: string) => file }, k) => {
    const names = new Set(scenarios.map((s) => s.scenario.name));
    for (const { scenario, source } of scenarios) {
      const key = canonicalJson([scenario.profile ?? null, scenario.assessment]);
      const known = seen.get(key);
      if (known !== undefined) {
        const earlier = subjects[known.index];
        if (k > 0 && known.first && earlier !== undefined && renames(earlier.ref, scenario.name, firstNames, names))
          subjects[known.index] = { ...earlier, ref: { ...earlier.ref, renamedFrom: scenario.name } };
        continue;
      }
      seen.set(key, { index: subjects.length, first: k === 0 });
      const ref: SubjectRef = {
        kind: "scenario",
        name: scenario.name,
        source: `${locate(source.file)}:${source.line}`,
      };
      subjects.push(
        scenario.profile === undefined
          ? { ref, assessment: scenario.assessment }
          : { ref, assessment: scenario.assessment, profile: scenario.profile },
      );
    }
  });
  return subjects;
}

/**
 * Whether a later pack's test `name` of the same assessment as the first pack's test `ref` is
 * that test renamed: neither name is matched by name on the other side, nor already renamed.
 */
function renames(
  ref: SubjectRef,
  name: string,
  firstNames: ReadonlySet<string>,
  names: ReadonlySet<string>,
): ref is ScenarioExample {
  return (
    ref.kind === "scenario" &&
    ref.renamedFrom === undefined &&
    ref.name !== name &&
    !firstNames.has(name) &&
    !names.has(ref.name)
  );
}

/** A cohort's assessments, by index, with their ids where they have one. */
export function cohortSubjects(assessments: readonly unknown[]): ImpactSubject[] {
  return assessments.map((assessment, index) => cohortSubject(assessment, index));
}

/**
 * Part of a cohort: `assessments` are those from position `offset` on (what a worker thread is
 * given of a cohort file), each a subject at its position in the whole cohort.
 *
 * @example cohortWindow(assessments.slice(500, 750), 500).at(500)?.ref; // { kind: "cohort", index: 500 }
 */
export function cohortWindow(assessments: readonly unknown[], offset: number): SubjectList {
  return {
    length: offset + assessments.length,
    at: (index) =>
      index >= offset && index < offset + assessments.length
        ? cohortSubject(assessments[index - offset], index)
        : undefined,
  };
}

/**
 * Subjects `offset` onwards of a longer list (what a worker thread is given of the scenario
 * tests), each at its position in the whole list.
 *
 * @example subjectWindow(subjects.slice(200), 200).at(200); // subjects[200]
 */
export function subjectWindow(subjects: readonly ImpactSubject[], offset: number): SubjectList {
  return {
    length: offset + subjects.length,
    at: (index) => (index >= offset ? subjects[index - offset] : undefined),
  };
}

/**
 * The generated cohort (`generateCohort(size, seed)`) as a list that generates each assessment
 * when asked: the same assessments, never all in memory.
 */
export function generatedSubjects(size: number, seed: number): SubjectList {
  return {
    length: size,
    at: (index) => (index >= 0 && index < size ? cohortSubject(generateAssessment(seed, index), index) : undefined),
  };
}

function cohortSubject(assessment: unknown, index: number): ImpactSubject {
  const id = idOf(assessment);
  return { ref: id === undefined ? { kind: "cohort", index } : { kind: "cohort", index, id }, assessment };
}

function idOf(assessment: unknown): string | undefined {
  if (typeof assessment !== "object" || assessment === null || !Object.hasOwn(assessment, "id")) return undefined;
  const { id } = assessment as { id: unknown };
  return typeof id === "string" ? id : undefined;
}
