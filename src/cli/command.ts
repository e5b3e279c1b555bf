import type { Io } from "./io.js";

/** One option of a command, described once for both `parseArgs` and the help text. */
export interface OptionSpec {
  readonly type: "string" | "boolean";
  readonly short?: string;
  /** The placeholder shown in help for a string option's value, e.g. `DIR`. */
  readonly value?: string;
  readonly description: string;
}

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/** The parsed option values of a command, typed from its specs. */
type OptionValues<O extends OptionSpecs> = {
  readonly [K in keyof O]?: ValueOf<O[K]["type"]>;
};

type ValueOf<T extends OptionSpec["type"]> = T extends "string" ? string : boolean;

/** What `run` gets: the parsed command line and the outside world. */
interface Invocation<O extends OptionSpecs> {
  readonly values: OptionValues<O>;
  readonly positionals: readonly string[];
  readonly io: Io;
}

/**
 * A command declared as data, in citty's spirit: `main` parses its options, `help` prints it,
 * and `run` does the work and returns the exit code.
 */
export interface Command<O extends OptionSpecs = OptionSpecs> {
  readonly name: string;
  /** One line, shown in `backplan --help`. */
  readonly summary: string;
  /** The synopsis after `Usage: `. */
  readonly usage: string;
  /** A paragraph for the command's own help. */
  readonly description: string;
  readonly options: O;
  /** `[code, meaning]` pairs for the help. */
  readonly exitCodes: readonly (readonly [number, string])[];
  run(invocation: Invocation<O>): Promise<number>;
}

/** Declares a command with its option types inferred from its specs. */
export function defineCommand<const O extends OptionSpecs>(command: Command<O>): Command<O> {
  return command;
}
