/**
 * Folded scalars (`>-`) keep the line breaks their author chose: a break in one is only a space,
 * so re-wrapping a whole paragraph would show every edited reason as a rewritten paragraph in a
 * diff. Only a line longer than `LINE_WIDTH` is broken, at spaces.
 */
import { Scalar, isScalar, parseDocument, visit, type Document } from "yaml";
import { foldFlowLines } from "yaml/util";
import { LINE_WIDTH } from "./layout.js";

/** The lines of each folded scalar as written, indentation removed. */
export type WrittenLines = WeakMap<Scalar, readonly string[]>;

/** Records the written lines of every folded scalar of `doc`, parsed from `text`. */
export function recordWrittenLines(doc: Document, text: string, into: WrittenLines): void {
  visit(doc, {
    Scalar(_key, node) {
      if (node.type !== Scalar.BLOCK_FOLDED || node.range == null) return;
      const body = text.slice(node.range[0], node.range[1]).split(/\r?\n/).slice(1);
      const indent = /^ */.exec(body.find((line) => line.trim() !== "") ?? "")?.[0].length ?? 0;
      const lines = body.map((line) => (line.trim() === "" ? "" : line.slice(indent)));
      while (lines.at(-1) === "") lines.pop();
      into.set(node, lines);
    },
  });
}

/**
 * `emitted` (the package's `>` header and body at `indent`) with the body replaced by the
 * written lines, long ones broken; `undefined` when they would not read back as `value` (a kept
 * `+` ending, an indentation indicator), and the package's own folding stands.
 */
export function withWrittenLines(
  emitted: string,
  written: readonly string[],
  indent: string,
  value: string,
): string | undefined {
  const header = emitted.slice(0, emitted.indexOf("\n"));
  if (!/^>-?(?: #|$)/.test(header) || indent === "") return undefined;
  const lines = written.flatMap((line) => breakLong(line, indent));
  const body = (at: string): string => lines.map((line) => (line === "" ? "" : `${at}${line}`)).join("\n");
  const readBack = parseDocument(`${header}\n${body("  ")}\n`).contents;
  if (!isScalar(readBack) || readBack.value !== value) return undefined;
  return `${header}\n${body(indent)}`;
}

/** A line past `LINE_WIDTH` broken at spaces; a more-indented line is never folded, so never broken. */
function breakLong(line: string, indent: string): string[] {
  if (indent.length + line.length <= LINE_WIDTH || /^\s/.test(line)) return [line];
  const options = { lineWidth: LINE_WIDTH, minContentWidth: 20, indentAtStart: indent.length };
  return foldFlowLines(line, indent, "block", options).split(`\n${indent}`);
}
