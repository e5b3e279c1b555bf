import type { Command } from "../command.js";

/**
 * A command known by its name alone: its module, and what that module imports (the whole core for
 * `recommend`, hono and jose for `serve`), is loaded only when the command runs or its help is
 * asked for, so `backplan recommend` does not pay for the service. citty resolves its
 * `subCommands` lazily the same way.
 */
export interface CommandEntry {
  readonly name: string;
  load(): Promise<Command>;
}

/** Every `backplan` command, in the order `backplan --help` lists them. */
export const COMMANDS: readonly CommandEntry[] = [
  { name: "recommend", load: async () => (await import("./recommend.js")).recommend },
  { name: "explain", load: async () => (await import("./explain.js")).explain },
  { name: "lint", load: async () => (await import("./lint.js")).lint },
  { name: "test", load: async () => (await import("./test.js")).test },
  { name: "fmt", load: async () => (await import("./fmt.js")).fmt },
  { name: "rulebook", load: async () => (await import("./rulebook.js")).rulebook },
  { name: "impact", load: async () => (await import("./impact.js")).impact },
  { name: "serve", load: async () => (await import("./serve.js")).serve },
  { name: "bundle", load: async () => (await import("./bundle.js")).bundle },
  { name: "plugin", load: async () => (await import("./plugin.js")).plugin },
];

/** Every command loaded, for `backplan --help`. */
export function loadCommands(): Promise<Command[]> {
  return Promise.all(COMMANDS.map((entry) => entry.load()));
}
