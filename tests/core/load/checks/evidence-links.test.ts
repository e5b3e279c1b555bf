import { expect, it } from "vitest";
import { EVIDENCE, packWith } from "../../../arbitraries/ruleset.js";
import { found } from "./helpers.js";

it("warns about evidence with neither a doi nor a url, at its id", () => {
  const unlinked = EVIDENCE.replace("    url: https://www.nice.org.uk/guidance/ng59\n", "");
  expect(found(packWith({ "evidence.yaml": unlinked }), "evidence/no-link")).toEqual([
    "evidence/no-link evidence.yaml:3:9 /evidence/0/id",
  ]);
  expect(found(packWith({}), "evidence/no-link")).toEqual([]);
});

it("counts a doi or url even when the schema rejects its form (that is a schema error already)", () => {
  const malformed = EVIDENCE.replace("url: https://www.nice.org.uk/guidance/ng59", "url: www.nice.org.uk");
  expect(found(packWith({ "evidence.yaml": malformed }), "evidence/no-link")).toEqual([]);
});
