/** Calendar dates as `YYYY-MM-DD` strings: compared as text, checked by the Gregorian calendar. */

/** `YYYY-MM-DD` with month 01–12 and day 01–31: the schemas' date pattern. */
export const DATE_PATTERN = /^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/;

/** Days in `month` (1–12) of `year`, by the Gregorian leap-year rule. */
export function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Whether a date the schemas' pattern accepted (month 01–12, day 01–31) is a real day:
 * the pattern lets `2025-02-30` through.
 */
export function isCalendarDay(date: string): boolean {
  return Number(date.slice(8)) <= daysIn(Number(date.slice(0, 4)), Number(date.slice(5, 7)));
}

/** Whether `text` is a real day written `YYYY-MM-DD`. */
export function isDate(text: string): boolean {
  return DATE_PATTERN.test(text) && isCalendarDay(text);
}

/** The day's number counted from 1970-01-01, so two days' difference is a number of days. */
export function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}
