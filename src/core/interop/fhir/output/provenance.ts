import type { Plan } from "../../../generated/types.js";
import type { Device, Provenance, Reference } from "fhir/r4.js";
import type { FhirPlanContext } from "./context.js";
import { PROFILE_POLICY_BASE, RULESET_DIGEST_SYSTEM } from "./systems.js";

/**
 * Who made the plan and from what: the engine as a contained Device (name and version), the
 * rule pack as the source entity (identified by its digest, named with its version), the
 * profile as the policy followed.
 */
export function provenanceOf(plan: Plan, context: FhirPlanContext, targets: Reference[]): Provenance {
  const { name, version, digest } = plan.ruleset;
  const engine: Device = {
    resourceType: "Device",
    id: "engine",
    deviceName: [{ name: context.engine.name, type: "model-name" }],
    version: [{ value: context.engine.version }],
  };
  return {
    resourceType: "Provenance",
    contained: [engine],
    target: targets,
    recorded: context.recorded,
    policy: [PROFILE_POLICY_BASE + encodeURIComponent(plan.profile)],
    agent: [
      {
        type: { text: "Clinical decision support engine" },
        who: { reference: "#engine", display: `${context.engine.name} ${context.engine.version}` },
      },
    ],
    entity: [
      {
        role: "source",
        what: { identifier: { system: RULESET_DIGEST_SYSTEM, value: digest }, display: `rule pack ${name} ${version}` },
      },
    ],
  };
}
