import { COMMON_OPTIONS } from "./arguments.js";
import type { Command, OptionSpec, OptionSpecs } from "./command.js";

/** A command's `--help`: usage, what it does, its options and exit codes. */
export function commandHelp(command: Command): string {
  return [
    `Usage: ${command.usage}`,
    "",
    wrap(command.description),
    "",
    "Options:",
    ...optionLines({ ...command.options, ...COMMON_OPTIONS }),
    "",
    "Exit codes:",
    ...command.exitCodes.map(([code, meaning]) => `  ${String(code).padEnd(3)}${meaning}`),
    "",
  ].join("\n");
}

/** `backplan --help`: the commands, with a pointer to each one's help. */
export function programHelp(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  return [
    "backplan: explained care plans for low back pain, from YAML clinical rules",
    "",
    "Usage: backplan <command> [options]",
    "",
    "Commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    "",
    "Options:",
    ...optionLines({ ...PROGRAM_OPTIONS }),
    "",
    "Exit codes:",
    "  0   done",
    "  1   lint found errors, or a scenario test failed",
    "  2   invalid assessment, rules or usage",
    "  70  internal error (a bug in backplan: please report it)",
    "",
    'Run "backplan <command> --help" for a command\'s options.',
    "Decision support for clinicians, not a diagnosis.",
    "",
  ].join("\n");
}

/** What `backplan` itself takes before a command. */
export const PROGRAM_OPTIONS = {
  help: COMMON_OPTIONS.help,
  version: { type: "boolean", description: "print the version" },
  debug: COMMON_OPTIONS.debug,
} as const satisfies OptionSpecs;

function optionLines(specs: OptionSpecs): string[] {
  const labels = Object.entries(specs).map(([name, spec]) => [label(name, spec), spec.description] as const);
  const width = Math.max(...labels.map(([l]) => l.length)) + 2;
  return labels.map(([l, description]) => `  ${l.padEnd(width)}${description}`);
}

function label(name: string, spec: OptionSpec): string {
  const long = spec.type === "string" ? `--${name} ${spec.value ?? "VALUE"}` : `--${name}`;
  return spec.short === undefined ? `    ${long}` : `-${spec.short}, ${long}`;
}

/** Wraps each line at 80 columns, a terminal's width; an indented line is kept as written. */
function wrap(text: string): string {
  return text
    .split("\n")
    .map((line) => (line.startsWith(" ") ? line : wrapLine(line, 80)))
    .join("\n");
}

function wrapLine(text: string, width: number): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  return [...lines, line].join("\n");
}
