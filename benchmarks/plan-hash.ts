/**
 * A fingerprint of every plan the engine makes for the seeded synthetic cohort, under each of the
 * pack's profiles: SHA-256 over the canonical JSON (sorted keys) of each plan, in cohort order.
 * A speed change must leave it unchanged: plans byte-identical before and after. A second hash
 * over plain `JSON.stringify` also pins the order of each plan's keys.
 *
 *   npx tsx benchmarks/plan-hash.ts            # 10,000 assessments, seed 20261123
 *   npx tsx benchmarks/plan-hash.ts 500 7      # size, seed
 */
import { createHash } from "node:crypto";
import { generateCohort } from "../src/authoring/cohort/index.js";
import { createEngine } from "../src/core/index.js";
import { canonicalJson } from "../src/authoring/impact/canonical-json.js";
import { loadRuleset } from "../src/node/index.js";

const size = Number(process.argv[2] ?? 10_000);
const seed = Number(process.argv[3] ?? 20261123);

const ruleset = await loadRuleset();
const engine = createEngine(ruleset);
const cohort = generateCohort(size, seed); // about 30% are follow-up visits
const canonical = createHash("sha256");
const ordered = createHash("sha256");
let followUps = 0;
for (const profile of ruleset.profiles.map((p) => p.id)) {
  for (const assessment of cohort) {
    if (assessment.followUp !== undefined) followUps++;
    const plan = engine.recommend(assessment, { profile });
    canonical.update(canonicalJson(plan)).update("\n");
    ordered.update(JSON.stringify(plan)).update("\n");
  }
}
console.log(`plans: ${size} × ${ruleset.profiles.length} profiles (seed ${seed}, ${followUps} follow-up plans)`);
console.log(`canonical sha256: ${canonical.digest("hex")}`);
console.log(`key-order sha256: ${ordered.digest("hex")}`);
