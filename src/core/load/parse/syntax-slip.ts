import { parseDocument, visit, type Node, type YAMLError } from "yaml";
import type { Issue } from "../../errors.js";
import { operatorForSymbol } from "../validate/operator-symbols.js";
import { issue, type Place } from "../issue.js";
import {
  yamlBadEscape,
  yamlBadIndent,
  yamlColonInValue,
  yamlIndent,
  yamlMissingColon,
  yamlMissingComma,
  yamlNoSpaceAfterColon,
  yamlOperatorSymbol,
  yamlProblem,
  yamlReservedStart,
  yamlSecondDocument,
  yamlStrayDash,
  yamlTab,
  yamlTextAfterQuote,
  yamlUnclosedBracket,
  yamlUnclosedQuote,
  yamlUnopenedBracket,
} from "../messages.js";

/**
 * One YAML syntax slip as an author can act on it. The yaml package reports a slip as several
 * errors, often after it and in parser terms ("A block sequence may not be used as an implicit
 * map key"); this finds the line the author got wrong by trying the small repairs a slip calls
 * for (line up an indentation, add a colon, close a quote or a bracket…) on the text around the
 * first error, and keeps the repair after which the text parses. Only one issue is reported:
 * what follows a slip is not trustworthy. Where no repair helps, the first error is put in plain
 * words by its code, or in the parser's own words as a last resort.
 */
export function syntaxSlip(
  text: string,
  errors: readonly YAMLError[],
  placeAt: (offset: number) => Place,
  lineOf: (offset: number) => number,
  misfits: (text: string) => number | undefined,
): Issue {
  const first = errors.reduce((a, b) => (b.pos[0] < a.pos[0] ? b : a));
  const lines = text.split("\n").map((l) => l.replace(/\r$/, ""));
  const starts = lineStarts(lines);
  const at = (line: number, column: number): Place => placeAt((starts[line - 1] ?? 0) + column - 1);
  const errorLine = Math.min(lineOf(first.pos[0]), lines.length);

  const tab = tabLine(lines, errorLine + LOOK_AHEAD);
  if (tab !== undefined) return issue(yamlTab, at(tab.line, tab.column), { line: tab.line, atStart: tab.column === 1 });

  // A quoted text left open runs on to the end of the file, or to the next quote: its opening
  // line can be anywhere above, and only the whole file tells.
  if (first.code === "MISSING_CHAR") {
    const opened = unclosedQuote(lines, errorLine, misfits);
    if (opened !== undefined) return opened(at);
  }

  const window = windowAround(lines, Math.max(1, errorLine - LOOK_BACK), errorLine + LOOK_AHEAD);
  const compact = usesCompactLists(lines);
  const assess = (candidate: readonly string[]): Verdict | undefined =>
    assessWindow(candidate.slice(window.from - 1, window.to), compact);
  if (assess(lines) === undefined) {
    const found = repair(lines, errorLine, assess, window.from, misfits);
    if (found !== undefined) return found(at);
  }
  return byCode(first, errorLine, lines, at, placeAt);
}

/** How far above the first error a slip may sit (a parser notices some slips a few lines late). */
const LOOK_BACK = 6;
/** And below it: a key indented too far reads as part of the line above, which is reported. */
const LOOK_AHEAD = 2;
/** Repairs that parse, compared on the whole file (each a parse and a schema check). */
const MAX_COMPARED = 6;
/** Repairs tried at most per slip: each is a parse of the text around it. */
const MAX_ATTEMPTS = 60;
const PARSE_OPTIONS = { prettyErrors: false, resolveKnownTags: false, uniqueKeys: false } as const;

type Explain = (at: (line: number, column: number) => Place) => Issue;
interface Repair {
  readonly line: number;
  readonly apply: (lines: string[]) => void;
  readonly explain: Explain;
}

const indentOf = (line: string): number => /^ */.exec(line)?.[0].length ?? 0;
const isBlank = (line: string): boolean => /^\s*(#.*)?$/.test(line);

function lineStarts(lines: readonly string[]): number[] {
  const starts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.length + 1;
  }
  return starts;
}

/** How a repaired text reads, where it parses: the fewer of each, the likelier the repair. */
interface Verdict {
  /** Lines written as `key: …` that the repair turned into text (of a block or plain scalar). */
  readonly swallowed: number;
  /** Lists that break the file's habit: each item under its key, or in the key's column. */
  readonly unusual: number;
}

const KEY_LINE = /^ *(?:- +)?[A-Za-z_][\w.-]*:( |$)/;
const BARE_KEY = /^( *)((?:- +)?)[A-Za-z_][\w.-]*:\s*$/;

/** Whether the file writes a list in its key's column (`all:` then `- …` under the `a`). */
function usesCompactLists(lines: readonly string[]): boolean {
  let compact = 0;
  let indented = 0;
  lines.forEach((line, i) => {
    const key = BARE_KEY.exec(line);
    const next = lines[i + 1] ?? "";
    if (key === null || !/^ *- /.test(next)) return;
    const column = (key[1]?.length ?? 0) + (key[2]?.length ?? 0);
    if (indentOf(next) === column) compact++;
    else if (indentOf(next) > column) indented++;
  });
  return compact > indented;
}

function assessWindow(window: readonly string[], compact: boolean): Verdict | undefined {
  const text = window.join("\n");
  const doc = parseDocument(text, PARSE_OPTIONS);
  if (doc.errors.length > 0) return undefined;
  const starts = lineStarts(window);
  const lineAt = (offset: number): number => {
    let line = 0;
    while (line + 1 < starts.length && (starts[line + 1] ?? 0) <= offset) line++;
    return line;
  };
  const keyLines = new Set<number>();
  visit(doc, {
    Pair(_, pair) {
      const start = (pair.key as Node | null)?.range?.[0];
      if (start !== undefined) keyLines.add(lineAt(start));
    },
  });
  let swallowed = 0;
  let unusual = 0;
  window.forEach((line, i) => {
    if (KEY_LINE.test(line) && !keyLines.has(i)) swallowed++;
    const key = BARE_KEY.exec(line);
    const next = window[i + 1] ?? "";
    if (key === null || !/^ *- /.test(next)) return;
    const column = (key[1]?.length ?? 0) + (key[2]?.length ?? 0);
    if ((indentOf(next) === column) !== compact) unusual++;
  });
  return { swallowed, unusual };
}

/** The first line up to `last` whose indentation holds a tab, and the tab's column. */
function tabLine(lines: readonly string[], last: number): { line: number; column: number } | undefined {
  for (let i = 0; i < last && i < lines.length; i++) {
    const spaces = /^ *\t/.exec(lines[i] ?? "");
    if (spaces !== null) return { line: i + 1, column: spaces[0].length };
  }
  return undefined;
}

/**
 * The lines parsed to test a repair: from the last line at or before `from` that starts a block
 * at indentation 0 to 2 (a top-level key or a pack item), to the next such line after `to`. A
 * rule's item parses on its own, and a repair is tested in milliseconds however long the file.
 */
function windowAround(lines: readonly string[], from: number, to: number): { from: number; to: number } {
  const boundary = (i: number): boolean => {
    const line = lines[i - 1] ?? "";
    // A key at column 0 or an item at most 2 in: never text inside a block scalar.
    return /^([A-Za-z_"'][^:]*:( |$)| {0,2}- )/.test(line);
  };
  let start = from;
  while (start > 1 && !boundary(start)) start--;
  let end = to + 1;
  while (end <= lines.length && !boundary(end)) end++;
  return { from: start, to: end - 1 };
}

/**
 * Tries the repairs in order (a quote or bracket left open, then what one line's text says, then
 * re-indentation) on the text around the slip. Several may make it parse: a line re-indented
 * into the wrong mapping parses too. Those are compared on the whole file, and the one whose
 * data fits the file's schema best wins, then the earliest tried.
 */
function repair(
  lines: readonly string[],
  errorLine: number,
  assess: (candidate: readonly string[]) => Verdict | undefined,
  windowStart: number,
  misfits: (text: string) => number | undefined,
): Explain | undefined {
  const candidates: number[] = [];
  for (let line = errorLine; line >= Math.max(1, errorLine - LOOK_BACK); line--) candidates.push(line);
  for (let line = errorLine + 1; line <= Math.min(lines.length, errorLine + LOOK_AHEAD); line++) candidates.push(line);
  const nonBlank = candidates.filter((line) => !isBlank(lines[line - 1] ?? ""));
  const repairs: Repair[] = [];
  // A quote or a bracket left open runs on past its line: look from the start of the window.
  for (let line = windowStart; line <= errorLine; line++) repairs.push(...openings(lines, line));
  for (const line of nonBlank) repairs.push(...specific(lines, line));
  repairs.push(...nonBlank.flatMap((line) => reindentations(lines, line)).sort((a, b) => b.support - a.support));

  const working: { repair: Repair; text: string; rank: number[] }[] = [];
  for (const r of repairs.slice(0, MAX_ATTEMPTS)) {
    const copy = [...lines];
    r.apply(copy);
    const verdict = assess(copy);
    if (verdict !== undefined)
      working.push({ repair: r, text: copy.join("\n"), rank: [verdict.swallowed, verdict.unusual] });
    if (working.length >= MAX_COMPARED) break;
  }
  if (working.length <= 1) return working[0]?.repair.explain;
  // The whole file's fit to its schema first, then the window's verdict, then the order tried.
  const ranked = working.map((w) => ({ ...w, rank: [misfits(w.text) ?? Number.POSITIVE_INFINITY, ...w.rank] }));
  const before = (a: readonly number[], b: readonly number[]): boolean => {
    for (let i = 0; i < a.length; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) < (b[i] ?? 0);
    return false;
  };
  return ranked.reduce((best, w) => (before(w.rank, best.rank) ? w : best)).repair.explain;
}

const KEY = /^( *)((?:- +)?)([A-Za-z_][\w.-]*)/;

/** The first line up to `last` whose quote, closed, makes the whole file parse. */
function unclosedQuote(
  lines: readonly string[],
  last: number,
  misfits: (text: string) => number | undefined,
): Explain | undefined {
  let attempts = 0;
  for (let line = 1; line <= last && attempts < MAX_COMPARED; line++)
    for (const r of openings(lines, line).filter((o) => o.kind === "quote")) {
      attempts++;
      const copy = [...lines];
      r.apply(copy);
      if (misfits(copy.join("\n")) !== undefined) return r.explain;
    }
  return undefined;
}

/** Repairs of a quote or bracket opened on `line` and never closed. */
function openings(lines: readonly string[], line: number): (Repair & { kind: "quote" | "bracket" })[] {
  const text = lines[line - 1] ?? "";
  const repairs: (Repair & { kind: "quote" | "bracket" })[] = [];
  const value = /^( *(?:- +)?[A-Za-z_][\w.-]*: +)(["'])/.exec(text);
  if (value !== null) {
    const [, before = "", mark = '"'] = value;
    const rest = text.slice(before.length + 1);
    const closed = mark === '"' ? /(^|[^\\])"/.test(rest) : /'/.test(rest.replace(/''/g, ""));
    if (!closed)
      repairs.push({
        kind: "quote",
        line,
        apply: (l) => (l[line - 1] = `${text}${mark}`),
        explain: (at) => issue(yamlUnclosedQuote, at(line, before.length + 1), { line, mark }),
      });
  }
  const open = unbalanced(text);
  if (open.length > 0) {
    const closers = open
      .map((c) => (c === "[" ? "]" : "}"))
      .reverse()
      .join("");
    const column = openingColumn(text, open[0] ?? "[");
    repairs.push({
      kind: "bracket",
      line,
      apply: (l) => (l[line - 1] = `${text.replace(/\s+$/, "")}${closers}`),
      explain: (at) => issue(yamlUnclosedBracket, at(line, column), { line, open: open[0] ?? "[", closers }),
    });
  }
  return repairs;
}

/** The brackets left open on a line (outside quotes, before a comment), in order. */
function unbalanced(text: string): string[] {
  const stack: string[] = [];
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? "";
    if (quote !== undefined) {
      if (c === quote) quote = undefined;
      continue;
    }
    if ((c === '"' || c === "'") && /[\s[{,:]/.test(text[i - 1] ?? " ")) quote = c;
    else if (c === "#" && /\s/.test(text[i - 1] ?? " ")) break;
    else if (c === "[" || c === "{") stack.push(c);
    else if ((c === "]" || c === "}") && stack.length > 0) stack.pop();
  }
  return stack;
}

/** The column of the outermost bracket still open on the line. */
function openingColumn(text: string, bracket: string): number {
  let depth = 0;
  let column = text.indexOf(bracket) + 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "[" || c === "{") {
      if (depth === 0) column = i + 1;
      depth++;
    } else if (c === "]" || c === "}") depth--;
  }
  return column;
}

/** The repairs of one line that name the slip: a stray dash, a missing colon or space, a colon in a value, a stray bracket. */
function specific(lines: readonly string[], line: number): Repair[] {
  const text = lines[line - 1] ?? "";
  const indent = indentOf(text);
  const content = text.slice(indent);
  const set = (replacement: string | undefined) => (l: string[]) => {
    if (replacement === undefined) l.splice(line - 1, 1);
    else l[line - 1] = replacement;
  };
  const repairs: Repair[] = [];
  if (/^-\s*$/.test(content))
    repairs.push({
      line,
      apply: set(undefined),
      explain: (at) => issue(yamlStrayDash, at(line, indent + 1), { line, key: "" }),
    });
  const dashed = /^- +([A-Za-z_][\w.-]*:(?: |$).*)$/.exec(content);
  if (dashed?.[1] !== undefined && amongKeys(lines, line, indent)) {
    const key = dashed[1];
    repairs.push({
      line,
      apply: set(`${" ".repeat(indent)}${key}`),
      explain: (at) => issue(yamlStrayDash, at(line, indent + 1), { line, key: key.split(":")[0] ?? "" }),
    });
  }
  const key = KEY.exec(text);
  if (key !== null) {
    const [whole, , , name = ""] = key;
    const after = text.slice(whole.length);
    const keyColumn = whole.length - name.length + 1;
    if (/^ +[^\s:#]/.test(after) && !after.includes(": ") && !/^ *$/.test(after)) {
      const fixed = `${name}:${after}`;
      repairs.push({
        line,
        apply: set(`${text.slice(0, whole.length)}:${after}`),
        explain: (at) => issue(yamlMissingColon, at(line, whole.length + 1), { line, key: name, fixed: fixed.trim() }),
      });
    }
    if (after === "")
      repairs.push({
        line,
        apply: set(`${text}:`),
        explain: (at) => issue(yamlMissingColon, at(line, whole.length + 1), { line, key: name, fixed: `${name}:` }),
      });
    if (/^:[^\s:]/.test(after)) {
      const fixed = `${name}: ${after.slice(1)}`;
      repairs.push({
        line,
        apply: set(`${text.slice(0, whole.length)}: ${after.slice(1)}`),
        explain: (at) => issue(yamlNoSpaceAfterColon, at(line, whole.length + 1), { line, fixed }),
      });
    }
    const plain = /^: +([^\s"'[{>|&*!%@`#].*)$/.exec(after);
    if (plain?.[1] !== undefined && /: |:$| #/.test(plain[1])) {
      const value = plain[1].replace(/\s+$/, "");
      const fixed = `${name}: ${JSON.stringify(value)}`;
      repairs.push({
        line,
        apply: set(`${text.slice(0, whole.length)}: ${JSON.stringify(value)}`),
        explain: (at) =>
          issue(yamlColonInValue, at(line, keyColumn + name.length + 2), {
            line,
            key: name,
            mark: value.includes(": ") ? ": " : " #",
            fixed,
          }),
      });
    }
  }
  const early = /^( *(?:- +)?[A-Za-z_][\w.-]*: +)(["'])(.*?)\2( +[^\s#].*)$/.exec(text);
  if (early !== null) {
    const [, before = "", mark = '"', inside = "", rest = ""] = early;
    const whole = `${mark}${inside}${mark}${rest}`.replace(/\s+$/, "");
    repairs.push({
      line,
      apply: set(`${before}${mark === '"' ? `'${whole.replace(/'/g, "''")}'` : JSON.stringify(whole)}`),
      explain: (at) => issue(yamlTextAfterQuote, at(line, before.length + inside.length + 2), { line, mark }),
    });
  }
  const comma = /^([^#]*\{[^}#]*?[^\s,{])( +)([A-Za-z_][\w.-]*):( )/.exec(text);
  if (comma !== null) {
    const [, before = "", , next = ""] = comma;
    repairs.push({
      line,
      apply: set(`${before},${text.slice(before.length)}`),
      explain: (at) => issue(yamlMissingComma, at(line, before.length + 1), { line, key: next }),
    });
  }
  // `operator: >`: a character YAML reserves cannot start a plain value (`>` starts folded text).
  for (const reserved of text.matchAll(/(^ *(?:- +)?|[{,] *)([A-Za-z_][\w.-]*): +([>|!@`%][^,}\s]*)/g)) {
    const [whole, , name = "", value = ""] = reserved;
    const column = reserved.index + whole.length - value.length + 1;
    const operator = name === "operator" ? operatorForSymbol(value) : undefined;
    repairs.push({
      line,
      apply: set(`${text.slice(0, column - 1)}${JSON.stringify(value)}${text.slice(column - 1 + value.length)}`),
      explain: (at) =>
        operator === undefined
          ? issue(yamlReservedStart, at(line, column), { line, value, fixed: `${name}: ${JSON.stringify(value)}` })
          : issue(yamlOperatorSymbol, at(line, column), { line, symbol: value, operator }),
    });
  }
  const stray = /[\]}]\s*$/.exec(text);
  if (stray !== null && unbalanced(text).length === 0 && closesTooMany(text)) {
    const column = stray.index + 1;
    const closer = text[stray.index] ?? "]";
    repairs.push({
      line,
      apply: set(text.slice(0, stray.index)),
      explain: (at) => issue(yamlUnopenedBracket, at(line, column), { line, close: closer }),
    });
  }
  return repairs;
}

/**
 * Whether the line at `indent` sits among keys of one mapping: the nearest lines above and below
 * that are not indented further are keys at that very indentation (then a "-" there is stray).
 */
function amongKeys(lines: readonly string[], line: number, indent: number): boolean {
  const keyAt = (step: -1 | 1): boolean => {
    for (let i = line + step; i >= 1 && i <= lines.length; i += step) {
      const other = lines[i - 1] ?? "";
      if (isBlank(other) || indentOf(other) > indent) continue;
      return indentOf(other) === indent && /^ *[A-Za-z_][\w.-]*:( |$)/.test(other);
    }
    return false;
  };
  return keyAt(-1) && keyAt(1);
}

function closesTooMany(text: string): boolean {
  let depth = 0;
  for (const c of text.replace(/"[^"]*"|'[^']*'/g, "")) {
    if (c === "[" || c === "{") depth++;
    else if (c === "]" || c === "}") depth--;
    if (depth < 0) return true;
  }
  return false;
}

/**
 * Re-indenting `line` to the indentation of a line near it, each with its support: the lines
 * nearby that use that indentation, the nearest counting most (by the square of the distance),
 * and a line of the same kind (a key among keys, an item among items) twice, less the support
 * of where the line is. A slip is one line out of step with its neighbours.
 */
function reindentations(lines: readonly string[], line: number): (Repair & { support: number })[] {
  const text = lines[line - 1] ?? "";
  const indent = indentOf(text);
  const isItem = text.slice(indent).startsWith("-");
  const support = new Map<number, number>();
  for (let i = Math.max(1, line - 8); i <= Math.min(lines.length, line + 8); i++) {
    const other = lines[i - 1] ?? "";
    if (i === line || isBlank(other) || !(KEY_LINE.test(other) || /^ *-( |$)/.test(other))) continue;
    const otherIndent = indentOf(other);
    const otherIsItem = other.slice(otherIndent).startsWith("- ");
    // An item's keys start 2 columns after its dash, so keys and dashes line up 2 apart.
    const columns: [number, number][] = [
      [otherIndent, isItem === otherIsItem ? 2 : 1],
      ...(otherIsItem && !isItem ? [[otherIndent + 2, 2] as [number, number]] : []),
      ...(!otherIsItem && isItem ? [[otherIndent - 2, 1] as [number, number]] : []),
    ];
    for (const [column, weight] of columns)
      if (column >= 0 && Math.abs(column - indent) <= 6)
        support.set(column, (support.get(column) ?? 0) + weight / (i - line) ** 2);
  }
  // Less what already supports where the line is: the odd one out is the line to move.
  const here = support.get(indent) ?? 0;
  return [...support]
    .filter(([column]) => column !== indent)
    .map(([column, count]) => ({
      line,
      support: count - here,
      apply: (l: string[]) => (l[line - 1] = `${" ".repeat(column)}${text.slice(indent)}`),
      explain: (at) => issue(yamlIndent, at(line, indent + 1), { line, found: indent, expected: column }),
    }));
}

/** The first error in plain words by its code, where no repair found the slip. */
function byCode(
  error: YAMLError,
  line: number,
  lines: readonly string[],
  at: (line: number, column: number) => Place,
  placeAt: (offset: number) => Place,
): Issue {
  const place = placeAt(error.pos[0]);
  switch (error.code) {
    case "BAD_DQ_ESCAPE":
      return issue(yamlBadEscape, place, { line });
    case "MULTIPLE_DOCS":
      return issue(yamlSecondDocument, place, { line });
    case "TAB_AS_INDENT":
      return issue(yamlTab, at(line, 1), { line, atStart: true });
    case "BAD_INDENT":
    case "BLOCK_AS_IMPLICIT_KEY":
    case "MULTILINE_IMPLICIT_KEY":
      return issue(yamlBadIndent, at(line, indentOf(lines[line - 1] ?? "") + 1), { line });
    default:
      return issue(yamlProblem, place, { detail: cleanMessage(error) });
  }
}

/** yaml's message as a sentence fragment: first line, no position (we print our own), no stop. */
export function cleanMessage(error: YAMLError): string {
  const first = (error.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "").replace(/\.$/, "");
  return /^[A-Z]( ?[a-z])/.test(first) ? `${first.charAt(0).toLowerCase()}${first.slice(1)}` : first;
}
