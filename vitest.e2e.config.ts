/**
 * End-to-end tests: build the web app once, serve dist/web on a random port, drive Debian's Chromium with
 * playwright-core. Run with `npm run test:e2e` (vitest run --config vitest.e2e.config.ts).
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
