import { printable } from "../core/errors.js";
import { closestMatch } from "../core/suggest.js";
import { COMMON_OPTIONS, parseCommandLine } from "./arguments.js";
import type { Command } from "./command.js";
import { COMMANDS, loadCommands, type CommandEntry } from "./commands/index.js";
import { PROGRAM_OPTIONS, commandHelp, programHelp } from "./help.js";
import { INTERNAL_ERROR, internalErrorText } from "./internal-error.js";
import type { Io } from "./io.js";
import { UsageError } from "./usage-error.js";
import { packageVersion } from "./version.js";

/** Exit code for a command line that cannot be run. */
const USAGE_ERROR = 2;

/**
 * Runs `backplan` with `argv` (without `node` and the script) and returns the exit code; only
 * `bin.ts` ends the process, so tests call this with a fake `io`.
 *
 * @example const code = await main(["lint", "rules"], io);
 */
export async function main(argv: readonly string[], given: Io): Promise<number> {
  // Whatever a command writes to stderr may quote its input (a field name, a --profile value):
  // each line is made printable, so no input can reach the terminal as a control sequence.
  const io: Io = {
    ...given,
    stderr: (text) => {
      given.stderr(printableLines(text));
    },
  };
  const start = argv.findIndex((arg) => !/^-./.test(arg));
  const [before, name, rest] =
    start === -1 ? [argv, undefined, []] : [argv.slice(0, start), argv[start], argv.slice(start + 1)];
  let command: Command | undefined;
  // Read before parsing, so a stack trace can be had for a failure anywhere.
  const debug = argv.includes("--debug");
  try {
    const program = parseCommandLine(before, PROGRAM_OPTIONS, false);
    if (program.values["help"] === true) return print(io, programHelp(await loadCommands()));
    if (program.values["version"] === true) return print(io, `${await packageVersion()}\n`);
    if (name === undefined) throw new UsageError("missing command");
    command = await findCommand(name).load();
    const { values, positionals } = parseCommandLine(rest, { ...command.options, ...COMMON_OPTIONS }, true);
    if (values["help"] === true) return print(io, commandHelp(command));
    return await command.run({ values, positionals, io });
  } catch (error) {
    if (error instanceof UsageError) {
      const help = command === undefined ? "backplan --help" : `backplan ${command.name} --help`;
      io.stderr(`backplan${command === undefined ? "" : ` ${command.name}`}: ${error.message}; run "${help}"\n`);
      return USAGE_ERROR;
    }
    io.stderr(internalErrorText(error, debug));
    return INTERNAL_ERROR;
  }
}

function findCommand(name: string): CommandEntry {
  const command = COMMANDS.find((c) => c.name === name);
  if (command !== undefined) return command;
  const suggestion = closestMatch(
    name,
    COMMANDS.map((c) => c.name),
  );
  const known = COMMANDS.map((c) => c.name).join(", ");
  throw new UsageError(
    `unknown command "${name}" (${suggestion === undefined ? `commands: ${known}` : `did you mean "${suggestion}"?`})`,
  );
}

function print(io: Io, text: string): number {
  io.stdout(text);
  return 0;
}

/** Each line of `text` printable (`printable`), the line breaks kept; a line cut at 2,000 characters. */
function printableLines(text: string): string {
  return text
    .split("\n")
    .map((line) => printable(line, 2000))
    .join("\n");
}
