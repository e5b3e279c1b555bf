/**
 * The worked threshold edit of the rulebook's change section: the bundled pack with
 * `depression-moderate-or-worse` raised from PHQ-9 ≥ 10 to ≥ 12, its title and both reasons
 * edited to match (as an author does), in a copy of rules/ in a temporary folder.
 */
import { cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { tempFolder } from "../../node/temp-dir.js";

export const WORKED_RULE = "depression-moderate-or-worse";

/** Each `[before, after]` is written exactly once in rules/psychological.yaml. */
export const WORKED_EDITS: readonly (readonly [string, string])[] = [
  [
    "{ fact: phq9.total, operator: greaterThanInclusive, value: 10 }",
    "{ fact: phq9.total, operator: greaterThanInclusive, value: 12 }",
  ],
  ["title: PHQ-9 ≥ 10 (moderate or worse depression)", "title: PHQ-9 ≥ 12 (moderate or worse depression)"],
  ["({phq9.severity}) ≥ 10: 88% sensitivity", "({phq9.severity}) ≥ 12: 88% sensitivity"],
  ["({phq9.severity}) ≥ 10: address low mood", "({phq9.severity}) ≥ 12: address low mood"],
];

/** A copy of `rules` with the worked edit made; throws when an edit's text is not there exactly once. */
export async function workedEditFolder(rules: string): Promise<string> {
  const dir = join(await tempFolder(), "edited");
  await cp(rules, dir, { recursive: true });
  const file = join(dir, "psychological.yaml");
  let text = await readFile(file, "utf8");
  for (const [before, after] of WORKED_EDITS) {
    const found = text.split(before).length - 1;
    if (found !== 1) throw new Error(`the worked edit expects "${before}" once in ${file}; found ${found}`);
    text = text.replace(before, after);
  }
  await writeFile(file, text);
  return dir;
}
