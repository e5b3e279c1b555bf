/**
 * `backplan lint` end to end through the built bin (`npm test` builds first; alone, run
 * `npm run build` before this file): a broken pack's findings and hints, as a user sees them.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, expect, it } from "vitest";
import { ROOT } from "../run-main.js";
import { backplan, requireBuilt } from "../run-built.js";

const PACK = "tests/fixtures/broken-packs/shadowed-by-halt";

beforeAll(requireBuilt);

it("prints each finding with its hint, the count on stderr, and exits 1 on an error", async () => {
  const run = await backplan(["lint", PACK]);
  expect(run).toEqual({
    code: 1,
    stdout: readFileSync(join(ROOT, PACK, "expected.txt"), "utf8"),
    stderr: "1 error, 0 warnings\n",
  });
  expect(run.stdout).toContain("\n  hint: give ");
});
