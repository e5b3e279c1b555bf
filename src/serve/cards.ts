import { type Engine, activeBackplanCarePlan, bundleToAssessment, planToFhir } from "../core/index.js";
import type { CdsCard, CdsResponse, CdsSource } from "./cds-types.js";
import { dataGapsCard, problemCard } from "./data-card.js";
import { planCard } from "./plan-card.js";
import { progressOf } from "./progress.js";
import type { VisitDate } from "./visit-date.js";

/** Who the plan is for, from the hook's context. */
export interface CardContext {
  /** `Patient.id` (context.patientId). */
  readonly patientId: string;
  readonly encounterId?: string;
}

/** Everything `cardsFor` would otherwise read from the world: it stays pure and deterministic. */
export interface CardOptions {
  /** The guideline profile; the pack's default when omitted. */
  readonly profile?: string;
  /** The engine named in the Provenance. */
  readonly engine: { readonly name: string; readonly version: string };
  /** Now, as an instant with a zone (the Provenance's `recorded`). */
  readonly recorded: string;
  /** The visit date, `YYYY-MM-DD`: ages and which results are current are reckoned on it. */
  readonly visitDate: string;
  /** Where the visit date came from, so the card can say when it was assumed. */
  readonly visitDateFrom?: VisitDate["from"];
  /** A new card or suggestion uuid per call. */
  readonly uuid: () => string;
  /** A page about the pack, shown as the card source's link. */
  readonly sourceUrl?: string;
}

/**
 * The cards for one patient-view: the FHIR Bundle becomes an assessment, the engine's plan, then
 * a plan card (with the CarePlan suggestion) and a data-gaps card; data the intake refuses becomes
 * one warning card instead (missing required answers, or conflicting or invalid data). No HTTP here.
 *
 * @example
 * const { cards } = cardsFor(engine, bundle, { patientId: "123" }, { engine: { name: "backplan", version: "1.0.0" }, recorded: "2026-11-23T22:40:00Z", visitDate: "2026-11-24", uuid: randomUUID });
 */
export function cardsFor(engine: Engine, bundle: unknown, context: CardContext, options: CardOptions): CdsResponse {
  const { cards } = cardsOf(engine, bundle, context, options);
  // Every card says which visit date ages and current results were reckoned on: a result left out
  // as "after the assessment date" only makes sense beside it.
  const line = visitLine(options);
  return {
    cards: cards.map((card) => ({ ...card, detail: card.detail === undefined ? line : `${card.detail}\n\n${line}` })),
  };
}

/** How a card says where the visit date came from. */
const VISIT_DATE_FROM: Readonly<Record<VisitDate["from"], string>> = {
  extension: "as the EHR sent it",
  encounter: "from the visit's Encounter",
  clock:
    "assumed: the EHR sent neither a visit date nor an Encounter, so it is today's date in the time zone furthest ahead; check it",
};

function visitLine({ visitDate, visitDateFrom }: CardOptions): string {
  return `_Visit date ${visitDate}${visitDateFrom === undefined ? "" : ` (${VISIT_DATE_FROM[visitDateFrom]})`}._`;
}

function cardsOf(engine: Engine, bundle: unknown, context: CardContext, options: CardOptions): CdsResponse {
  const { name, version } = engine.ruleset;
  const source: CdsSource = {
    label: `${name} ${version}`,
    ...(options.sourceUrl === undefined ? {} : { url: options.sourceUrl }),
  };
  const intake = bundleToAssessment(bundle, { assessedOn: options.visitDate });
  if (!intake.ok) return { cards: [problemCard(intake.issues, source, options.uuid)] };
  const planned = engine.safeRecommend(
    intake.value.assessment,
    options.profile === undefined ? {} : { profile: options.profile },
  );
  if (!planned.ok) return { cards: [problemCard(planned.issues, source, options.uuid)] };
  const plan = planned.value;
  const cards: CdsCard[] = [];
  if (plan.components.length > 0) {
    const fhir = planToFhir(plan, {
      patient: `Patient/${context.patientId}`,
      engine: options.engine,
      recorded: options.recorded,
      ...(context.encounterId === undefined ? {} : { encounter: `Encounter/${context.encounterId}` }),
    });
    const progress = progressOf(intake.value.assessment);
    const active = activeBackplanCarePlan(bundle, { assessedOn: options.visitDate });
    cards.push(
      planCard({
        plan,
        fhir,
        sources: intake.value.sources,
        source,
        uuid: options.uuid,
        ...(progress === undefined ? {} : { progress }),
        ...(active === undefined ? {} : { active }),
      }),
    );
  }
  const leftOut = [...intake.warnings, ...planned.warnings];
  const gaps = dataGapsCard(plan.dataGaps, leftOut, source, options.uuid);
  if (gaps !== undefined) cards.push(gaps);
  return { cards };
}
