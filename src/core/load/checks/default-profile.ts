import { issue } from "../issue.js";
import { unknownDefaultProfile } from "../messages.js";
import { closestMatch } from "../../suggest.js";
import type { Check } from "./check.js";

export const defaultProfile: Check = {
  name: "default-profile",
  description: "The manifest's defaultProfile is one of its profiles.",
  run({ manifest, profiles }) {
    if (manifest === undefined || profiles === undefined) return [];
    const { defaultProfile: id } = manifest.value;
    if (profiles.ids.has(id)) return [];
    const known = [...profiles.ids];
    return [
      issue(unknownDefaultProfile, manifest.file.place("/defaultProfile"), {
        id,
        profiles: known,
        suggestion: closestMatch(id, known),
      }),
    ];
  },
};
