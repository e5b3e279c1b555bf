import type { BundleResource } from "./bundle-index.js";
import { type Reading, merge, nothing, readCoded } from "./finding.js";
import { codedFieldOf } from "./mappings/index.js";
import { isRecord } from "./mappings/values.js";
import { codes, fhirIssue, messages } from "./messages.js";

/** Statuses that withdraw an Observation: its value must not be read. */
const withdrawn: ReadonlySet<unknown> = new Set(["entered-in-error", "cancelled"]);

/**
 * An Observation's mapped values: its own value, and each component's (a panel may carry its
 * items as components). Members of a `hasMember` panel are Observations of the Bundle and are
 * read as such, so the panel itself adds nothing.
 */
export function readObservation(source: BundleResource): Reading {
  const { resource, pointer } = source;
  if (withdrawn.has(resource["status"])) {
    const status = String(resource["status"]);
    return {
      findings: [],
      issues: [fhirIssue(codes.ignoredResource, pointer, messages.ignoredResource(source.label, status), "warning")],
    };
  }
  const own = codedFieldOf(codingsOf(resource["code"]));
  const components = Array.isArray(resource["component"]) ? (resource["component"] as unknown[]) : [];
  return merge([
    own === undefined ? nothing() : readCoded(own, resource, source, pointer),
    ...components.map((component, index) => {
      if (!isRecord(component)) return nothing();
      const field = codedFieldOf(codingsOf(component["code"]));
      return field === undefined ? nothing() : readCoded(field, component, source, `${pointer}/component/${index}`);
    }),
  ]);
}

function codingsOf(concept: unknown): unknown {
  return isRecord(concept) ? concept["coding"] : undefined;
}
