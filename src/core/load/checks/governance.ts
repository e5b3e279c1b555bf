import { DATE_PATTERN, isCalendarDay } from "../../calendar.js";
import type { Issue } from "../../errors.js";
import type { Rule } from "../../generated/types.js";
import { issue } from "../issue.js";
import {
  notACalendarDay,
  reviewDueBeforeReview,
  reviewedInFuture,
  reviewerWithoutDate,
  reviewOverdue,
} from "../messages.js";
import type { Check } from "./check.js";

type Dated = Partial<Pick<Rule, "id" | "reviewedBy" | "reviewedOn" | "reviewDue">>;

/**
 * Checks each rule's review record: real calendar dates, a review in the past, a due date after
 * it, who and when together, and (against `today`, which only the edge knows) reviews overdue.
 * Dates compare as text: `YYYY-MM-DD` sorts as time does. A review dated after today is only a
 * warning: a reviewer a time zone ahead of the machine that lints may record tomorrow's date.
 */
export const governance: Check = {
  name: "governance",
  description: "Checks review dates and warns about overdue reviews against the date the caller passes in.",
  run({ rules }, { today }) {
    return rules.items.flatMap(({ value, file, pointer }) => {
      // Governance keys are not among the parts other checks rely on, so read them warily.
      const rule = value as Dated;
      const id = String(rule.id);
      const at = (key: keyof Dated) => file.place(`${pointer}/${key}`);
      const issues: Issue[] = [];
      const date = (key: "reviewedOn" | "reviewDue"): string | undefined => {
        const text = rule[key];
        // A value off the pattern is already a schema error.
        if (typeof text !== "string" || !DATE_PATTERN.test(text)) return undefined;
        if (isCalendarDay(text)) return text;
        issues.push(issue(notACalendarDay, at(key), { rule: id, key, date: text }));
        return undefined;
      };
      const [reviewedOn, reviewDue] = [date("reviewedOn"), date("reviewDue")];
      if (reviewedOn !== undefined && today !== undefined && reviewedOn > today)
        issues.push(issue(reviewedInFuture, at("reviewedOn"), { rule: id, reviewedOn, today }));
      if (reviewedOn !== undefined && reviewDue !== undefined && reviewDue <= reviewedOn)
        issues.push(issue(reviewDueBeforeReview, at("reviewDue"), { rule: id, reviewDue, reviewedOn }));
      if (reviewDue !== undefined && today !== undefined && reviewDue < today)
        issues.push(issue(reviewOverdue, at("reviewDue"), { rule: id, reviewDue, today }));
      if ((rule.reviewedBy === undefined) !== (rule.reviewedOn === undefined)) {
        const [present, absent] =
          rule.reviewedBy === undefined ? ["reviewedOn", "reviewedBy"] : ["reviewedBy", "reviewedOn"];
        issues.push(issue(reviewerWithoutDate, at(present as keyof Dated), { rule: id, present, absent }));
      }
      return issues;
    });
  },
};
