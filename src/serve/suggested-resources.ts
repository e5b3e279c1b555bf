import type { Bundle, Resource } from "../core/index.js";

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
    const rewritten = withReferences(resource, (reference) => relative.get(reference) ?? reference);
    const { resourceType, id: _written, ...rest } = rewritten as Resource;
    return { resourceType, id: uuid, ...rest } as Resource;
  });
}

/** A copy of JSON data with each string `reference` rewritten; the resource itself is left as it was. */
function withReferences(value: unknown, rewrite: (reference: string) => string): unknown {
  if (Array.isArray(value)) return value.map((item) => withReferences(item, rewrite));
  if (typeof value !== "object" || value === null) return value;
  // fromEntries defines each key as data, so a "__proto__" key stays a key, as in the input.
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      key === "reference" && typeof item === "string" ? rewrite(item) : withReferences(item, rewrite),
    ]),
  );
}
