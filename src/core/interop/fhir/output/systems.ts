/**
 * The URIs backplan's FHIR output names things by. The `https://backplan.dev/fhir/` ones are
 * backplan's own (the same host as its JSON Schemas' `$id`); the HL7 ones are standard R4.
 */

/** Codes are a pack's component ids (`emergency-referral`); `Coding.version` is the pack version. */
export const COMPONENT_SYSTEM = "https://backplan.dev/fhir/CodeSystem/component";

/** Codes are a pack's rule ids (`emergency-cauda-equina`): the rule that gave a reason. */
export const RULE_SYSTEM = "https://backplan.dev/fhir/CodeSystem/rule";

/** Identifies a rule pack by its content: the value is the pack's `sha256:<hex>` digest. */
export const RULESET_DIGEST_SYSTEM = "https://backplan.dev/fhir/NamingSystem/ruleset-digest";

/** `Provenance.policy`: the profile (guideline) the plan was made under, by its id. */
export const PROFILE_POLICY_BASE = "https://backplan.dev/fhir/profile/";

/** Identifier system for a value that is itself a URI, here the resource's `urn:uuid:`. */
export const URI_IDENTIFIER_SYSTEM = "urn:ietf:rfc:3986";

/** R4 core extension (http://hl7.org/fhir/R4/extension-workflow-relatedartifact.html): citations, supporting evidence. */
export const RELATED_ARTIFACT_EXTENSION = "http://hl7.org/fhir/StructureDefinition/workflow-relatedArtifact";
