import { parseArgs } from "node:util";
import { closestMatch } from "../core/suggest.js";
import type { OptionSpecs } from "./command.js";
import { UsageError } from "./usage-error.js";

/** Options every command takes, besides its own. */
export const COMMON_OPTIONS = {
  debug: { type: "boolean", description: "show the stack trace of an internal error" },
  help: { type: "boolean", short: "h", description: "show this help" },
} as const satisfies OptionSpecs;

export interface CommandLine {
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
  readonly positionals: readonly string[];
}

/**
 * Parses `args` strictly against `specs` with `node:util`'s `parseArgs`, and words its mistakes
 * our way: `unknown option "--frmat" (did you mean "--format"?)`.
 */
export function parseCommandLine(args: readonly string[], specs: OptionSpecs, allowPositionals: boolean): CommandLine {
  const options = Object.fromEntries(
    Object.entries(specs).map(([name, spec]) => [
      name,
      spec.short === undefined ? { type: spec.type } : { type: spec.type, short: spec.short },
    ]),
  );
  let parsed: CommandLine & { tokens: readonly { kind: string; name?: string }[] };
  try {
    parsed = parseArgs({ args: [...args], options, strict: true, allowPositionals, tokens: true });
  } catch (error) {
    throw new UsageError(reword(error, Object.keys(specs)));
  }
  // parseArgs keeps the last of a repeated option: `--profile a --profile b` would quietly drop one.
  const seen = new Set<string>();
  for (const token of parsed.tokens) {
    if (token.kind !== "option" || token.name === undefined) continue;
    if (seen.has(token.name)) throw new UsageError(`option "--${token.name}" is given more than once: give it once`);
    seen.add(token.name);
  }
  const empty = Object.entries(parsed.values).find(([, value]) => value === "");
  if (empty !== undefined) throw new UsageError(`option "--${empty[0]}" needs a value`);
  return { values: parsed.values, positionals: parsed.positionals };
}

function reword(error: unknown, names: readonly string[]): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = typeof error === "object" && error !== null && "code" in error ? error.code : undefined;
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? "";
  switch (code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION": {
      const suggestion = closestMatch(quoted.replace(/^-+/, ""), names);
      return `unknown option "${quoted}"${suggestion === undefined ? "" : ` (did you mean "--${suggestion}"?)`}`;
    }
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE": {
      const option = /--[\w-]+/.exec(message)?.[0] ?? quoted;
      return message.includes("does not take an argument")
        ? `option "${option}" takes no value`
        : `option "${option}" needs a value`;
    }
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return `unexpected argument "${quoted}"`;
    default:
      return message.split("\n")[0] ?? message;
  }
}
