import { expect, it } from "vitest";
import { packWith } from "../../../arbitraries/ruleset.js";
import { found } from "./helpers.js";

const manifest = (defaultProfile: string) =>
  `name: p\nversion: 1.0.0\ndefaultProfile: ${defaultProfile}\nprofiles:\n  - { id: nice-ng59, title: N }\n  - { id: acp-2017, title: A }\n`;

it("accepts a default profile the manifest lists, and rejects another", () => {
  expect(found(packWith({ "pack.yaml": manifest("acp-2017") }), "pack/unknown-profile")).toEqual([]);
  expect(found(packWith({ "pack.yaml": manifest("acp-2018") }), "pack/unknown-profile")).toEqual([
    "pack/unknown-profile pack.yaml:3:17 /defaultProfile",
  ]);
});
