import type { Issue } from "../../../errors.js";
import type { BundleResource } from "./bundle-index.js";
import type { CodedField, FhirValue } from "./mappings/index.js";
import { codes, fhirIssue, messages } from "./messages.js";

/** One value for one assessment field, and the resource it came from. */
export interface Finding {
  /** Dotted assessment path; an item position is `questionnaires.phq9.items[8]`. */
  readonly field: string;
  readonly value: number | boolean | string | readonly string[];
  readonly source: BundleResource;
  /**
   * A value used only when no other resource gives the field (the problem list's onset for the
   * episode's duration), with the warning that says it was used.
   */
  readonly fallback?: Issue;
  /**
   * A list value that names members the resource shows and says nothing of the others (an
   * active NSAID is `["nsaid"]` in `medications.current`): partial findings are joined, and a
   * complete list from another resource must hold their members (assemble.ts).
   */
  readonly partial?: true;
}

/** What a carrier read from one resource: its findings, and warnings for what it could not use. */
export interface Reading {
  readonly findings: Finding[];
  readonly issues: Issue[];
}

/** A reading of nothing (a resource or element no mapping reads). */
export const nothing = (): Reading => ({ findings: [], issues: [] });

/**
 * The findings of one coded value. No `value[x]` at all is missing data (no finding, no issue);
 * a value that cannot be read is a warning, and the field stays missing: nothing is guessed.
 */
export function readCoded(field: CodedField, value: FhirValue, source: BundleResource, pointer: string): Reading {
  if (!Object.keys(value).some((key) => key.startsWith("value"))) return nothing();
  const result = field.read.read(value);
  if (result === "absent") return nothing();
  if (result === undefined) return unreadable(field, source, pointer, field.read.expected);
  const findings = field.fields.map((name) => ({ field: name, value: result.value, source }));
  if (result.note === undefined) return { findings, issues: [] };
  const message = messages.readWithNote(source.label, field.fields.join(" and "), result.note, result.value);
  return { findings, issues: [fhirIssue(codes.readWithNote, pointer, message, "warning")] };
}

/**
 * A value of `field` that cannot be read: a warning, and the field stays missing. A field whose
 * gap matters today (PHQ-9 item 9) says so, under its own code, so it can be shown first.
 */
export function unreadable(field: CodedField, source: BundleResource, pointer: string, expected: string): Reading {
  const message = messages.unreadableValue(source.label, field.fields.join(" and "), expected);
  if (field.safety === undefined)
    return { findings: [], issues: [fhirIssue(codes.unreadableValue, pointer, message, "warning")] };
  return {
    findings: [],
    issues: [fhirIssue(codes.unreadableSafetyItem, pointer, `${message}. ${field.safety}`, "warning")],
  };
}

/** Many readings as one. */
export function merge(readings: readonly Reading[]): Reading {
  return {
    findings: readings.flatMap((reading) => reading.findings),
    issues: readings.flatMap((reading) => reading.issues),
  };
}
