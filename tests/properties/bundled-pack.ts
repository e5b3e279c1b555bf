/** The bundled rule pack, read once for the property suites. */
import { join } from "node:path";
import { readRuleFiles } from "../../src/node/index.js";

export const RULES_DIR = join(new URL("../../", import.meta.url).pathname, "rules");
export const bundledFiles = await readRuleFiles(RULES_DIR);
