/**
 * Plans per second on the bundled rules, end to end (validation, scoring, evaluation,
 * composition), against json-rules-engine evaluating the same rule conditions alone, in the same
 * process. Machines here are noisy, so variants run interleaved, round after round, and each is
 * reported by its median round; the headline is the ratio of the two medians.
 *
 * Stages are timed as growing prefixes of the engine's own work, so they add up to the whole:
 * validate (`parseAssessment`), then + derive (the facts the pack's rules read), then the whole
 * plan (+ evaluate and compose).
 *
 *   npm run bench            # 10,000 assessments, 5 interleaved rounds
 *   npm run bench -- 2000 3  # fewer, for a quick look
 */
import { Engine as JsonRulesEngine } from "json-rules-engine";
import { prepare } from "../src/core/compose/prepare.js";
import { generateCohort } from "../src/core/cohort/index.js";
import { createEngine, deriveFacts, parseAssessment } from "../src/core/index.js";
import { factDeriver } from "../src/core/facts/catalog.js";
import { loadRuleset } from "../src/node/index.js";

const size = Number(process.argv[2] ?? 10_000);
const rounds = Number(process.argv[3] ?? 5);
const SEED = 20261123;

const ruleset = await loadRuleset();
const engine = createEngine(ruleset);
const deriveRead = factDeriver(prepare(ruleset).reads); // as the engine derives
// The seeded synthetic cohort `backplan impact` uses: realistic case mix, some answers missing.
const assessments = generateCohort(size, SEED);

// json-rules-engine gets the same conditions and the same derived facts, as plain objects.
// It cannot stage rules by priority, so plan.* facts are empty lists; undefined facts are allowed
// (it then compares with `undefined`), which only makes its job easier.
const jre = new JsonRulesEngine([], { allowUndefinedFacts: true });
for (const rule of ruleset.rules) {
  const conditions = "all" in rule.when || "any" in rule.when || "not" in rule.when ? rule.when : { all: [rule.when] };
  jre.addRule({ name: rule.id, priority: 1, conditions, event: { type: rule.id } });
}
const factObjects = assessments.map((a) => {
  const facts: Record<string, unknown> = Object.fromEntries(deriveFacts(parseAssessment(a)));
  facts["profile"] = ruleset.defaultProfile;
  facts["plan.components"] = [];
  facts["plan.categories"] = [];
  return facts;
});

/** One pass over the cohort; each returns a number derived from its results, so none is optimized away. */
const variants: Record<string, () => number | Promise<number>> = {
  validate: () => count(assessments, (a) => (parseAssessment(a) === a ? 1 : 0)),
  derive: () => count(assessments, (a) => deriveRead(parseAssessment(a)).size),
  plan: () => count(assessments, (a) => engine.recommend(a).components.length),
  jre: async () => {
    let events = 0;
    for (const facts of factObjects) events += (await jre.run(facts)).events.length;
    return events;
  },
};

function count<T>(items: readonly T[], measure: (item: T) => number): number {
  let total = 0;
  for (const item of items) total += measure(item);
  return total;
}

const perItemUs: Record<string, number[]> = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
let sink = 0;
for (const run of Object.values(variants)) sink += await run(); // warm-up: JIT every variant before timing
for (let round = 0; round < rounds; round++) {
  for (const [name, run] of Object.entries(variants)) {
    const start = process.hrtime.bigint();
    sink += await run();
    perItemUs[name]?.push(Number(process.hrtime.bigint() - start) / size / 1000);
  }
}

function median(name: string): number {
  const sorted = [...(perItemUs[name] ?? [])].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

const [validate, derive, plan, jreUs] = [median("validate"), median("derive"), median("plan"), median("jre")];
const rules = ruleset.rules.length;
const us = (value: number) => `${value.toFixed(2).padStart(7)} µs`;
console.log(
  `rules: ${rules}, assessments: ${size} × ${rounds} rounds (seed ${SEED}), medians of rounds, checksum ${sink}`,
);
console.log(`backplan, whole plan:                   ${us(plan)}/plan, ${Math.round(1e6 / plan)} plans/s`);
console.log(`  validate (schema + consistency)       ${us(validate)}`);
console.log(`  derive facts                        + ${us(derive - validate)}`);
console.log(`  evaluate + compose                  + ${us(plan - derive)}`);
console.log(`json-rules-engine, conditions only:     ${us(jreUs)}/evaluation (${(jreUs / rules).toFixed(2)} µs/rule)`);
console.log(
  `ratio: backplan whole plans are ${(jreUs / plan).toFixed(1)}× faster than json-rules-engine's bare evaluation`,
);
