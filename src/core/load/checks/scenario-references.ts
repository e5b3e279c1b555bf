import type { Issue } from "../../errors.js";
import type { ScenarioExpectation } from "../../generated/types.js";
import { issue } from "../issue.js";
import {
  scenarioUnknownComponent,
  scenarioUnknownField,
  scenarioUnknownProfile,
  scenarioUnknownRule,
} from "../messages.js";
import type { PackModel } from "../pack-model.js";
import { closestMatch } from "../../suggest.js";
import type { Check } from "./check.js";

type Listed = Exclude<keyof ScenarioExpectation, "status" | "urgency" | "details">;

/** What each list of an expectation names, and where those names are defined. */
const EXPECTED: Readonly<
  Record<Listed, { problem: typeof scenarioUnknownRule; known: (pack: PackModel) => ReadonlySet<string> | undefined }>
> = {
  include: { problem: scenarioUnknownComponent, known: (pack) => pack.components?.ids },
  exclude: { problem: scenarioUnknownComponent, known: (pack) => pack.components?.ids },
  withheld: { problem: scenarioUnknownComponent, known: (pack) => pack.components?.ids },
  // A rule file that did not parse hides its ids: naming its rules is not an error of the scenario.
  fired: { problem: scenarioUnknownRule, known: (pack) => (pack.rules.allIdsKnown ? pack.rules.ids : undefined) },
  notFired: { problem: scenarioUnknownRule, known: (pack) => (pack.rules.allIdsKnown ? pack.rules.ids : undefined) },
  dataGaps: {
    problem: scenarioUnknownField,
    known: (pack) => new Set([...pack.facts.values()].flatMap((f) => f.collect)),
  },
};

export const scenarioReferences: Check = {
  name: "scenario-references",
  description: "A scenario's profile, and the components, rules and assessment fields its expectations name, exist.",
  run(pack) {
    return pack.scenarios.items.flatMap(({ value: scenario, file, pointer }) => {
      const issues: Issue[] = [];
      const profiles = pack.profiles?.ids;
      if (scenario.profile !== undefined && profiles !== undefined && !profiles.has(scenario.profile)) {
        const suggestion = closestMatch(scenario.profile, profiles);
        issues.push(
          issue(scenarioUnknownProfile, file.place(`${pointer}/profile`), {
            scenario: scenario.name,
            id: scenario.profile,
            suggestion,
          }),
        );
      }
      for (const [key, { problem, known }] of Object.entries(EXPECTED)) {
        const ids = known(pack);
        if (ids === undefined) continue;
        const listed: readonly string[] = scenario.expect[key as Listed] ?? [];
        listed.forEach((id, i) => {
          if (!ids.has(id))
            issues.push(
              issue(problem, file.place(`${pointer}/expect/${key}/${i}`), {
                scenario: scenario.name,
                key,
                id,
                suggestion: closestMatch(id, ids),
              }),
            );
        });
      }
      const components = pack.components?.ids;
      for (const id of Object.keys(scenario.expect.details ?? {})) {
        if (components === undefined || components.has(id)) continue;
        const at = file.place(`${pointer}/expect/details/${id}`);
        issues.push(
          issue(scenarioUnknownComponent, at, {
            scenario: scenario.name,
            key: "details",
            id,
            suggestion: closestMatch(id, components),
          }),
        );
      }
      return issues;
    });
  },
};
