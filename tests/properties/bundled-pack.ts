/** The bundled rule pack, read once for the suites that test it (tests/rules, fuzz, browser, e2e). */
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { readRuleFiles } from "../../src/node/index.js";

export const RULES_DIR = join(fileURLToPath(new URL("../../", import.meta.url)), "rules");
export const bundledFiles = await readRuleFiles(RULES_DIR);
