/** Text into CommonMark/GFM that shows exactly as written. */

/**
 * Escapes every character that could start markup (emphasis, links, code, HTML, entities, table
 * pipes, strikethrough), and a list or heading marker at the start; whitespace runs, newlines
 * included, become one space, so a text never breaks a paragraph, list item or table row.
 *
 * @example escapeMarkdown("a | b <script>"); // "a \\| b \\<script\\>"
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[\\`*_[\]<>|#&~!]/g, "\\$&")
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, "$1\\$2")
    .replace(/^([-+=])(?=\s|$)/, "\\$1");
}

/** An inline code span holding `text` as is, whatever backticks it contains. */
export function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A link, or the escaped text alone when there is nowhere safe to link to. */
export function markdownLink(text: string, href: string | undefined): string {
  return href === undefined ? escapeMarkdown(text) : `[${escapeMarkdown(text)}](${href})`;
}

/** A GFM table: a header row, the delimiter row, then each row; cells are Markdown already (escaped). */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), `|${header.map(() => " --- ").join("|")}|`, ...rows.map(line)];
}
