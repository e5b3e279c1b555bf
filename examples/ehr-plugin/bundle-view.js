// What the page says about a FHIR Bundle before and around the intake: who the patient is, which
// day the visit is, and the intake's issues worded for a person (the resource named as Type/id,
// staleness warnings one line per resource). Pure functions of plain data: no DOM, no engine.

const DATE = /^(\d{4}-\d{2}-\d{2})/;

/** The resources of a Bundle's entries (an entry without one is skipped). */
function resources(bundle) {
  const entries = Array.isArray(bundle?.entry) ? bundle.entry : [];
  return entries.map((entry) => entry?.resource).filter((resource) => resource !== null && typeof resource === "object");
}

/** `Observation/pain`, or the resource type alone when it has no id. */
export function resourceLabel(resource) {
  return typeof resource.id === "string" ? `${resource.resourceType}/${resource.id}` : String(resource.resourceType);
}

/** The calendar-day part of a FHIR date or dateTime, as written (the sender's local day); else undefined. */
function dayOf(value) {
  return typeof value === "string" ? DATE.exec(value)?.[1] : undefined;
}

/** The day a result was taken: Observation effective[x] (a period's end, else its start), or a response's authored. */
function resultDay(resource) {
  if (resource.resourceType === "QuestionnaireResponse") return dayOf(resource.authored);
  if (resource.resourceType !== "Observation") return undefined;
  const period = resource.effectivePeriod;
  return dayOf(resource.effectiveDateTime) ?? dayOf(resource.effectiveInstant) ?? dayOf(period?.end ?? period?.start);
}

/** The latest of `candidates` (`{ day, source }`) by day; the first of a tie. */
function latest(candidates) {
  return candidates.reduce((best, next) => (best === undefined || next.day > best.day ? next : best), undefined);
}

/** Encounter statuses of a visit happening now (FHIR R4 encounter-status), as the intake reads them. */
const CURRENT = new Set(["in-progress", "arrived", "triaged"]);

/**
 * The visit's Encounter, as the library's intake picks it: a current one (in progress, arrived,
 * triaged), else the Bundle's only Encounter, dated by `period.start`; none when current ones
 * fall on different days (a record's past Encounters date nothing).
 */
function encounterVisit(all) {
  const encounters = all.filter((resource) => resource.resourceType === "Encounter");
  const now = encounters.filter((resource) => CURRENT.has(resource.status));
  const candidates = (now.length > 0 ? now : encounters.length === 1 ? encounters : [])
    .map((resource) => ({ day: dayOf(resource.period?.start), source: resourceLabel(resource) }))
    .filter((candidate) => candidate.day !== undefined);
  return new Set(candidates.map((candidate) => candidate.day)).size === 1 ? candidates[0] : undefined;
}

/**
 * The visit's day as the Bundle tells it, and where it came from: its Encounter (see
 * encounterVisit), else the latest result in it (Observation effective[x], QuestionnaireResponse
 * authored), else Bundle.timestamp. `undefined` when none is dated. Never today's date: a record
 * sent later is read as of its own visit.
 */
export function bundleVisitDate(bundle) {
  const all = resources(bundle);
  const encounter = encounterVisit(all);
  if (encounter !== undefined) return encounter;
  const result = latest(
    all
      .map((resource) => ({ day: resultDay(resource), source: `the latest result, ${resourceLabel(resource)}` }))
      .filter((candidate) => candidate.day !== undefined),
  );
  if (result !== undefined) return result;
  const stamped = dayOf(bundle?.timestamp);
  return stamped === undefined ? undefined : { day: stamped, source: "Bundle.timestamp" };
}

/** The Bundle's Patient, when it has exactly one. */
function patientOf(bundle) {
  const patients = resources(bundle).filter((resource) => resource.resourceType === "Patient");
  return patients.length === 1 ? patients[0] : undefined;
}

/** A HumanName as text: its `text`, else given names and family name. */
function nameText(name) {
  if (typeof name?.text === "string" && name.text.trim() !== "") return name.text.trim();
  const given = Array.isArray(name?.given) ? name.given.filter((part) => typeof part === "string") : [];
  return [...given, typeof name?.family === "string" ? name.family : ""].join(" ").trim();
}

/** Whole years from `birthDate` (YYYY-MM-DD) to `day`; undefined for a partial or later birth date. */
function yearsBetween(birthDate, day) {
  if (typeof birthDate !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(birthDate) || day === undefined) return undefined;
  const [by, bm, bd] = birthDate.split("-").map(Number);
  const [y, m, d] = day.split("-").map(Number);
  const years = y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
  return years >= 0 ? years : undefined;
}

/**
 * Who the header names: `{ patient, age }` as text. The patient is the Bundle's Patient (its name,
 * then `Patient/id`, gender), or "an assessment (no patient identity)" for an assessment; the age
 * is the intake's when it made one, else counted from Patient.birthDate on the visit day.
 */
export function patientContext(data, visitDay, age) {
  if (data?.resourceType !== "Bundle") {
    const own = data?.patient?.age;
    return { patient: "an assessment (no patient identity)", age: age ?? (Number.isInteger(own) ? own : undefined) };
  }
  const patient = patientOf(data);
  if (patient === undefined) return { patient: "no single Patient in the Bundle", age };
  const names = Array.isArray(patient.name) ? patient.name : [];
  const name = nameText(names.find((n) => n?.use === "official") ?? names[0]);
  const gender = typeof patient.gender === "string" ? patient.gender : undefined;
  const label = resourceLabel(patient);
  const who =
    name === ""
      ? `${label}${gender === undefined ? "" : ` (${gender})`}`
      : `${name} (${gender === undefined ? label : `${label}, ${gender}`})`;
  return { patient: who, age: age ?? yearsBetween(patient.birthDate, visitDay) };
}

/**
 * The assessment's required fields in FHIR terms: the field a Bundle must give (`pain` is
 * missing when `pain.durationWeeks` is) and where it comes from.
 */
const REQUIRED_IN_FHIR = {
  patient: { field: "patient.age", from: "a Patient with a birthDate (and a visit date to count the age on)" },
  "patient.age": { field: "patient.age", from: "Patient.birthDate, counted on the visit date" },
  pain: {
    field: "pain.durationWeeks",
    from:
      "an answer to backplan's assessment Questionnaire, linkId pain.durationWeeks (how long the pain has lasted), " +
      "or an active low back pain Condition with its onset",
  },
  "pain.durationWeeks": {
    field: "pain.durationWeeks",
    from:
      "an answer to backplan's assessment Questionnaire, linkId pain.durationWeeks, " +
      "or an active low back pain Condition with its onset",
  },
};

/** The resource an issue's JSON Pointer (`/entry/3/resource/…`) points into, as `Type/id`. */
function pointedResource(issue, bundle) {
  const at = /^\/entry\/(\d+)\/resource(?:\/|$)/.exec(issue.path ?? "");
  const resource = at === null ? undefined : bundle?.entry?.[Number(at[1])]?.resource;
  return resource?.resourceType === undefined ? undefined : resourceLabel(resource);
}

const STALE = /^(.*?): the latest result, (\S+) of (\S+), is more than (\d+) days before the assessment date/;

/** A staleness warning read apart: what it was for, which resource, its day and the window. */
function staleParts(issue) {
  const parts = issue.code === "fhir/stale-result" ? STALE.exec(issue.message) : null;
  return parts === null ? undefined : { what: parts[1], resource: parts[2], day: parts[3], days: parts[4] };
}

/**
 * One issue as a line in FHIR terms: the resource it points into first (`Observation/pain: …`)
 * instead of a pointer into the Bundle; a required field missing says what in a Bundle gives it.
 * `fallback` formats what this cannot (the library's `formatIssue`); `warnings` are the intake's,
 * so a required field left out as too old says so rather than "none".
 */
export function issueLine(issue, bundle, fallback, warnings = []) {
  const required = /^(\S+): required field is missing$/.exec(issue.message);
  const known = required === null ? undefined : REQUIRED_IN_FHIR[required[1]];
  if (known !== undefined && bundle?.resourceType === "Bundle") {
    const stale = warnings.map(staleParts).find((parts) => parts?.what === known.field);
    const why =
      stale === undefined
        ? "the Bundle gives none"
        : `the Bundle's latest, ${stale.resource} of ${stale.day}, is more than ${stale.days} days before the visit date, so it was left out`;
    return `${required[1]}: required, and ${why}; it comes from ${known.from}`;
  }
  const resource = pointedResource(issue, bundle);
  if (resource === undefined) return fallback(issue);
  return issue.message.startsWith(`${resource}:`) ? issue.message : `${resource}: ${issue.message}`;
}

/**
 * The intake's warnings as lines: every staleness warning of one resource becomes one line
 * (`Observation/phq9 (2026-01-03): older than 28 days, asked again (PHQ-9)`), the others one line
 * each, in their first warning's order. Each line: `{ text, code }`.
 */
export function warningLines(warnings, bundle, fallback) {
  const lines = [];
  const stale = new Map();
  for (const issue of warnings) {
    const parts = staleParts(issue);
    if (parts === undefined) {
      lines.push({ text: issueLine(issue, bundle, fallback), code: issue.code });
      continue;
    }
    const key = `${parts.resource} ${parts.day} ${parts.days}`;
    const group = stale.get(key);
    if (group !== undefined) {
      group.what.push(parts.what);
      continue;
    }
    const line = { ...parts, what: [parts.what], code: issue.code };
    stale.set(key, line);
    lines.push(line);
  }
  return lines.map((line) => (line.text !== undefined ? line : { text: staleText(line), code: line.code }));
}

function staleText({ resource, day, days, what }) {
  const shown = what.length <= 3 ? what.join(", ") : `${what.length} fields: ${what.slice(0, 3).join(", ")}, …`;
  return `${resource} (${day}): older than ${days} days, asked again (${shown})`;
}
