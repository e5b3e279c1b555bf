/**
 * backplan for Node: read rule folders and assessment files, then use the core as usual. The
 * core is re-exported, so one import serves a Node program.
 *
 * @example
 * import { createEngine, loadRuleset, readAssessmentFile, renderPlan } from "backplan/node";
 * const engine = createEngine(await loadRuleset()); // the bundled rules/ pack
 * const plan = engine.recommend(await readAssessmentFile("patient.yaml"));
 * console.log(renderPlan(plan, "text"));
 */
export * from "../core/index.js";
export { readAssessmentFile, readAssessmentText } from "./assessment-file.js";
export { bundledRulesDir } from "./bundled.js";
export { readCohortFile } from "./cohort-file.js";
export { startImpactWorkers } from "./impact-workers.js";
export type { ImpactWorkers, WorkerCohort, WorkerImpactInput } from "./impact-workers.js";
export { MAX_FILE_BYTES, MAX_RULE_FILES, MAX_YAML_ALIASES } from "./limits.js";
export { checkRuleFolder, loadRuleset } from "./load-ruleset.js";
export type { FolderCheck, LoadOptions } from "./load-ruleset.js";
export { readRuleFiles, sameScenarioFiles } from "./rule-files.js";
