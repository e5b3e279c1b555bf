import type { Check } from "./check.js";
import { componentReferences } from "./component-references.js";
import { conditionLogic } from "./condition-logic.js";
import { conditionValues } from "./condition-values.js";
import { contraindications } from "./contraindications.js";
import { defaultProfile } from "./default-profile.js";
import { duplicateIds } from "./duplicate-ids.js";
import { evidenceLinks } from "./evidence-links.js";
import { evidenceReferences } from "./evidence-references.js";
import { factReferences } from "./fact-references.js";
import { governance } from "./governance.js";
import { reasonTemplates } from "./reason-templates.js";
import { ruleInteractionsCheck } from "./rule-interactions.js";
import { scenarioAssessments } from "./scenario-assessments.js";
import { scenarioReferences } from "./scenario-references.js";
import { thresholdText } from "./threshold-text.js";
import { unusedComponents, unusedEvidence } from "./unused.js";

export type { Check } from "./check.js";

/** Every semantic check of a pack, run after schema validation on the items that passed it. */
export const checks: readonly Check[] = [
  duplicateIds,
  defaultProfile,
  componentReferences,
  evidenceReferences,
  factReferences,
  conditionValues,
  conditionLogic,
  ruleInteractionsCheck,
  contraindications,
  reasonTemplates,
  thresholdText,
  scenarioReferences,
  scenarioAssessments,
  unusedComponents,
  unusedEvidence,
  evidenceLinks,
  governance,
];
