import { isDate } from "../../../calendar.js";
import type { BundleResource } from "./bundle-index.js";
import type { Reading } from "./finding.js";
import { codes, fhirIssue, messages } from "./messages.js";

const genders: ReadonlySet<unknown> = new Set(["male", "female", "other", "unknown"]);
const birthDatePattern = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/**
 * `patient.sex` from Patient.gender (the same four codes) and `patient.age` from birthDate on the
 * assessment date. A partial birthDate (`1970`, `1970-05`) gives an age only when every day it
 * could mean gives the same one. Without an assessment date there is no age: the clock is never read.
 */
export function readPatient(source: BundleResource, assessedOn: string | undefined): Reading {
  const { resource, pointer, label } = source;
  const reading: Reading = { findings: [], issues: [] };
  if (genders.has(resource["gender"]))
    reading.findings.push({ field: "patient.sex", value: resource["gender"] as string, source });
  const birthDate = resource["birthDate"];
  if (typeof birthDate !== "string" || assessedOn === undefined) return reading;
  const match = birthDatePattern.exec(birthDate);
  if (match === null) {
    const message = messages.unreadableValue(label, "patient.age", "a birthDate YYYY, YYYY-MM or YYYY-MM-DD");
    reading.issues.push(fhirIssue(codes.unreadableValue, `${pointer}/birthDate`, message, "warning"));
    return reading;
  }
  const [, year, month, day] = match.map(Number);
  if (!onCalendar(birthDate)) {
    const message = messages.notACalendarDate(label, birthDate);
    reading.issues.push(fhirIssue(codes.unreadableValue, `${pointer}/birthDate`, message, "warning"));
    return reading;
  }
  // The earliest and latest day the birthDate can mean; day 31 orders after every real day.
  const earliest = ageOn([year ?? 0, month || 1, day || 1], assessedOn);
  const latest = ageOn([year ?? 0, month || 12, day || 31], assessedOn);
  if (earliest !== latest) {
    const message = messages.impreciseBirthDate(label, birthDate, assessedOn);
    reading.issues.push(fhirIssue(codes.impreciseBirthDate, `${pointer}/birthDate`, message, "warning"));
    return reading;
  }
  reading.findings.push({ field: "patient.age", value: latest, source });
  return reading;
}

/** Whether the month is 01–12 and, in a full date, the day is one the month has (not 1980-02-30). */
function onCalendar(birthDate: string): boolean {
  return birthDate.length === 4 || isDate(birthDate.length === 7 ? `${birthDate}-01` : birthDate);
}

/** Completed years from a birth day to a `YYYY-MM-DD` date. */
function ageOn([year, month, day]: readonly number[], date: string): number {
  const [onYear = 0, onMonth = 0, onDay = 0] = date.split("-").map(Number);
  const hadBirthday = onMonth > (month ?? 0) || (onMonth === month && onDay >= (day ?? 0));
  return onYear - (year ?? 0) - (hadBirthday ? 0 : 1);
}
