/**
 * A follow-up's plan as a revision of the active backplan CarePlan, not a second plan. The
 * suggestion updates that CarePlan in place (CDS Hooks `update`, same id): its activities, status
 * and description become this visit's; `created` (when it was first recorded) and `period.start`
 * (the episode's start, which the intake reckons the baseline from) are kept; the identifiers it
 * had are kept. The ServiceRequests and Provenance are created as before, the Provenance naming
 * the revised CarePlan.
 *
 * Why `update` rather than a new CarePlan that `replaces` the old one: FHIR R4's `replaces` is for
 * a plan whose function another takes over, and it needs two actions (create the new one, revoke
 * the old one) that a client may apply one without the other, leaving two active plans or none.
 * One update keeps one active plan per episode, keeps its id for everything that refers to it
 * (tasks, the EHR's plan list), and leaves each earlier version in the server's history
 * (`_history`), with a Provenance per revision saying who revised it and from which rule pack.
 */
import type { CarePlan, Resource } from "../core/index.js";
import type { CdsAction } from "./cds-types.js";

type Json = Readonly<Record<string, unknown>>;

/**
 * The actions of the suggestion: `resources` (suggested-resources.ts: the CarePlan, its
 * ServiceRequests, the Provenance) with the CarePlan as an update of `active` when there is one.
 */
export function planActions(resources: readonly Resource[], active: Json | undefined): CdsAction[] {
  const proposed = resources.find((resource): resource is CarePlan => resource.resourceType === "CarePlan");
  const activeId = active?.["id"];
  if (proposed === undefined || typeof activeId !== "string") return resources.map(createAction);
  const revised = revisedCarePlan(proposed, active ?? {}, activeId);
  const from = `CarePlan/${String(proposed.id)}`;
  const to = `CarePlan/${activeId}`;
  return resources.map((resource) =>
    resource === proposed
      ? {
          type: "update" as const,
          description: "Revise the active low back pain CarePlan (the same plan, this visit's activities)",
          resource: revised,
        }
      : createAction(repointed(resource, from, to)),
  );
}

/** The proposed CarePlan as a revision of the active one: its id, identifiers, `created` and episode start. */
function revisedCarePlan(proposed: CarePlan, active: Json, id: string): CarePlan {
  const { id: _new, identifier: _newIdentifiers, created, period: _period, ...rest } = proposed;
  const period = active["period"];
  const start =
    typeof period === "object" && period !== null && typeof (period as Json)["start"] === "string"
      ? ((period as Json)["start"] as string)
      : typeof active["created"] === "string"
        ? active["created"]
        : undefined;
  const identifier = Array.isArray(active["identifier"]) ? (active["identifier"] as CarePlan["identifier"]) : undefined;
  const wasCreated = typeof active["created"] === "string" ? active["created"] : created;
  return {
    resourceType: "CarePlan",
    id,
    ...(identifier === undefined ? {} : { identifier }),
    ...Object.fromEntries(Object.entries(rest).filter(([key]) => key !== "resourceType")),
    ...(start === undefined ? {} : { period: { start } }),
    ...(wasCreated === undefined ? {} : { created: wasCreated }),
  } as CarePlan;
}

/** A copy of `resource` whose references to `from` name `to` (the Provenance's target). */
function repointed(resource: Resource, from: string, to: string): Resource {
  return JSON.parse(JSON.stringify(resource), (key, value: unknown) =>
    key === "reference" && value === from ? to : value,
  ) as Resource;
}

function createAction(resource: Resource): CdsAction {
  return { type: "create", description: describe(resource), resource };
}

/** What a create action does, for the clinician choosing the suggestion. */
function describe(resource: Resource): string {
  if (resource.resourceType === "CarePlan") return "Create the proposed low back pain CarePlan";
  if (resource.resourceType === "ServiceRequest") return `Request: ${resource.code?.text ?? "referral"}`;
  return "Record the Provenance (engine, rule pack, profile)";
}
