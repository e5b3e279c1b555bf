import type { EvidenceSource } from "../../generated/types.js";
import { issue } from "../issue.js";
import { evidenceWithoutLink } from "../messages.js";
import type { Check } from "./check.js";

export const evidenceLinks: Check = {
  name: "evidence-links",
  description: "Warns about evidence with neither a doi nor a url: a reviewer could not open the source.",
  run({ evidence }) {
    return (evidence?.items ?? []).flatMap(({ value, file, pointer }) => {
      // doi and url are not among the parts every check relies on: read them warily.
      const { doi, url } = value as Partial<Pick<EvidenceSource, "doi" | "url">>;
      return doi === undefined && url === undefined
        ? [issue(evidenceWithoutLink, file.place(`${pointer}/id`), { id: value.id })]
        : [];
    });
  },
};
