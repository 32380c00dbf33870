import { defineConfig } from 'vitest/config';

/**
 * One vitest configuration, four projects. `npm test` (tests/run-all.mjs) runs them in order:
 * unit (pure code, fast) and infra (CDK assertions), then integration (own emulators on free ports),
 * then e2e (own platform + Debian Chromium).
 *
 * Two test files at a time everywhere (docs/testing.md has the measures): vitest's default on a 2-core
 * machine is one (the cores less one), which leaves a core idle while a file waits on its emulators, its
 * browser or its JVM. Each file keeps its own process, platform and table, so files never share data.
 */
export default defineConfig({
  test: {
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'shared/src/**/*.test.ts',
            'functions/src/**/*.test.ts',
            'functions/local/**/*.test.ts',
            'web/src/**/*.test.{ts,tsx}',
          ],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'infra',
          include: ['infra/test/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
