/**
 * Each pack file kind's generated schema validator. Kept apart from pack-layout.ts, which is
 * also read where no YAML file is checked (a pack.json loaded in a browser): a bundle then carries
 * only the validators its code calls, not the five files' (about 130 KB minified).
 */
import type { ValidateFunction } from "../generated/validate-function.js";
import { validateComponents } from "../generated/validators/components.js";
import { validateEvidence } from "../generated/validators/evidence.js";
import { validatePack } from "../generated/validators/pack.js";
import { validateRules } from "../generated/validators/rules.js";
import { validateScenarios } from "../generated/validators/scenarios.js";
import type { FileKind } from "./pack-layout.js";

export const fileValidators: Readonly<Record<FileKind, ValidateFunction>> = {
  manifest: validatePack,
  components: validateComponents,
  evidence: validateEvidence,
  scenarios: validateScenarios,
  rules: validateRules,
};
