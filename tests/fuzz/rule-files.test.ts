/**
 * Fuzz: mutated rule files through `safeCompileRuleset`. Never a throw; a refused pack's issues
 * each name a file of the pack (with a line and column ≥ 1 when they have a position) and read
 * printably; a compiled pack plans cohort assessments into valid plans.
 *
 * The whole bundled pack takes ~0.3–1.5 s to compile here, too slow for 1,000 cases, so each case
 * compiles a small pack that is self-consistent without mutation (~10 ms): pack.yaml, one rule
 * file of the bundled pack, and components.yaml and evidence.yaml cut down to the entries that
 * rule file (and those components) name. One of those four files is mutated, as text or as
 * parsed YAML written back. Values stay in the hundreds of items (`big` false): the generated
 * schema validator concatenates its error list per nested call, so a list of thousands of invalid
 * conditions costs seconds there (8,000: ~12 s), which would swamp this suite; that is a known
 * limitation, not an invariant tested here.
 */
import fc from "fast-check";
import { parse, stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { generateCohort } from "../../src/authoring/cohort/index.js";
import { createEngine } from "../../src/core/run/engine.js";
import { formatIssue } from "../../src/core/errors.js";
import { validatePlan } from "../../src/core/generated/validators.js";
import { safeCompileRuleset } from "../../src/core/load/index.js";
import type { RuleFileText } from "../../src/core/load/types.js";
import { bundledFiles } from "../properties/bundled-pack.js";
import { FUZZ_SEED, caseSeed, fuzzParameters, isPrintable, mutateText, mutateValue, random } from "./mutate.js";

type Json = Record<string, unknown>;

/** Rule files whose small pack compiles in ~10 ms (the others need more of the pack). */
const RULE_FILES = ["lifestyle.yaml", "psychological.yaml", "sciatica.yaml", "stratification.yaml", "work.yaml"];

const text = (path: string): string => {
  const file = bundledFiles.find((f) => f.path === path);
  if (file === undefined) throw new Error(`no ${path} in the bundled pack`);
  return file.text;
};

function names(haystack: string, id: string): boolean {
  const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(^|[^\\w-])${escaped}($|[^\\w-])`).test(haystack);
}

/** pack.yaml, the rule file, and the catalog entries it needs. */
function smallPack(rulePath: string): RuleFileText[] {
  const rules = text(rulePath);
  const components = parse(text("components.yaml")) as { components: Json[] };
  const kept = components.components.filter((c) => names(rules, String(c["id"])));
  const componentsText = stringify({ ...components, components: kept });
  const evidence = parse(text("evidence.yaml")) as { evidence: Json[] };
  const cited = evidence.evidence.filter(
    (e) => names(rules, String(e["id"])) || names(componentsText, String(e["id"])),
  );
  return [
    { path: "pack.yaml", text: text("pack.yaml") },
    { path: "components.yaml", text: componentsText },
    { path: "evidence.yaml", text: stringify({ ...evidence, evidence: cited }) },
    { path: rulePath, text: rules },
  ];
}

const packs = RULE_FILES.map(smallPack);
/** Each file of each pack parsed once: the structural mutations copy it. */
const parsed = packs.map((pack) => pack.map((file) => parse(file.text) as unknown));
const cohort = generateCohort(2, FUZZ_SEED);

describe("fuzz: rule files", () => {
  it("every small pack compiles unmutated (the seeds are valid)", () => {
    for (const pack of packs) expect(safeCompileRuleset(pack).ok).toBe(true);
  });

  it("mutated rule files: no throw; issues located and printable; a compiled pack gives valid plans", () => {
    fc.assert(
      fc.property(caseSeed, (seed) => {
        const r = random(seed);
        const which = r.int(packs.length);
        const pack = packs[which] as RuleFileText[];
        const index = r.int(pack.length);
        const target = pack[index] as RuleFileText;
        let mutated: string;
        if (r.chance(0.5)) {
          mutated = mutateText(target.text, r, 1 + r.int(3));
        } else {
          const value = mutateValue(parsed[which]?.[index], r, 1 + r.int(3), false, false);
          mutated = r.chance(0.8) ? stringify(value) : JSON.stringify(value);
        }
        const files = pack.map((file, i) => (i === index ? { path: file.path, text: mutated } : file));
        const paths = new Set(files.map((f) => f.path));
        const compiled = safeCompileRuleset(files);
        if (!compiled.ok) {
          expect("value" in compiled).toBe(false);
          expect(compiled.issues.some((issue) => issue.severity === "error")).toBe(true);
          for (const issue of compiled.issues) {
            const shown = formatIssue(issue);
            expect(isPrintable(shown, 2500), `unprintable: ${JSON.stringify(shown.slice(0, 300))}`).toBe(true);
            if (issue.source === undefined) continue;
            expect(paths.has(issue.source.file), `${shown} names no file of the pack`).toBe(true);
            expect(issue.source.line, shown).toBeGreaterThanOrEqual(1);
            expect(issue.source.column, shown).toBeGreaterThanOrEqual(1);
          }
          return;
        }
        const engine = createEngine(compiled.value);
        for (const assessment of cohort.slice(0, 2)) {
          const planned = engine.safeRecommend(assessment);
          expect(planned.ok, JSON.stringify(planned.ok ? [] : planned.issues.slice(0, 2))).toBe(true);
          if (planned.ok) expect(validatePlan(planned.value), JSON.stringify(validatePlan.errors)).toBe(true);
        }
      }),
      fuzzParameters,
    );
  }, 120_000);
});
