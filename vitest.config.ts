import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 60_000,
    // A spy (vi.spyOn) never outlives its test, so no test sees another's mock.
    restoreMocks: true,
    pool: "threads",
  },
});
