/**
 * Plans per second on the bundled rules, end to end (validation, scoring, evaluation,
 * composition), against json-rules-engine evaluating the same rule conditions alone, in the same
 * process. Machines here are noisy, so the result is a ratio of two interleaved runs.
 *
 *   npm run bench            # 10,000 assessments, 5 interleaved rounds
 *   npm run bench -- 2000 3  # fewer, for a quick look
 */
import { Engine as JsonRulesEngine } from "json-rules-engine";
import { createEngine, deriveFacts, parseAssessment } from "../src/core/index.js";
import { loadRuleset } from "../src/node/index.js";
import { cohort } from "../tests/arbitraries/assessment.js";

const size = Number(process.argv[2] ?? 10_000);
const rounds = Number(process.argv[3] ?? 5);
const SEED = 20261123;

const ruleset = await loadRuleset();
const engine = createEngine(ruleset);
const assessments = cohort(size, SEED);

// json-rules-engine gets the same conditions and the same derived facts, as plain objects.
// It cannot stage rules by priority, so plan.* facts are empty lists; undefined facts are allowed
// (it then compares with `undefined`), which only makes its job easier.
const jre = new JsonRulesEngine([], { allowUndefinedFacts: true });
for (const rule of ruleset.rules) {
  const conditions = "all" in rule.when || "any" in rule.when || "not" in rule.when ? rule.when : { all: [rule.when] };
  jre.addRule({ name: rule.id, priority: 1, conditions: conditions as never, event: { type: rule.id } });
}
const factObjects = assessments.map((a) => {
  const facts: Record<string, unknown> = Object.fromEntries(deriveFacts(parseAssessment(a)));
  facts["profile"] = ruleset.defaultProfile;
  facts["plan.components"] = [];
  facts["plan.categories"] = [];
  return facts;
});

async function runJre(): Promise<number> {
  let events = 0;
  for (const facts of factObjects) events += (await jre.run(facts)).events.length;
  return events;
}

function runBackplan(): number {
  let components = 0;
  for (const assessment of assessments) components += engine.recommend(assessment).components.length;
  return components;
}

let backplanNs = 0n;
let jreNs = 0n;
let sink = 0;
runBackplan(); // warm-up: JIT both sides before timing
await runJre();
for (let round = 0; round < rounds; round++) {
  let t = process.hrtime.bigint();
  sink += runBackplan();
  backplanNs += process.hrtime.bigint() - t;
  t = process.hrtime.bigint();
  sink += await runJre();
  jreNs += process.hrtime.bigint() - t;
}

const n = size * rounds;
const perPlanUs = Number(backplanNs) / n / 1000;
const perJreUs = Number(jreNs) / n / 1000;
const rules = ruleset.rules.length;
console.log(`rules: ${rules}, assessments: ${size} × ${rounds} rounds (seed ${SEED}), checksum ${sink}`);
console.log(`backplan, whole plan (validate + score + evaluate + compose): ${perPlanUs.toFixed(2)} µs/plan, ${Math.round(1e6 / perPlanUs)} plans/s`);
console.log(`json-rules-engine, conditions only:                      ${perJreUs.toFixed(2)} µs/evaluation (${(perJreUs / rules).toFixed(2)} µs/rule)`);
console.log(`ratio: backplan whole plans are ${(perJreUs / perPlanUs).toFixed(1)}× faster than json-rules-engine's bare evaluation`);
