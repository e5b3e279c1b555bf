import type { Plan, PlanComponent, FhirPlan } from "../core/index.js";
import type { CdsCard, CdsIndicator, CdsSource } from "./cds-types.js";
import { escapeMarkdown, linkOrText } from "./markdown.js";
import { OVERRIDE_REASONS } from "./override-reasons.js";
import { type Progress, progressDetail } from "./progress.js";
import { planActions } from "./revision.js";
import { suggestedResources } from "./suggested-resources.js";
import { summaryOf } from "./summary.js";

type Urgency = NonNullable<PlanComponent["details"]["urgency"]>;

/**
 * A referral's urgency as a card indicator: `critical` for emergency, same-day (a positive PHQ-9
 * item 9 is as visible as an emergency) and urgent referrals, `info` otherwise.
 */
const INDICATOR_OF_URGENCY: Readonly<Record<Urgency, CdsIndicator>> = {
  emergency: "critical",
  "same-day": "critical",
  urgent: "critical",
  soon: "info",
  routine: "info",
};

const RANK: Readonly<Record<CdsIndicator, number>> = { info: 0, warning: 1, critical: 2 };

function indicatorOf(component: PlanComponent): CdsIndicator {
  const urgency = component.details.urgency;
  return urgency === undefined ? "info" : INDICATOR_OF_URGENCY[urgency];
}

/** Urgencies most urgent first: the order of `INDICATOR_OF_URGENCY`, backplan's own. */
const URGENCY_ORDER = Object.keys(INDICATOR_OF_URGENCY) as Urgency[];

/**
 * The component that sets the card's indicator and summary: the first of the highest rank, and of
 * those the most urgent, so a same-day referral leads an urgent one listed before it.
 */
function leading(plan: Plan): { component: PlanComponent | undefined; indicator: CdsIndicator } {
  let best: { component: PlanComponent | undefined; indicator: CdsIndicator } = {
    component: undefined,
    indicator: "info",
  };
  const order = (component: PlanComponent | undefined) =>
    component?.details.urgency === undefined ? URGENCY_ORDER.length : URGENCY_ORDER.indexOf(component.details.urgency);
  for (const component of plan.components) {
    const indicator = indicatorOf(component);
    const rank = RANK[indicator] - RANK[best.indicator];
    if (rank > 0 || (rank === 0 && indicator !== "info" && order(component) < order(best.component)))
      best = { component, indicator };
  }
  return best;
}

function summary(
  plan: Plan,
  component: PlanComponent | undefined,
  progress: Progress | undefined,
  revises: boolean,
): string {
  const count = `${plan.components.length} ${plan.components.length === 1 ? "component" : "components"}`;
  if (component === undefined && progress !== undefined) {
    const week = progress.weeks === undefined ? "" : `, week ${String(progress.weeks)}`;
    const how = progress.overall === undefined ? "" : `: ${progress.overall} since the first visit`;
    return summaryOf(
      `Low back pain review${week}${how}; ${revises ? "revised plan" : "plan"}: ${count} (${plan.status})`,
    );
  }
  if (component === undefined) return summaryOf(`Low back pain care plan: ${count} (${plan.status})`);
  return summaryOf(
    `${component.details.urgency ?? ""} referral: ${component.title} (low back pain plan, ${count})`.replace(
      /^./,
      (c) => c.toUpperCase(),
    ),
  );
}

function componentDetail(component: PlanComponent): string[] {
  const { details } = component;
  const to =
    details.referTo === undefined
      ? []
      : [
          `**Refer to:** ${escapeMarkdown(details.referTo)}${details.urgency === undefined ? "" : ` (${details.urgency})`}`,
          "",
        ];
  return [
    `### ${escapeMarkdown(component.title)}`,
    "",
    ...to,
    "**Why:**",
    ...component.reasons.map((reason) => `- ${escapeMarkdown(reason.text)} (rule \`${reason.rule}\`)`),
    "",
    "**Evidence:**",
    ...component.evidence.map(
      (source) => `- ${linkOrText(source.citation, source.link)} (certainty: ${source.certainty})`,
    ),
    "",
  ];
}

/** The detail: each component with its reasons and evidence, what was withheld, and where each datum came from. */
function detail(plan: Plan, sources: Readonly<Record<string, string>>, progress: Progress | undefined): string {
  const withheld = plan.withheld.map(
    (w) => `- **${escapeMarkdown(w.id)}**: ${escapeMarkdown(w.reason)} (rule \`${w.rule}\`)`,
  );
  const used = Object.entries(sources).map(([field, resource]) => `- \`${field}\` from ${escapeMarkdown(resource)}`);
  const { name, version, digest } = plan.ruleset;
  return [
    ...progressDetail(progress, plan),
    ...plan.components.flatMap(componentDetail),
    ...(withheld.length === 0 ? [] : ["### Withheld", "", ...withheld, ""]),
    ...(used.length === 0 ? [] : ["### Data used", "", ...used, ""]),
    `_Rule pack ${escapeMarkdown(name)} ${escapeMarkdown(version)} (${digest}), profile ${escapeMarkdown(plan.profile)}._`,
  ].join("\n");
}

/** What `planCard` needs besides the plan. */
export interface PlanCardInput {
  readonly plan: Plan;
  readonly fhir: FhirPlan;
  /** Assessment field → the `Type/id` it came from. */
  readonly sources: Readonly<Record<string, string>>;
  readonly source: CdsSource;
  readonly uuid: () => string;
  /** At a follow-up: how the patient is doing against the baseline (progress.ts). */
  readonly progress?: Progress;
  /** The active backplan CarePlan the record holds: the suggestion updates it rather than creating a second. */
  readonly active?: Readonly<Record<string, unknown>>;
}

/**
 * The plan as one card: indicator from its most urgent referral, reasons and evidence in the
 * detail, and one suggestion that creates the CarePlan, its ServiceRequests and the Provenance.
 * At a follow-up the detail opens with progress against the baseline and the plan's changes, and
 * when the record holds an active backplan CarePlan the suggestion updates it (revision.ts).
 */
export function planCard({ plan, fhir, sources, source, uuid, progress, active }: PlanCardInput): CdsCard {
  const { component, indicator } = leading(plan);
  const actions = planActions(suggestedResources(fhir.bundle), active);
  const revises = actions.some((action) => action.type === "update");
  return {
    uuid: uuid(),
    summary: summary(plan, component, progress, revises),
    detail: detail(plan, sources, progress),
    indicator,
    source,
    suggestions: [
      {
        label: revises ? "Revise the active care plan" : "Propose this care plan",
        uuid: uuid(),
        isRecommended: true,
        actions,
      },
    ],
    selectionBehavior: "at-most-one",
    overrideReasons: OVERRIDE_REASONS,
  };
}
