import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The browser files are the longest (a11y alone is minutes): start them first, so that the many short
 * integration files fill the other worker meanwhile instead of the browser files running alone at the end.
 */
class BrowserFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => (f.project.name === 'browser' ? 0 : 1);
    return [...sorted].sort((a, b) => rank(a) - rank(b));
  }
}

/**
 * Projects: every test runs on embedded PGlite, and what touches the database again on PostgreSQL when
 * TEST_DATABASE_URL is set (CI sets it). Browser tests (real Chromium) run once, on PGlite.
 */
const WEB_LAYER_ONLY = ['tests/http/bad-input.test.ts', 'tests/http/api-fuzz.test.ts', 'tests/http/body-limits.test.ts', 'tests/http/api-contract.test.ts', 'tests/http/openapi.test.ts'];
const shared = {
  include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
  exclude: ['tests/browser/**'],
  globalSetup: ['tests/support/global-setup.ts'],
  testTimeout: 60_000,
  hookTimeout: 120_000,
};

export default defineConfig({
  test: {
    // Vitest's default is one worker less than the cores: a single worker on the 2-core CI machine. The
    // tests wait on PostgreSQL, Chromium and the test servers (other processes) much of the time.
    maxWorkers: Math.max(2, availableParallelism()),
    sequence: { sequencer: BrowserFirst },
    env: { TZ: 'Europe/Helsinki' },
    projects: [
      { test: { ...shared, name: 'pglite', env: { KP_TEST_DB: 'pglite', TZ: 'Europe/Helsinki' } } },
      ...(process.env.TEST_DATABASE_URL
        ? [
            {
              test: {
                ...shared,
                // What touches the database: integration tests and the HTTP tests, but not the unit tests (no
                // database) nor the HTTP tests of the web layer alone (body limits, bad input, the API's contract
                // and fuzz), whose database side is checked on PostgreSQL by src/platform/db/db-errors.int.test.ts.
                include: ['src/**/*.int.test.ts', 'tests/**/*.int.test.ts', 'tests/http/**/*.test.ts'],
                exclude: [...shared.exclude, ...WEB_LAYER_ONLY],
                name: 'postgres',
                env: { KP_TEST_DB: 'postgres', TZ: 'Europe/Helsinki' },
              },
            },
          ]
        : []),
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // Each browser file starts its own server on a fresh data folder and a free port: files may run side by side.
          env: { KP_TEST_DB: 'pglite', TZ: 'Europe/Helsinki' },
        },
      },
    ],
  },
  resolve: {},
});
