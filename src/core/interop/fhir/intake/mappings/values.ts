/**
 * Value readers shared by the mappings. Input is untrusted, so each checks the type of what it
 * reads. Codes are matched by system and code only; a display is never read.
 */
import { UCUM } from "../systems.js";
import type { FhirValue, ReadResult, ValueReader } from "./types.js";

/** The codings of a `valueCoding` (response answer) or a `valueCodeableConcept` (Observation). */
function codingsOf(value: FhirValue): { system: unknown; code: unknown }[] {
  const single = value["valueCoding"];
  if (isRecord(single)) return [{ system: single["system"], code: single["code"] }];
  const concept = value["valueCodeableConcept"];
  const codings = isRecord(concept) ? concept["coding"] : undefined;
  return Array.isArray(codings)
    ? codings.filter(isRecord).map((coding) => ({ system: coding["system"], code: coding["code"] }))
    : [];
}

/** `system|code`, the key of every code table here. */
export function codeKey(system: unknown, code: unknown): string | undefined {
  return typeof system === "string" && typeof code === "string" ? `${system}|${code}` : undefined;
}

/** The first coding found in `table`. */
function fromTable<T>(value: FhirValue, table: ReadonlyMap<string, T>): T | undefined {
  for (const { system, code } of codingsOf(value)) {
    const key = codeKey(system, code);
    if (key !== undefined && table.has(key)) return table.get(key);
  }
  return undefined;
}

/** A number as given: `valueInteger`, `valueDecimal` or `valueQuantity.value`. */
function numberOf(value: FhirValue): number | undefined {
  for (const key of ["valueInteger", "valueDecimal"]) {
    const found = value[key];
    if (typeof found === "number" && Number.isFinite(found)) return found;
  }
  const quantity = value["valueQuantity"];
  const found = isRecord(quantity) && quantity["comparator"] === undefined ? quantity["value"] : undefined;
  return typeof found === "number" && Number.isFinite(found) ? found : undefined;
}

/**
 * An integer score: `valueInteger` (or a whole `valueDecimal`/`valueQuantity`), or a coded answer
 * from `answers` (e.g. LOINC LL358-3, LA6568-5 "Not at all" = 0).
 */
export function score(answers: ReadonlyMap<string, number>, expected: string): ValueReader {
  return {
    expected,
    read(value) {
      const coded = fromTable(value, answers);
      if (coded !== undefined) return { value: coded };
      const found = numberOf(value);
      if (found !== undefined) return Number.isInteger(found) ? { value: found } : undefined;
      // US Core's own PHQ-9 total example is `valueString: "12"`: a whole number written as text
      // is that number, read with a warning so the sender can fix it.
      const text = value["valueString"];
      return typeof text === "string" && /^\d{1,4}$/.test(text.trim())
        ? { value: Number(text.trim()), note: `sent as text "${text}"` }
        : undefined;
    },
  };
}

/**
 * A quantity in one of `units` (UCUM code → factor to the field's unit), converted. The unit is
 * the UCUM `code` only: `unit` is display text, and a code of another system (or of none) may
 * look like UCUM and mean something else (`lb` labelled `kg`).
 */
export function quantity(units: Readonly<Record<string, number>>, expected: string): ValueReader {
  return {
    expected,
    read(value) {
      const found = value["valueQuantity"];
      if (!isRecord(found) || found["comparator"] !== undefined || typeof found["value"] !== "number") return undefined;
      const unit = found["system"] === UCUM ? found["code"] : undefined;
      const factor = typeof unit === "string" && Object.hasOwn(units, unit) ? units[unit] : undefined;
      return factor === undefined ? undefined : { value: round(found["value"] * factor) };
    },
  };
}

/** A coded answer looked up in `table`; `"absent"` entries mean "not known" (e.g. smoker, status unknown). */
export function coded(table: ReadonlyMap<string, boolean | "absent">, expected: string): ValueReader {
  return {
    expected,
    read(value): ReadResult | undefined {
      const found = fromTable(value, table);
      return found === undefined || found === "absent" ? found : { value: found };
    },
  };
}

/** Yes/no as `valueBoolean`, or 0/1 as an integer (the STarT Back agree/disagree items). */
export const agree: ValueReader = {
  expected: "a boolean, or 0 or 1",
  read(value) {
    if (typeof value["valueBoolean"] === "boolean") return { value: value["valueBoolean"] ? 1 : 0 };
    const found = numberOf(value);
    return found === 0 || found === 1 ? { value: found } : undefined;
  },
};

/** Unit conversion noise (`1.78 m` → 177.99999…) kept out of the assessment. */
function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** An object that is not a list: FHIR data is untrusted, so every element is checked before it is read. */
export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
