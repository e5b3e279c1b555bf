/**
 * What each file of a rule pack is, decided by its path alone (relative to the pack root):
 *
 *   pack.yaml            the manifest: name, version, guideline profiles (pack.schema.json)
 *   components.yaml      the component catalog (components.schema.json)
 *   evidence.yaml        the evidence catalog (evidence.schema.json)
 *   tests/**\/*.yaml     scenario tests (scenarios.schema.json)
 *   any other *.yaml or *.yml: a rule file (rules.schema.json)
 *
 * Other files (a README, notes) are not part of the pack. Each kind describes itself: its schema
 * and the list of items it holds, so messages can name "rule "x"" or "component "y"" (its
 * validator is in schema-validate.ts).
 */

export type FileKind = "manifest" | "components" | "evidence" | "scenarios" | "rules";

/** The list of items a file holds: `rules`, `components`, … and what one item is called. */
export interface Collection {
  /** The top-level key holding the list. */
  readonly key: string;
  /** What one item is called in messages. */
  readonly noun: string;
  /** The key that names an item. */
  readonly idKey: string;
  /**
   * The keys the semantic checks read. An item whose schema errors spare them (a misspelt
   * `prority`, an empty title) is still checked, so one typo does not hide its other problems.
   */
  readonly checked: readonly string[];
}

export interface FileKindDefinition {
  readonly kind: FileKind;
  /** The schema document under `schemas/`. */
  readonly schema: string;
  readonly collection: Collection;
  /** For a file every pack must have: its path and, for the message, what it holds. */
  readonly required?: { readonly path: string; readonly holds: string };
}

export const fileKinds = {
  manifest: {
    kind: "manifest",
    schema: "pack.schema.json",
    collection: { key: "profiles", noun: "profile", idKey: "id", checked: ["id"] },
    required: { path: "pack.yaml", holds: "its name, version and guideline profiles" },
  },
  components: {
    kind: "components",
    schema: "components.schema.json",
    collection: { key: "components", noun: "component", idKey: "id", checked: ["id", "contraindications"] },
    required: { path: "components.yaml", holds: "the catalog of components a plan can hold" },
  },
  evidence: {
    kind: "evidence",
    schema: "evidence.schema.json",
    collection: { key: "evidence", noun: "evidence", idKey: "id", checked: ["id"] },
    required: { path: "evidence.yaml", holds: "the catalog of sources rules cite" },
  },
  scenarios: {
    kind: "scenarios",
    schema: "scenarios.schema.json",
    collection: {
      key: "scenarios",
      noun: "scenario",
      idKey: "name",
      checked: ["name", "profile", "assessment", "expect"],
    },
  },
  rules: {
    kind: "rules",
    schema: "rules.schema.json",
    collection: { key: "rules", noun: "rule", idKey: "id", checked: ["id", "when", "then", "evidence"] },
  },
} as const satisfies Readonly<Record<FileKind, FileKindDefinition>>;

/** The part of an item of `kind` that the semantic checks may rely on. */
export type CheckedKeys<K extends FileKind> = (typeof fileKinds)[K]["collection"]["checked"][number];

const BY_PATH: ReadonlyMap<string, FileKind> = new Map(
  Object.values(fileKinds).flatMap((k: FileKindDefinition) =>
    k.required === undefined ? [] : [[k.required.path, k.kind] as const],
  ),
);

/** The kind of the file at `path`, or `undefined` for a file that is not YAML. */
export function fileKindOf(path: string): FileKind | undefined {
  if (!/\.ya?ml$/.test(path)) return undefined;
  return BY_PATH.get(path) ?? (path.startsWith("tests/") ? "scenarios" : "rules");
}
