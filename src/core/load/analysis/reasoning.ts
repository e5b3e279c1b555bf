/**
 * Questions about conditions in normal form, each answered `true` only when proven. Facts are
 * taken as independent (a derived fact may in truth follow from another), which only ever
 * allows more states than real assessments have: whatever holds in every state holds for every
 * assessment, so a proof here is a proof for real patients.
 */
import { coveredBy, meetBoxes, type Box, type Budget } from "./box.js";
import { anyPresent, type Constraint } from "./constraint.js";
import type { NormalForm } from "./normal-form.js";

/** Splits allowed per question; past it, nothing is claimed. */
const STEPS = 20_000;

const budget = (): Budget => ({ steps: STEPS });

/** Whether no assessment makes the condition true. */
export function neverHolds(form: NormalForm): boolean {
  return form.length === 0;
}

/**
 * Whether the condition is true for every assessment in which the facts it reads are present:
 * then it tests nothing but that they were recorded.
 */
export function alwaysHoldsWhenPresent(form: NormalForm): boolean {
  if (form.length === 0) return false;
  const present = new Map<string, Constraint>();
  for (const box of form) for (const [key, constraint] of box) present.set(key, anyPresent(constraint.domain));
  return coveredBy(present, form, budget()) === true;
}

/** Whether `a` being true makes `b` true, whatever the assessment (absent facts included). */
export function implies(a: NormalForm, b: NormalForm): boolean {
  const shared = budget();
  return a.every((box) => coveredBy(box, b, shared) === true);
}

/** Whether no assessment makes both true. */
export function disjoint(a: NormalForm, b: NormalForm): boolean {
  return a.every((x: Box) => b.every((y) => meetBoxes(x, y) === undefined));
}

/** Whether the two are true for exactly the same assessments. */
export function equivalent(a: NormalForm, b: NormalForm): boolean {
  return implies(a, b) && implies(b, a);
}
