/**
 * Assessment intake: validation against the schema and the cross-field checks, and the scoring
 * of its instruments.
 */
export { parseAssessment, safeParseAssessment } from "./validate.js";
export { codes as assessmentIssueCodes } from "./messages.js";
export type { AssessmentIssueCode } from "./messages.js";
export { instruments } from "./instruments/index.js";
export type { ConsistencyCheck, Instrument } from "./instruments/index.js";
export { startBackRisk, startBackScores } from "./instruments/start-back.js";
export type { StartBackRisk } from "./instruments/start-back.js";
export { odiPercent } from "./instruments/odi.js";
export { bmiOf } from "./instruments/bmi.js";
export { axialSpaFeatures } from "./instruments/axial-spa.js";
