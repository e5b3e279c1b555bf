import { odiPercent } from "../../core/run/assessment/instruments/odi.js";
import type { Assessment } from "../../core/generated/types.js";
import { compact, measure, nonEmpty, pick, positions, recorded, spread } from "./draw.js";
import type { Person } from "./person.js";
import { population } from "./population.js";

type Questionnaires = NonNullable<Assessment["questionnaires"]>;
type Defined<K extends keyof Questionnaires> = NonNullable<Questionnaires[K]>;

/**
 * The questionnaires, answered item by item or as totals (as clinics record them); each is
 * sometimes not given. Items always add up to the totals given with them.
 */
export function drawQuestionnaires(person: Person): Assessment["questionnaires"] {
  const { random } = person;
  const q = population.questionnaires;
  if (random.absent(q.missing)) return undefined;
  return nonEmpty(
    compact<Questionnaires>({
      startBack: random.absent(q.startBack.missing) ? undefined : startBack(person),
      odi: random.absent(q.odi.missing) ? undefined : odi(person),
      phq9: random.absent(q.phq9.missing) ? undefined : phq9(person),
      gad7: random.absent(q.gad7.missing) ? undefined : gad7(person),
      fabq: fabq(person),
      tsk: tsk(person),
    }),
  );
}

/**
 * Keele STarT Back: the psychosocial subscore (items 5–8, and item 9 when bothersome) follows
 * distress, the physical items (1–4) severity; which items carry the scores is random.
 */
function startBack({ random, distress, severity }: Person): Defined<"startBack"> {
  const spec = population.questionnaires.startBack;
  const psychosocial = recorded(random, spec.psychosocial, distress);
  const physical = recorded(random, spec.physical, severity);
  const items = new Array<number>(9).fill(0);
  for (const i of positions(random, physical, 4)) items[i] = 1;
  const scoring = positions(random, psychosocial, 5); // slots: items 5–8, then item 9
  for (const slot of scoring) if (slot < 4) items[4 + slot] = 1;
  items[8] = pick(random, scoring.includes(4) ? spec.bothersome : spec.notBothersome);
  const total = physical + psychosocial;
  switch (pick(random, spec.forms)) {
    case "items":
      return { items: items as NonNullable<Defined<"startBack">["items"]> };
    case "total-and-psychosocial":
      return { total, psychosocial };
    case "total":
      return { total };
  }
}

/** PHQ-9: the total follows distress; item 9 (self-harm) is positive more often as the total rises. */
function phq9({ random, distress }: Person): Defined<"phq9"> {
  const spec = population.questionnaires.phq9;
  const total = recorded(random, spec.total, distress);
  const rate = spec.item9Positive.find(([min, max]) => total >= min && total <= max)?.[2] ?? 0;
  // Items 1–8 hold at most 24, so a total above 24 needs item 9.
  const item9 = Math.max(Math.min(random.chance(rate) ? pick(random, spec.item9Value) : 0, total), total - 24);
  const items = [...spread(random, total - item9, 8, 3), item9] as NonNullable<Defined<"phq9">["items"]>;
  switch (pick(random, spec.forms)) {
    case "items":
      return { items };
    case "total-and-item9":
      return { total, item9 };
    case "total":
      return { total };
  }
}

/** GAD-7: the total follows distress. */
function gad7({ random, distress }: Person): Defined<"gad7"> {
  const spec = population.questionnaires.gad7;
  const total = recorded(random, spec.total, distress);
  switch (pick(random, spec.forms)) {
    case "items":
      return { items: spread(random, total, 7, 3) as NonNullable<Defined<"gad7">["items"]> };
    case "total":
      return { total };
  }
}

/** Oswestry: the percentage follows severity; now and then one section is left unanswered. */
function odi({ random, severity }: Person): Defined<"odi"> {
  const spec = population.questionnaires.odi;
  const target = recorded(random, spec.percent, severity);
  const answered = random.absent(spec.unanswered) ? 9 : 10;
  const answers: (number | null)[] = spread(random, Math.round((target / 100) * 5 * answered), answered, 5);
  if (answered === 9) answers.splice(random.int(0, 9), 0, null);
  const items = answers as NonNullable<Defined<"odi">["items"]>;
  const percent = odiPercent(items) ?? 0;
  switch (pick(random, spec.forms)) {
    case "items":
      return { items };
    case "percent":
      return { percent: Math.round(percent) };
    case "items-and-percent":
      return { items, percent: Math.round(percent * 10) / 10 };
  }
}

/** FABQ subscales, each following distress, each sometimes not given. */
function fabq({ random, distress }: Person): Questionnaires["fabq"] {
  const spec = population.questionnaires.fabq;
  if (random.absent(spec.missing)) return undefined;
  return nonEmpty(
    compact({
      physicalActivity: measure(random, spec.physicalActivity, distress),
      work: measure(random, spec.work, distress),
    }),
  );
}

/** TSK-17 total, following distress. */
function tsk({ random, distress }: Person): Questionnaires["tsk"] {
  const total = measure(random, population.questionnaires.tsk, distress);
  return total === undefined ? undefined : { total };
}
