import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 60_000,
    // Setup compiles the bundled pack or starts servers: seconds on a loaded machine, not the
    // default 10 s limit's business (cards.test.ts's beforeAll took over 10 s at load 13).
    hookTimeout: 60_000,
    // A spy (vi.spyOn) never outlives its test, so no test sees another's mock.
    restoreMocks: true,
    pool: "threads",
  },
});
