// Test runner config: tests mirror src/ under test/; slow browser/server suites get longer timeouts.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Everything the tests write to a temporary folder goes in one, removed after the run (see the file).
    globalSetup: ['test/support/tmp-root.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
