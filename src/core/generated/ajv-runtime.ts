/**
 * The runtime helpers ajv's standalone validators call (see src/build/generate.ts). ajv ships
 * them as CommonJS `exports.default`, which Node's ESM loader and bundlers import differently;
 * re-exporting them here gives one behaviour everywhere.
 */
import fastDeepEqual from "fast-deep-equal";
import type { ValidationErrorObject } from "./validate-function.js";

export const equal: (a: unknown, b: unknown) => boolean = fastDeepEqual;

/** A UTF-16 surrogate: only a text holding one has fewer code points than units. */
const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * String length in code points, as JSON Schema's minLength/maxLength count it. Most texts have no
 * surrogate, and then their length is the count; walking them code point by code point was a
 * tenth of a pack.json's first check in Chromium.
 */
export function ucs2length(text: string): number {
  if (!SURROGATE.test(text)) return text.length;
  let length = 0;
  for (const _codePoint of text) length++;
  return length;
}

type Params = Readonly<Record<string, unknown>>;

/**
 * ajv's English message for each keyword our schemas use, rendered from the error's params as
 * ajv renders it (ajv/lib/vocabularies/…). src/build/generate.ts checks every error a validator
 * reports through `reportError` against the message ajv wrote for it, so the two cannot drift.
 */
const errorMessages: Readonly<Record<string, (params: Params) => string>> = {
  required: (p) => `must have required property '${String(p["missingProperty"])}'`,
  additionalProperties: () => "must NOT have additional properties",
  type: (p) => `must be ${String(p["type"])}`,
  enum: () => "must be equal to one of the allowed values",
  const: () => "must be equal to constant",
  pattern: (p) => `must match pattern "${String(p["pattern"])}"`,
  minimum: (p) => `must be ${String(p["comparison"])} ${String(p["limit"])}`,
  maximum: (p) => `must be ${String(p["comparison"])} ${String(p["limit"])}`,
  minLength: (p) => `must NOT have fewer than ${String(p["limit"])} characters`,
  maxLength: (p) => `must NOT have more than ${String(p["limit"])} characters`,
  minItems: (p) => `must NOT have fewer than ${String(p["limit"])} items`,
  maxItems: (p) => `must NOT have more than ${String(p["limit"])} items`,
  minProperties: (p) => `must NOT have fewer than ${String(p["limit"])} properties`,
  uniqueItems: (p) => `must NOT have duplicate items (items ## ${String(p["j"])} and ${String(p["i"])} are identical)`,
  anyOf: () => "must match a schema in anyOf",
  oneOf: () => "must match exactly one schema in oneOf",
  propertyNames: () => "property name must be valid",
};

/**
 * Adds one error to a validator's list (`null` while empty) and returns the list. ajv writes each
 * error out inline, message and all, about 200 bytes each: a third of the browser bundle was
 * error reports. One call per report makes the same error objects, field for field.
 */
export function reportError(
  errors: ValidationErrorObject[] | null,
  instancePath: string,
  schemaPath: string,
  keyword: string,
  params: Record<string, unknown>,
): ValidationErrorObject[] {
  // ajv's own wording for a keyword it has no message for.
  const message = errorMessages[keyword]?.(params) ?? `must pass "${keyword}" keyword validation`;
  const error = { instancePath, schemaPath, keyword, params, message };
  if (errors === null) return [error];
  errors.push(error);
  return errors;
}

/**
 * `reportError` for the commonest report: an error at `path` under the value being validated
 * (`""`, or a fixed `/pain/intensity`), whose schema path is that path's chain of `properties`
 * then the keyword (`#/properties/pain/properties/intensity/maximum`). The call leaves both
 * paths out of the validators' code (16 KiB of the browser bundle's 313), which a page parses and
 * compiles before its first plan. src/build/error-reports.ts writes it only where it gives the
 * same error as ajv's report.
 */
export function reportPropertyError(
  errors: ValidationErrorObject[] | null,
  instancePath: string,
  path: string,
  keyword: string,
  params: Record<string, unknown>,
): ValidationErrorObject[] {
  return reportError(
    errors,
    instancePath + path,
    `#${path.replaceAll("/", "/properties/")}/${keyword}`,
    keyword,
    params,
  );
}
