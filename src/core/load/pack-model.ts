import { factCatalog } from "../run/facts/catalog.js";
import type { FactDefinition } from "../run/facts/types.js";
import type { ValidationErrorObject } from "../generated/validate-function.js";
import type {
  ComponentDefinition,
  EvidenceSource,
  PackManifest,
  ProfileDefinition,
  Rule,
  Scenario,
} from "../generated/types.js";
import { contextFacts } from "./context-facts.js";
import { fileKinds, type CheckedKeys, type FileKind } from "./pack-layout.js";
import type { SourceFile } from "./parse/source-file.js";
import { childPointer, isWithin, pointerSegments } from "../pointer.js";

/** A value from a pack file, with where it was written. */
export interface Located<T> {
  readonly value: T;
  readonly file: SourceFile;
  /** JSON Pointer to the value in its file. */
  readonly pointer: string;
}

/** The items of one kind across the pack. */
export interface Catalog<T> {
  /** Items whose checked parts passed schema validation (see `Collection.checked`), in file (path) order. */
  readonly items: readonly Located<T>[];
  /** Every id written, valid item or not, so one broken item does not make references to it "unknown". */
  readonly ids: ReadonlySet<string>;
  /** Whether every file of this kind was read and every item made it into `items`. */
  readonly complete: boolean;
  /** Whether every file of this kind was read, so `ids` holds every id written (items may still be spoiled). */
  readonly allIdsKnown: boolean;
}

/** A parsed file and its raw schema errors (which tell valid items from broken ones). */
export interface ValidatedFile {
  readonly file: SourceFile;
  readonly errors: readonly ValidationErrorObject[];
}

/**
 * The pack as the semantic checks see it. Items carry only the parts checks may rely on. A
 * catalog is `undefined` when its file is missing or unusable: checks that need it then stay
 * silent rather than report every reference as unknown.
 */
export interface PackModel {
  /** Set only when pack.yaml is fully valid. */
  readonly manifest: Located<PackManifest> | undefined;
  readonly profiles: Catalog<Pick<ProfileDefinition, CheckedKeys<"manifest">>> | undefined;
  readonly components: Catalog<Pick<ComponentDefinition, CheckedKeys<"components">>> | undefined;
  readonly evidence: Catalog<Pick<EvidenceSource, CheckedKeys<"evidence">>> | undefined;
  readonly rules: Catalog<Pick<Rule, CheckedKeys<"rules">>>;
  readonly scenarios: Catalog<Pick<Scenario, CheckedKeys<"scenarios">>>;
  /** The fact catalog and this pack's context facts. */
  readonly facts: ReadonlyMap<string, FactDefinition>;
}

/** Gathers the validated files (sorted by path) into the pack model; `unreadable` lists the kinds of files that could not be parsed. */
export function buildPackModel(files: readonly ValidatedFile[], unreadable: readonly FileKind[]): PackModel {
  const ofKind = (kind: FileKind) => ({
    files: files.filter((f) => f.file.kind === kind),
    unreadable: unreadable.includes(kind),
  });
  const manifestFile = ofKind("manifest").files[0];
  const profiles = usable(catalogOf<ProfileDefinition>(ofKind("manifest")));
  const components = usable(catalogOf<ComponentDefinition>(ofKind("components")));
  const context = contextFacts({
    ...(profiles === undefined ? {} : { profiles: [...profiles.ids] }),
    ...(components === undefined ? {} : { components: [...components.ids] }),
  });
  return {
    manifest:
      manifestFile !== undefined && manifestFile.errors.length === 0
        ? { value: manifestFile.file.data as PackManifest, file: manifestFile.file, pointer: "" }
        : undefined,
    profiles,
    components,
    evidence: usable(catalogOf<EvidenceSource>(ofKind("evidence"))),
    rules: catalogOf<Rule>(ofKind("rules")),
    scenarios: catalogOf<Scenario>(ofKind("scenarios")),
    facts: new Map([...factCatalog, ...context.map((fact) => [fact.name, fact] as const)]),
  };
}

/** A catalog some file holds a list of: the others cannot tell a known id from an unknown one. */
function usable<T>(catalog: Catalog<T> & { readonly lists: number }): Catalog<T> | undefined {
  return catalog.lists > 0 ? catalog : undefined;
}

/** The items of the files' collections, and how many files hold a list of them. */
function catalogOf<T>({
  files,
  unreadable,
}: {
  files: readonly ValidatedFile[];
  unreadable: boolean;
}): Catalog<T> & { readonly lists: number } {
  const items: Located<T>[] = [];
  const ids = new Set<string>();
  let lists = 0;
  let complete = !unreadable;
  let allIdsKnown = !unreadable;
  for (const { file, errors } of files) {
    const { key, idKey, checked } = fileKinds[file.kind].collection;
    const list =
      typeof file.data === "object" && file.data !== null ? (file.data as Record<string, unknown>)[key] : undefined;
    if (!Array.isArray(list)) {
      complete = false;
      allIdsKnown = false;
      continue;
    }
    lists++;
    list.forEach((item: unknown, index) => {
      const pointer = childPointer(childPointer("", key), index);
      const id = typeof item === "object" && item !== null ? (item as Record<string, unknown>)[idKey] : undefined;
      if (typeof id === "string") ids.add(id);
      if (!errors.some((e) => spoils(e, pointer, checked))) items.push({ value: item as T, file, pointer });
      else complete = false;
    });
  }
  return { items, ids, complete, allIdsKnown, lists };
}

/**
 * Whether a schema error leaves the item at `pointer` unfit for the checks: it lies in a checked
 * part, or removes one, or makes the item no mapping. An unknown key or a missing unchecked key
 * does not.
 */
function spoils(error: ValidationErrorObject, pointer: string, checked: readonly string[]): boolean {
  if (!isWithin(error.instancePath, pointer)) return false;
  if (error.instancePath !== pointer)
    return checked.includes(pointerSegments(error.instancePath.slice(pointer.length))[0] ?? "");
  if (error.keyword === "additionalProperties") return false;
  if (error.keyword === "required") return checked.includes(String(error.params["missingProperty"]));
  return true;
}
