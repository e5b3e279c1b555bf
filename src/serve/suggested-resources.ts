import cloneDeepWith from "lodash/cloneDeepWith.js";
import type { Bundle, Resource } from "../core/fhir/types.js";

/**
 * The transaction Bundle's resources as a CDS Hooks suggestion's `create` actions carry them.
 * Actions have no `fullUrl`: the client processes them as a transaction whose full URLs it
 * infers from its FHIR server, the resource type and `id` (CDS Hooks 2.0, "Action"). So each
 * resource gets the id of its `urn:uuid:`, and references between them become `Type/id`, which
 * the server rewrites to the ids it assigns, as it would the `urn:uuid:`s of a Bundle.
 */
export function suggestedResources(bundle: Bundle): Resource[] {
  const entries = (bundle.entry ?? []).flatMap((entry) =>
    entry.fullUrl?.startsWith("urn:uuid:") === true && entry.resource !== undefined
      ? [{ uuid: entry.fullUrl.slice("urn:uuid:".length), fullUrl: entry.fullUrl, resource: entry.resource }]
      : [],
  );
  const relative = new Map(entries.map(({ uuid, fullUrl, resource }) => [fullUrl, `${resource.resourceType}/${uuid}`]));
  return entries.map(({ uuid, resource }) => {
    const rewritten: unknown = cloneDeepWith(resource, (value: unknown, key) => {
      if (key !== "reference" || typeof value !== "string") return undefined; // clone as usual
      return relative.get(value) ?? value;
    });
    const { resourceType, id: _written, ...rest } = rewritten as Resource;
    return { resourceType, id: uuid, ...rest } as Resource;
  });
}
