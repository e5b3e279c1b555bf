/**
 * Assessment intake: validation against the schema and the cross-field checks (the instruments
 * that score it are in ./instruments/).
 */
export { parseAssessment, safeParseAssessment } from "./validate.js";
export { codes as assessmentIssueCodes } from "./messages.js";
export type { AssessmentIssueCode } from "./messages.js";
