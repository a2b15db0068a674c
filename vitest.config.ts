import { defineConfig } from 'vitest/config';

/**
 * Projects: every integration test runs on embedded PGlite, and again on PostgreSQL when
 * TEST_DATABASE_URL is set (CI sets it). Browser tests (real Chromium) run once, on PGlite.
 */
const shared = {
  include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
  exclude: ['tests/browser/**'],
  globalSetup: ['tests/support/global-setup.ts'],
  testTimeout: 60_000,
  hookTimeout: 120_000,
};

export default defineConfig({
  test: {
    env: { TZ: 'Europe/Helsinki' },
    projects: [
      { test: { ...shared, name: 'pglite', env: { KP_TEST_DB: 'pglite', TZ: 'Europe/Helsinki' } } },
      ...(process.env.TEST_DATABASE_URL
        ? [{ test: { ...shared, name: 'postgres', env: { KP_TEST_DB: 'postgres', TZ: 'Europe/Helsinki' } } }]
        : []),
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          env: { KP_TEST_DB: 'pglite', TZ: 'Europe/Helsinki' },
        },
      },
    ],
  },
  resolve: {},
});
