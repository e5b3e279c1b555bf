import { fieldNames } from "../schema.js";
import { derivedFact } from "./scoring.js";
import type { Instrument } from "./types.js";

/** Every red flag the schema defines, sorted: the names `redFlags.present` lists. */
const names = [...fieldNames("redFlags")].sort();
const collect = names.map((name) => `redFlags.${name}`);

/**
 * Red flags that are a kind of another, with the other: "no recent trauma" also answers "no major
 * trauma", so a screen need not ask it (a "yes" would contradict, see checks/major-trauma.ts).
 */
const kindOf: ReadonlyMap<string, string> = new Map([["majorTrauma", "recentTrauma"]]);

/**
 * The red flags answered true, and how many. Both need every flag answered: with one unasked, a
 * short list would read as "no other red flags", which absent never means.
 */
export const redFlags: Instrument = {
  name: "red flags",
  facts: [
    derivedFact({
      name: "redFlags.present",
      type: "string-list",
      enum: names,
      description: "Names of the red flags answered true, sorted (only when every red flag was asked).",
      collect,
    }),
    derivedFact({
      name: "redFlags.count",
      type: "integer",
      minimum: 0,
      maximum: names.length,
      description: "How many red flags were answered true (only when every red flag was asked).",
      collect,
    }),
  ],
  checks: [],
  derive(assessment, facts) {
    const answers: Readonly<Record<string, boolean | undefined>> | undefined = assessment.redFlags;
    if (answers === undefined) return;
    const present: string[] = [];
    for (const name of names) {
      const general = kindOf.get(name);
      const answer =
        answerIn(answers, name) ?? (general !== undefined && answerIn(answers, general) === false ? false : undefined);
      if (answer === undefined) return;
      if (answer) present.push(name);
    }
    facts.set("redFlags.present", present);
    facts.set("redFlags.count", present.length);
  },
};

/** The answer to one red flag, never an inherited one. */
function answerIn(answers: Readonly<Record<string, boolean | undefined>>, name: string): boolean | undefined {
  return Object.hasOwn(answers, name) ? answers[name] : undefined;
}
