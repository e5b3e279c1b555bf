import { assessmentSchema, type SchemaNode } from "./schema.js";

/** One field of the assessment schema. */
export interface Field {
  /** Dotted path, e.g. `questionnaires.phq9.total`. */
  readonly path: string;
  readonly node: SchemaNode;
}

/** Every field under `node`, groups (objects of fields) before their members, in schema order. */
function fieldsUnder(node: SchemaNode, prefix: string): Field[] {
  return Object.entries(node.properties ?? {}).flatMap(([name, child]) => {
    const path = prefix === "" ? name : `${prefix}.${name}`;
    return [{ path, node: child }, ...fieldsUnder(child, path)];
  });
}

const all = fieldsUnder(assessmentSchema, "");

/** The dotted paths of every field and group, e.g. `questionnaires`, `questionnaires.phq9`. */
export const fieldPaths: readonly string[] = all.map((field) => field.path);

/** Every leaf field (one that is not an object of fields), in schema order. */
export const fields: readonly Field[] = all.filter((field) => field.node.properties === undefined);
