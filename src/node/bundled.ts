import { fileURLToPath } from "node:url";

/**
 * The rule pack shipped with backplan. Resolved from this module's URL, which sits two levels
 * below the package root both in `src/node/` and in the compiled `dist/node/`.
 */
export const bundledRulesDir: string = fileURLToPath(new URL("../../rules", import.meta.url));
