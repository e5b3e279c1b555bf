/**
 * A short unified diff between two texts, for `fmt --check` to show what formatting would
 * change. Lines are matched with Myers' O(ND) algorithm, so a formatted pack file (a few
 * thousand lines, a few moved keys) diffs in well under a millisecond per change.
 */

type Edit = { readonly op: " " | "-" | "+"; readonly line: string };

/**
 * The diff as `@@ -a,n +b,m @@` hunks with `context` unchanged lines around each change, at most
 * `maxLines` lines, then `… N more changed lines`; no lines for equal texts.
 *
 * @example unifiedDiff("a\nb\n", "a\nc\n") // ["@@ -1,2 +1,2 @@", " a", "-b", "+c"]
 */
export function unifiedDiff(before: string, after: string, { context = 2, maxLines = 30 } = {}): string[] {
  const edits = diffLines(linesOf(before), linesOf(after));
  const lines = hunks(edits, context).flatMap((hunk) => [
    header(edits, hunk),
    ...edits.slice(hunk.start, hunk.end).map((edit) => `${edit.op}${edit.line}`),
  ]);
  if (lines.length <= maxLines) return lines;
  const hidden = lines.slice(maxLines).filter((line) => line.startsWith("-") || line.startsWith("+")).length;
  return [...lines.slice(0, maxLines), `… ${hidden} more changed line${hidden === 1 ? "" : "s"}`];
}

/** A text's lines; a last line without its newline is marked, as `diff` does. */
function linesOf(text: string): string[] {
  const lines = text.split("\n");
  if (lines.at(-1) === "") lines.pop();
  else lines.push("\\ No newline at end of file");
  return lines;
}

/** The shortest edit script from `a` to `b` (Myers 1986), unchanged lines included. */
function diffLines(a: readonly string[], b: readonly string[]): Edit[] {
  const trace: Int32Array[] = [];
  let v = new Int32Array(3);
  const at = (row: Int32Array, d: number, k: number): number => row[k + d + 1] ?? 0;
  for (let d = 0; ; d++) {
    const next = new Int32Array(2 * d + 3);
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && at(v, d - 1, k - 1) < at(v, d - 1, k + 1));
      let x = down ? at(v, d - 1, k + 1) : at(v, d - 1, k - 1) + 1;
      let y = x - k;
      while (x < a.length && y < b.length && a[x] === b[y]) [x, y] = [x + 1, y + 1];
      next[k + d + 1] = x;
      if (x >= a.length && y >= b.length) return backtrack([...trace, next], a, b);
    }
    trace.push(next);
    v = next;
  }
}

function backtrack(trace: readonly Int32Array[], a: readonly string[], b: readonly string[]): Edit[] {
  const edits: Edit[] = [];
  let [x, y] = [a.length, b.length];
  for (let d = trace.length - 1; d >= 0; d--) {
    const k = x - y;
    const prev = trace[d - 1];
    const read = (kk: number): number => (prev === undefined ? 0 : (prev[kk + d] ?? 0));
    const down = k === -d || (k !== d && read(k - 1) < read(k + 1));
    const prevX = d === 0 ? 0 : down ? read(k + 1) : read(k - 1);
    const prevY = d === 0 ? 0 : prevX - (down ? k + 1 : k - 1);
    for (; x > prevX && y > prevY; x--, y--) edits.push({ op: " ", line: a[x - 1] ?? "" });
    if (d > 0) edits.push(down ? { op: "+", line: b[--y] ?? "" } : { op: "-", line: a[--x] ?? "" });
  }
  return edits.reverse();
}

interface Hunk {
  readonly start: number;
  readonly end: number;
}

/** Runs of edits around the changes, merged when their context would overlap. */
function hunks(edits: readonly Edit[], context: number): Hunk[] {
  const result: Hunk[] = [];
  edits.forEach((edit, i) => {
    if (edit.op === " ") return;
    const start = Math.max(0, i - context);
    const end = Math.min(edits.length, i + context + 1);
    const last = result.at(-1);
    if (last !== undefined && start <= last.end) result[result.length - 1] = { start: last.start, end };
    else result.push({ start, end });
  });
  return result;
}

function header(edits: readonly Edit[], { start, end }: Hunk): string {
  const before = edits.slice(0, start);
  const inside = edits.slice(start, end);
  const line = (ops: string, list: readonly Edit[]): number => list.filter((e) => ops.includes(e.op)).length;
  const range = (from: number, count: number): string => `${count === 0 ? from : from + 1},${count}`;
  return `@@ -${range(line(" -", before), line(" -", inside))} +${range(line(" +", before), line(" +", inside))} @@`;
}
