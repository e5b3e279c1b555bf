/** The synthetic cohort: seeded, realistic, valid assessments for `backplan impact` and benchmarks. */
export { generateAssessment, generateCohort } from "./generate.js";
