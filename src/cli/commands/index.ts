import type { Command } from "../command.js";
import { lint } from "./lint.js";
import { recommend } from "./recommend.js";
import { test } from "./test.js";

/** Every `backplan` command, in the order `backplan --help` lists them. */
export const COMMANDS: readonly Command[] = [recommend, lint, test];
