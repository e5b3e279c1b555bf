/** Everything a command touches outside itself, so tests run `main` with a fake. */
export interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** The whole of standard input (for the file name `-`). */
  readonly readStdin: () => Promise<string>;
  /** The folder relative paths are read from and shown against. */
  readonly cwd: string;
}

/** Writes each line with its newline, in one write; nothing for no lines. */
export function writeLines(write: (text: string) => void, lines: readonly string[]): void {
  if (lines.length > 0) write(lines.map((line) => `${line}\n`).join(""));
}
