/**
 * The mapping registry: every instrument and measure the intake reads from coded FHIR data.
 * Adding one is adding a file and a line here; the carriers look codes up in `codedFields`.
 */
import { bodySize } from "./body-size.js";
import { gad7 } from "./gad7.js";
import { odi } from "./odi.js";
import { pain } from "./pain.js";
import { phq9 } from "./phq9.js";
import { pregnancy } from "./pregnancy.js";
import { smoking } from "./smoking.js";
import { startBack } from "./start-back.js";
import type { CodedField, InstrumentMapping } from "./types.js";
import { codeKey } from "./values.js";

export type { CodedField, FhirValue, InstrumentMapping } from "./types.js";

export const instrumentMappings: readonly InstrumentMapping[] = [
  phq9,
  gad7,
  startBack,
  odi,
  pain,
  bodySize,
  smoking,
  pregnancy,
];

/** Every mapped code, by `system|code`. */
const codedFields: ReadonlyMap<string, CodedField> = new Map(
  instrumentMappings.flatMap((mapping) => mapping.fields).map((field) => [`${field.system}|${field.code}`, field]),
);

/** The mapped field of the first coding that has one, matched by system and code only. */
export function codedFieldOf(codings: unknown): CodedField | undefined {
  if (!Array.isArray(codings)) return undefined;
  for (const coding of codings as unknown[]) {
    if (typeof coding !== "object" || coding === null) continue;
    const { system, code } = coding as Record<string, unknown>;
    const key = codeKey(system, code);
    const field = key === undefined ? undefined : codedFields.get(key);
    if (field !== undefined) return field;
  }
  return undefined;
}
