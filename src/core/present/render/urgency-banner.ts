import { isPressing } from "../../run/compose/urgency.js";
import type { Plan, PlanComponent } from "../../generated/types.js";

type Pressing = "emergency" | "same-day" | "urgent";

/** What each pressing urgency asks of the clinician, most urgent first. */
const ACTIONS: Readonly<Record<Pressing, { readonly label: string; readonly act: string }>> = {
  emergency: { label: "EMERGENCY", act: "refer now" },
  "same-day": { label: "SAME-DAY", act: "refer today" },
  urgent: { label: "URGENT", act: "refer within 24 hours" },
};

const RANK = Object.keys(ACTIONS) as readonly Pressing[];

/** The banner a plan with a pressing referral opens with, before anything else. */
export interface UrgencyBanner {
  /** `EMERGENCY: REFER NOW, BEFORE ANYTHING ELSE IN THIS PLAN`, from the plan's urgency. */
  readonly headline: string;
  /** Every emergency, same-day and urgent referral, most urgent first, then in plan order. */
  readonly referrals: readonly BannerReferral[];
}

export interface BannerReferral {
  /** `Mental health referral: refer today to Same-day clinician assessment of suicide risk (…)`. */
  readonly action: string;
  /** The reason of the most important rule that added it. */
  readonly why: string;
}

/**
 * The banner for an emergency, same-day or urgent plan, naming each such referral, what to do and
 * why; none for a routine plan. A same-day referral (a positive PHQ-9 item 9) gets the same banner
 * as an emergency, so a suicide risk is never below the fold.
 */
export function urgencyBanner(plan: Plan): UrgencyBanner | undefined {
  if (!isPressing(plan.urgency)) return undefined;
  const pressing = plan.components.flatMap((c) => {
    const urgency = c.details.urgency;
    return c.category === "referral" && isPressing(urgency) ? [{ component: c, urgency: urgency as Pressing }] : [];
  });
  pressing.sort((a, b) => RANK.indexOf(a.urgency) - RANK.indexOf(b.urgency)); // stable: plan order within
  const { label, act } = ACTIONS[plan.urgency as Pressing];
  return {
    headline: `${label}: ${act}, before anything else in this plan`.toUpperCase(),
    referrals: pressing.map(({ component, urgency }) => referral(component, ACTIONS[urgency].act)),
  };
}

function referral({ title, details, reasons }: PlanComponent, act: string): BannerReferral {
  const to = details.referTo === undefined ? "" : ` to ${details.referTo}`;
  return { action: `${title}: ${act}${to}`, why: reasons[0].text };
}
