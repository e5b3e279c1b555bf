import type { Command } from "../command.js";
import { bundle } from "./bundle.js";
import { explain } from "./explain.js";
import { fmt } from "./fmt.js";
import { impact } from "./impact.js";
import { lint } from "./lint.js";
import { plugin } from "./plugin.js";
import { recommend } from "./recommend.js";
import { rulebook } from "./rulebook.js";
import { serve } from "./serve.js";
import { test } from "./test.js";

/** Every `backplan` command, in the order `backplan --help` lists them. */
export const COMMANDS: readonly Command[] = [
  recommend,
  explain,
  lint,
  test,
  fmt,
  rulebook,
  impact,
  serve,
  bundle,
  plugin,
];
