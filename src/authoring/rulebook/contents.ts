import { CHANGE_SECTIONS, changeAnchor, changesTitle } from "./change-wording.js";
import type { Rulebook } from "./model.js";
import { anchor, SECTIONS } from "./wording.js";

/** One entry of the table of contents: where it links, what it says, what it holds. */
export interface ContentsEntry {
  readonly anchor: string;
  readonly title: string;
  readonly children: readonly ContentsEntry[];
}

/**
 * The table of contents: the sections in document order (what changed since the signed-off pack
 * first, when given), the rules under their topics (the catalogs are reached from the rules that
 * cite them).
 */
export function contentsOf(book: Rulebook): ContentsEntry[] {
  const section = (s: { anchor: string; title: string }, children: readonly ContentsEntry[] = []) => ({
    ...s,
    children,
  });
  const topics = book.topics.map((topic) =>
    section(
      { anchor: anchor("topic", topic.file), title: `${topic.title} (${topic.rules.length})` },
      topic.rules.map((rule) => section({ anchor: anchor("rule", rule.id), title: rule.title })),
    ),
  );
  const changes =
    book.changes === undefined
      ? []
      : [
          section({ anchor: CHANGE_SECTIONS.changes.anchor, title: changesTitle(book.changes) }, [
            ...book.changes.rules.map((rule) => section({ anchor: changeAnchor(rule), title: rule.title })),
            section(CHANGE_SECTIONS.signOff),
          ]),
        ];
  return [
    ...changes,
    section(SECTIONS.reading),
    section(SECTIONS.signOff),
    section(SECTIONS.summary),
    section(SECTIONS.rules, topics),
    section(SECTIONS.profiles),
    section(SECTIONS.components),
    section(SECTIONS.evidence),
    section(SECTIONS.tests),
    ...(book.inactive.length === 0 ? [] : [section(SECTIONS.inactive)]),
  ];
}
