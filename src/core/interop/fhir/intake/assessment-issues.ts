import { type Issue, pointerToDotted } from "../../../errors.js";
import type { BundleResource } from "./bundle-index.js";
import { codes, messages } from "./messages.js";

const itemSuffix = /\[\d+\]$/;

/**
 * The assessment validator's issues, re-pointed at the Bundle: the path is the resource that gave
 * the field, and the message says which resources gave it and the fields it names. Items that
 * disagree with a total from another resource are a conflict between the two.
 */
export function repointed(issues: readonly Issue[], sources: ReadonlyMap<string, BundleResource>): Issue[] {
  return issues.map((issue) => {
    const field = pointerToDotted(issue.path);
    const own = [...sources].filter(([path]) => path === field || isUnder(path, field));
    // The fields a cross-field message names (`… disagrees with 14 from questionnaires.phq9.items`).
    const named = [...sources].filter(([path]) => issue.message.includes(path.replace(itemSuffix, "")));
    const involved = new Map<string, Set<string>>();
    for (const [path, source] of [...own, ...named]) {
      const base = path.replace(itemSuffix, "");
      involved.set(base, (involved.get(base) ?? new Set()).add(source.label));
    }
    const resources = new Set([...involved.values()].flatMap((labels) => [...labels]));
    const from = [...involved].map(([base, labels]) => `${base} from ${[...labels].join(", ")}`).join("; ");
    const code = issue.code === "assessment/inconsistent" && resources.size > 1 ? codes.conflict : issue.code;
    return {
      ...issue,
      code,
      path: own[0]?.[1].pointer ?? "",
      message: messages.assessmentIssue(field, issue.message, from),
    };
  });
}

function isUnder(path: string, field: string): boolean {
  return field === "" || path.startsWith(`${field}.`) || path.startsWith(`${field}[`);
}
