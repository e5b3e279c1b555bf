/**
 * How fast plans are, measured two ways against two references, in one process:
 *
 *   (a) the whole plan (`engine.recommend`: validation, facts, rules, composition) against
 *       json-rules-engine evaluating the same rule conditions alone, on the same derived facts;
 *   (b) backplan's rule evaluation alone (each compiled rule's `test`) against the floor: closures
 *       hand-specialised to each condition of the same pack (`floor.ts`), on the same facts.
 *
 * Machines here are noisy, so the variants run interleaved, round after round, and each ratio is
 * taken within a round (both sides measured moments apart): the report gives the min, median and
 * max of those per-round ratios, never a ratio of medians. Time is the main thread's CPU time
 * (Linux's schedstat), so other processes on a loaded machine do not count; elsewhere, wall time.
 *
 * The stage breakdown times growing prefixes of the engine's own work: validate
 * (`parseAssessment`), + derive (the facts the rules read), and the whole plan; rule evaluation
 * is (b)'s figure for all the pack's rules, and composition is what remains. Finer stages (reasons
 * and details, data gaps) are for a CPU profile: `node --cpu-prof --import tsx benchmarks/plans.bench.ts`.
 *
 *   npm run bench            # 10,000 assessments, 5 interleaved rounds
 *   npm run bench -- 2000 3  # fewer, for a quick look
 */
import { readFileSync } from "node:fs";
import { Engine as JsonRulesEngine } from "json-rules-engine";
import { floorOf } from "./floor.js";
import { shipped } from "./shipped.js";

// The code as shipped (dist/, after `npm run build`): under tsx, every named inner function of
// the source is wrapped in a `__name` call, which costs a third of a plan.
const { createEngine, deriveFacts, parseAssessment } =
  await shipped<typeof import("../src/core/index.js")>("core/index");
const { prepare } = await shipped<typeof import("../src/core/run/compose/prepare.js")>("core/run/compose/prepare");
const { generateCohort } = await shipped<typeof import("../src/authoring/cohort/index.js")>("authoring/cohort/index");
const { factDeriver } = await shipped<typeof import("../src/core/run/facts/catalog.js")>("core/run/facts/catalog");
const { FactTable, slotOf } =
  await shipped<typeof import("../src/core/run/facts/fact-table.js")>("core/run/facts/fact-table");
const { loadRuleset } = await shipped<typeof import("../src/node/index.js")>("node/index");

const size = Number(process.argv[2] ?? 10_000);
const rounds = Number(process.argv[3] ?? 5);
const SEED = 20261123;
/** Rule evaluation alone is quick: each of its passes goes over the cohort this many times, to be timed reliably. */
const EVALUATION_REPEATS = 10;

const ruleset = await loadRuleset();
const engine = createEngine(ruleset);
const deriveRead = factDeriver(prepare(ruleset).reads); // as the engine derives
// The seeded synthetic cohort `backplan impact` uses: realistic case mix, some answers missing.
const assessments = generateCohort(size, SEED);
const rules = ruleset.rules.length;

// Every rule sees the facts as the first priority does: the derived facts, the profile, and an
// empty plan (json-rules-engine cannot stage rules by priority, so plan.* stay empty for all).
// Held as the engine holds them, in a table by slot, which the floor reads too.
const factTables = assessments.map((a) => {
  const facts = FactTable.from(deriveFacts(parseAssessment(a)));
  facts.set("profile", ruleset.defaultProfile);
  facts.set("plan.components", []);
  facts.set("plan.categories", []);
  return facts;
});

// json-rules-engine gets the same conditions and facts, as plain objects. Undefined facts are
// allowed (it then compares with `undefined`), which only makes its job easier.
const jre = new JsonRulesEngine([], { allowUndefinedFacts: true });
for (const rule of ruleset.rules) {
  const conditions = "all" in rule.when || "any" in rule.when || "not" in rule.when ? rule.when : { all: [rule.when] };
  jre.addRule({ name: rule.id, priority: 1, conditions, event: { type: rule.id } });
}
const factObjects = factTables.map((facts) => Object.fromEntries(facts));

const tests = ruleset.rules.map((rule) => rule.test);
const floors = ruleset.rules.map((rule) => floorOf(rule.when, slotOf));
// The floor is only a floor if it decides the same: check every rule on every assessment once.
factTables.forEach((facts, index) => {
  ruleset.rules.forEach((rule, r) => {
    if (rule.test(facts) !== floors[r]?.(facts))
      throw new Error(`floor disagrees: rule ${rule.id}, assessment ${index}`);
  });
});

/** One pass over the cohort; each returns a number derived from its results, so none is optimized away. */
const variants = {
  validate: () => count(assessments, (a) => (parseAssessment(a) === a ? 1 : 0)),
  derive: () => count(assessments, (a) => deriveRead(parseAssessment(a)).size),
  plan: () => count(assessments, (a) => engine.recommend(a).components.length),
  jre: async () => {
    let events = 0;
    for (const facts of factObjects) events += (await jre.run(facts)).events.length;
    return events;
  },
  evaluate: () => evaluateAll(tests),
  floor: () => evaluateAll(floors),
} satisfies Record<string, () => number | Promise<number>>;
type Variant = keyof typeof variants;

function count<T>(items: readonly T[], measure: (item: T) => number): number {
  let total = 0;
  for (const item of items) total += measure(item);
  return total;
}

/** Every rule's test on every assessment's facts, `EVALUATION_REPEATS` times: the number that held. */
function evaluateAll(conditions: readonly ((facts: InstanceType<typeof FactTable>) => unknown)[]): number {
  let held = 0;
  for (let repeat = 0; repeat < EVALUATION_REPEATS; repeat++)
    for (const facts of factTables) for (const test of conditions) if (test(facts) === true) held++;
  return held;
}

/** Microseconds per item: per assessment, or per rule evaluation for `evaluate` and `floor`. */
const perItemUs = Object.fromEntries(Object.keys(variants).map((name) => [name, [] as number[]])) as Record<
  Variant,
  number[]
>;
const itemsOf = (name: Variant) => (name === "evaluate" || name === "floor" ? size * rules * EVALUATION_REPEATS : size);
/** Nanoseconds: the main thread's time on a CPU where Linux tells it, else the wall clock. */
const clock = (() => {
  const schedstat = `/proc/self/task/${process.pid}/schedstat`;
  try {
    readFileSync(schedstat, "utf8");
  } catch {
    return () => process.hrtime.bigint();
  }
  return () => BigInt(readFileSync(schedstat, "utf8").split(" ")[0] ?? "0");
})();
let sink = 0;
for (const run of Object.values(variants)) sink += await run(); // warm-up: JIT every variant before timing
for (let round = 0; round < rounds; round++) {
  for (const [name, run] of Object.entries(variants) as [Variant, () => number | Promise<number>][]) {
    const start = clock();
    sink += await run();
    perItemUs[name].push(Number(clock() - start) / itemsOf(name) / 1000);
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}
/** min / median / max of a per-round ratio. */
function spread(ratios: readonly number[], digits = 1): string {
  const sorted = [...ratios].sort((a, b) => a - b);
  const show = (value: number | undefined) => (value ?? Number.NaN).toFixed(digits);
  return `${show(sorted[0])} / ${show(median(sorted))} / ${show(sorted.at(-1))}`;
}
const perRound = (top: Variant, bottom: Variant) =>
  perItemUs[top].map((value, round) => value / (perItemUs[bottom][round] ?? Number.NaN));

const [validate, derive, plan, jreUs] = (["validate", "derive", "plan", "jre"] as const).map((name) =>
  median(perItemUs[name]),
) as [number, number, number, number];
const [ruleNs, floorNs] = [median(perItemUs.evaluate) * 1000, median(perItemUs.floor) * 1000];
const evaluate = (ruleNs * rules) / 1000;
const us = (value: number) => `${value.toFixed(2).padStart(7)} µs`;
console.log(`rules: ${rules}, assessments: ${size} × ${rounds} rounds (seed ${SEED}), checksum ${sink}`);
console.log(`medians of rounds:`);
console.log(`  backplan, whole plan:               ${us(plan)}/plan, ${Math.round(1e6 / plan)} plans/s`);
console.log(`    validate (schema + consistency)   ${us(validate)}`);
console.log(`    derive facts                    + ${us(derive - validate)}`);
console.log(`    evaluate ${rules} rules              + ${us(evaluate)}`);
console.log(`    compose (reasons, gaps, trace…) + ${us(plan - derive - evaluate)}`);
console.log(`  json-rules-engine, conditions only: ${us(jreUs)}/evaluation (${(jreUs / rules).toFixed(2)} µs/rule)`);
console.log(`  backplan rule evaluation:           ${ruleNs.toFixed(1).padStart(7)} ns/rule`);
console.log(`  floor (hand-specialised closures):  ${floorNs.toFixed(1).padStart(7)} ns/rule`);
console.log(`per-round ratios, min / median / max:`);
console.log(`  json-rules-engine ÷ whole plan:     ${spread(perRound("jre", "plan"))}× (target ≥ 20×)`);
console.log(`  rule evaluation ÷ floor:            ${spread(perRound("evaluate", "floor"), 2)}× (target ≤ 3×)`);
