import type { CompiledRule, Ruleset } from "../../core/load/types.js";
import { actionText } from "./action-text.js";
import type { ProfilesEntry } from "./model.js";

/**
 * Where the profiles differ: for each rule that reads `profile`, whether it can fire under each
 * profile. A rule is ruled out under a profile when its condition is false with only the profile
 * known (every other fact missing, so "unknown" in Kleene logic): no assessment can make it fire.
 *
 * @example profilesEntry(ruleset).readers; // [{ rule: "acupuncture-requested-acp", applies: [false, true], … }]
 */
export function profilesEntry(ruleset: Ruleset): ProfilesEntry {
  const readers = ruleset.rules.filter(readsProfile);
  return {
    profiles: ruleset.profiles.map(({ id, title, description }) => ({
      id,
      title,
      ...(description === undefined ? {} : { description }),
      isDefault: id === ruleset.defaultProfile,
      neverApplies: readers.filter((rule) => !applies(rule, id)).map((rule) => rule.id),
    })),
    readers: readers.map((rule) => ({
      rule: rule.id,
      title: rule.title,
      action: actionText(rule, ruleset.components),
      applies: ruleset.profiles.map((profile) => applies(rule, profile.id)),
    })),
  };
}

/** Whether a rule can fire under `profile` (its condition is not false with only the profile known). */
function applies(rule: CompiledRule, profile: string): boolean {
  return rule.test(new Map([["profile", profile]])) !== false;
}

/** The profiles under which a rule can never fire. */
export function neverUnder(rule: CompiledRule, profiles: readonly string[]): string[] {
  return profiles.filter((profile) => !applies(rule, profile));
}

/** Whether a rule's condition reads the guideline profile. */
export function readsProfile(rule: CompiledRule): boolean {
  return rule.facts.includes("profile");
}
